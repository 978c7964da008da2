/**
 * Comments that silence findings, honoured by the editor and the CLI alike:
 *   # kube-volumes-disable-next-line [rule, ...]   the next line only
 *   # kube-volumes-disable [rule, ...]             the whole file
 * Without rule ids, every rule is silenced.
 */
const DIRECTIVE = /#\s*kube-volumes-disable(-next-line)?\b([^\n]*)/g;
const ALL = '*';

export interface Suppressions {
  /** Rules silenced in the whole file. */
  readonly file: ReadonlySet<string>;
  /** 0-based line -> rules silenced on that line. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

function ruleList(rest: string): Set<string> {
  const ids = rest.split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[a-z][a-z-]*$/.test(s));
  return new Set(ids.length ? ids : [ALL]);
}

export function findSuppressions(text: string): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!text.includes('kube-volumes-disable')) return { file, lines };
  for (const match of text.matchAll(DIRECTIVE)) {
    const rules = ruleList(match[2]);
    if (!match[1]) {
      rules.forEach((r) => file.add(r));
      continue;
    }
    let line = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < match.index!; i = text.indexOf('\n', i + 1)) line++;
    lines.set(line + 1, new Set([...(lines.get(line + 1) ?? []), ...rules]));
  }
  return { file, lines };
}

const EMPTY: Suppressions = { file: new Set(), lines: new Map() };
const byDocument = new WeakMap<object, Suppressions>();

/**
 * The comments of one document, lines counted from its first line; found once per analysed
 * document (`key`), so that a keystroke searches the edited document only, not a 12 MB file.
 */
export function documentSuppressions(key: object, text: string): Suppressions {
  let found = byDocument.get(key);
  if (!found) byDocument.set(key, (found = findSuppressions(text)));
  return found;
}

/** The suppressions of a file from those of its documents, each starting at `line`. */
export function combineSuppressions(parts: readonly { suppressions: Suppressions; line: number }[]): Suppressions {
  let combined: { file: Set<string>; lines: Map<number, Set<string>> } | undefined;
  for (const { suppressions, line } of parts) {
    if (suppressions.file.size === 0 && suppressions.lines.size === 0) continue;
    combined ??= { file: new Set(), lines: new Map() };
    for (const rule of suppressions.file) combined.file.add(rule);
    for (const [at, rules] of suppressions.lines) combined.lines.set(at + line, new Set([...(combined.lines.get(at + line) ?? []), ...rules]));
  }
  return combined ?? EMPTY;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  if (suppressions.file.has(ALL) || suppressions.file.has(rule)) return true;
  const onLine = suppressions.lines.get(line);
  return onLine !== undefined && (onLine.has(ALL) || onLine.has(rule));
}
