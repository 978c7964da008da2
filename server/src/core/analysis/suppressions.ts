/**
 * Comments that silence findings, honoured by the editor and the CLI alike:
 *   # kube-volumes-disable-next-line [rule, ...]   the next line only
 *   # kube-volumes-disable [rule, ...]             the whole file
 * Without rule ids, every rule is silenced. Text after ` -- ` is a reason, not a rule id.
 *
 * The directive word must end at white space or the line's end: `kube-volumes-disable-line`
 * (ESLint's spelling) is no directive, where reading it as `kube-volumes-disable` with the rule
 * list `-line` silenced every rule in the whole file.
 */
import { LineBreakCounter } from '../text/line-index';

const DIRECTIVE = /#\s*kube-volumes-disable(-next-line)?(?=[ \t\r]|$)([^\n]*)/gm;
const ALL = '*';

/** What every directive starts with: a text without it has none. */
export const DIRECTIVE_WORD = 'kube-volumes-disable';

export interface Suppressions {
  /** Whether the text holds DIRECTIVE_WORD at all. */
  readonly mentioned: boolean;
  /** Rules silenced in the whole file. */
  readonly file: ReadonlySet<string>;
  /** 0-based line -> rules silenced on that line. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

/**
 * The rules a directive names. Every word counts, so that a misspelt or capitalised id silences
 * nothing (or its rule) instead of widening the directive to every rule.
 */
function ruleList(rest: string): Set<string> {
  const reasonAt = rest.search(/(^|\s)--(\s|$)/);
  const ids = (reasonAt === -1 ? rest : rest.slice(0, reasonAt)).split(/[\s,]+/).filter((s) => s !== '').map((s) => s.toLowerCase());
  return new Set(ids.length ? ids : [ALL]);
}

export function findSuppressions(text: string): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!text.includes(DIRECTIVE_WORD)) return { mentioned: false, file, lines };
  const breaks = new LineBreakCounter(text);
  for (const match of text.matchAll(DIRECTIVE)) {
    const rules = ruleList(match[2]);
    if (!match[1]) {
      rules.forEach((r) => file.add(r));
      continue;
    }
    // Lines as the editor counts them, like the diagnostics they are compared with (line-index.ts).
    const line = breaks.count(0, match.index!);
    lines.set(line + 1, new Set([...(lines.get(line + 1) ?? []), ...rules]));
  }
  return { mentioned: true, file, lines };
}

/**
 * The suppressions of `text` after an edit of `[start, end)` that kept every line break: those
 * `previous` found, when its text held no directive and the edited line holds none now (a
 * directive lies within one line, so no other line can have gained one). Otherwise found again.
 */
export function suppressionsAfterLineEdit(previous: Suppressions, text: string, start: number, end: number): Suppressions {
  if (previous.mentioned) return findSuppressions(text);
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, lineEnd === -1 ? text.length : lineEnd);
  return line.includes(DIRECTIVE_WORD) ? findSuppressions(text) : previous;
}

/** The rules silenced in the whole file, from the suppressions of its documents (a shared empty set when none). */
export function fileWideRules(documents: readonly { readonly suppressions: Suppressions }[]): ReadonlySet<string> {
  let rules: Set<string> | undefined;
  for (const { suppressions } of documents) {
    if (suppressions.file.size === 0) continue;
    rules ??= new Set();
    for (const rule of suppressions.file) rules.add(rule);
  }
  return rules ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Whether `rule` is silenced on `line` of a document (0-based, counted from the document's first
 * line): by the whole file, by a comment in the document, or, on its first line, by a
 * disable-next-line comment that ends the document before (`carried`).
 */
export function isSuppressed(rule: string, line: number, fileWide: ReadonlySet<string>, own: Suppressions, carried: ReadonlySet<string> | undefined): boolean {
  if (fileWide.has(ALL) || fileWide.has(rule)) return true;
  return silences(own.lines.get(line), rule) || (line === 0 && silences(carried, rule));
}

function silences(rules: ReadonlySet<string> | undefined, rule: string): boolean {
  return rules !== undefined && (rules.has(ALL) || rules.has(rule));
}
