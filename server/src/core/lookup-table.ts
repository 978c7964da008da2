/**
 * Tables read with keys that come from the manifest or the editor: a kind, a Secret type, a field
 * name, a diagnostic's code.
 *
 * Why: an object literal answers `constructor`, `toString` or `__proto__` with what
 * Object.prototype holds, so `kind: constructor` made the model take a function for a workload's
 * pod spec path and throw. A table without a prototype holds only its own entries.
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** `table[key]` when the table itself holds `key`, for maps built elsewhere (spreads give them a prototype again). */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
