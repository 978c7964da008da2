/** Finds the manifests to check: files as given, folders searched recursively for YAML. */
import { readdirSync, realpathSync, statSync, Stats } from 'fs';
import * as path from 'path';
import { STDIN_PATH } from './stdin';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** A path the walk could not read, and why (the error's message). */
export interface Unreadable {
  readonly path: string;
  readonly message: string;
}

export interface CollectedFiles {
  /** The YAML files in order, `-` (stdin) in its place. */
  readonly files: string[];
  /** Paths given or found that could not be read: the run reports them and goes on with the rest. */
  readonly unreadable: Unreadable[];
}

/**
 * Expands paths into a sorted list of YAML files. Links are followed, to files and to folders
 * alike (a manifest kept behind a link is checked as if it were there), and each folder is read
 * once, so a link loop ends. A path that cannot be read (missing, no permission, a broken link
 * named like YAML) is listed as unreadable, and the others are still collected.
 */
export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  const visited = new Set<string>();
  const statOf = (full: string): Stats | undefined => {
    try {
      return statSync(full);
    } catch (error) {
      unreadable.push({ path: full, message: (error as Error).message });
      return undefined;
    }
  };
  const walk = (folder: string): void => {
    let real: string;
    let entries;
    try {
      real = realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      unreadable.push({ path: folder, message: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        // A link named like a skipped folder is skipped like one; a broken link matters only when it is named like a manifest.
        if (!isYaml(entry.name) && SKIPPED_FOLDERS.has(entry.name)) continue;
        let target: Stats | undefined;
        try {
          target = statSync(full);
        } catch (error) {
          if (isYaml(entry.name)) unreadable.push({ path: full, message: (error as Error).message });
          continue;
        }
        if (target.isDirectory()) walk(full);
        else if (target.isFile() && isYaml(entry.name)) files.push(full);
      } else if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(full);
      else if (entry.isFile() && isYaml(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    if (given === STDIN_PATH) {
      files.push(given);
      continue;
    }
    const stats = statOf(given);
    if (stats?.isDirectory()) walk(given);
    else if (stats) files.push(given);
  }
  return { files, unreadable };
}
