/** Finds the manifests to check: files as given, folders searched recursively for YAML. */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { STDIN_PATH } from './stdin';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Expands paths into a sorted list of YAML files, keeping `-` (stdin) in its place; throws for a path that does not exist. */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(full);
      else if (entry.isFile() && isYaml(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    if (given === STDIN_PATH) files.push(given);
    else if (statSync(given).isDirectory()) walk(given);
    else files.push(given);
  }
  return files;
}
