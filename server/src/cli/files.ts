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
  /** The YAML files in order, `-` (stdin) in its place; each file once, however many ways lead to it. */
  readonly files: string[];
  /** Paths given or folders found that could not be read: the run reports them, goes on with the rest, and exits 2. */
  readonly unreadable: Unreadable[];
  /** Links named like YAML that lead nowhere, found in a folder: named, but no failure (a stale link is no manifest). */
  readonly brokenLinks: Unreadable[];
}

/**
 * Expands paths into a sorted list of YAML files. Links are followed, to files and to folders
 * alike (a manifest kept behind a link is checked as if it were there), and each folder is read
 * once, so a link loop ends, and each file once. A path given that cannot be read, or a folder
 * found that cannot be, is listed as unreadable, and the others are still collected; a link named
 * like YAML that leads nowhere is listed apart.
 */
export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  const brokenLinks: Unreadable[] = [];
  const visited = new Set<string>();
  // A file reached twice (given and found, or through a link) is checked once: its findings counted once.
  const seenFiles = new Set<string>();
  const addFile = (file: string): void => {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // Read as given; reading it will say what is wrong.
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(file);
  };
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
          if (isYaml(entry.name)) brokenLinks.push({ path: full, message: (error as Error).message });
          continue;
        }
        if (target.isDirectory()) walk(full);
        else if (target.isFile() && isYaml(entry.name)) addFile(full);
      } else if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(full);
      else if (entry.isFile() && isYaml(entry.name)) addFile(full);
    }
  };
  for (const given of paths) {
    if (given === STDIN_PATH) {
      files.push(given);
      continue;
    }
    const stats = statOf(given);
    if (stats?.isDirectory()) walk(given);
    else if (stats) addFile(given);
  }
  return { files, unreadable, brokenLinks };
}
