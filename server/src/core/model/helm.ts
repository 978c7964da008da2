/**
 * Helm templates: `{{ ... }}` actions make a file that is not YAML until rendered. We blank the
 * actions out (keeping every offset and line break) so that the YAML around them can still be
 * read, and mark the objects they touch so that rules stay silent where a template could
 * generate what looks missing.
 */

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

/**
 * Blanks every `{{ ... }}` action. A loop with indexOf rather than a lazy regular expression: on
 * many `{{` without a closing `}}` the expression searched to the end of the text from each one.
 */
export function blankTemplateActions(text: string): string {
  const parts: string[] = [];
  let done = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', done)) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    parts.push(text.slice(done, open), text.slice(open, close + 2).replace(/[^\r\n]/g, ' '));
    done = close + 2;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** A `{{ ... }}` action, and what it can do to the YAML around it. */
export interface TemplateAction {
  readonly start: number;
  readonly end: number;
  /** Its line up to it, other actions left out (cut after PREFIX_KEPT characters: then `truncated`). */
  readonly before: string;
  readonly truncated: boolean;
  /** How many actions stand before it on its line. */
  readonly earlierOnLine: number;
  /** What is between the braces, without the `-` that trims white space. */
  readonly body: string;
  /** Only white space (or other actions) before it on its line: its output starts a line, at whatever depth it gives itself. */
  readonly lineStart: boolean;
  /** It writes text: not a control action (if, else, end, with, range, ...), a comment or a variable assignment. */
  readonly emits: boolean;
  /** The N of an `indent N` or `nindent N` that ends its pipeline: the column its output lines start at. */
  readonly finalIndent?: number;
  /** An `else` (or `else if`): what follows it is another branch. */
  readonly isElse: boolean;
}

/** Actions that write nothing themselves (`block` does: it runs its template in place). */
const CONTROL = /^(?:if|else|end|with|range|define|break|continue)\b|^\/\*|^\$[\w.]*\s*:?=/;

/** How much of a line's literal text before an action is kept: enough to see a `key:` at its start. */
const PREFIX_KEPT = 200;

/**
 * Every action of a template, in text order (see blankTemplateActions for why indexOf). Linear in
 * the text, also for thousands of actions on one line: the line's literal prefix is carried from
 * one action to the next instead of being searched again.
 */
export function templateActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  let before = '';
  let blank = true;
  let truncated = false;
  let earlierOnLine = 0;
  let scanned = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', scanned)) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    const gap = text.slice(scanned, open);
    const lineBreak = gap.lastIndexOf('\n');
    const literal = lineBreak === -1 ? gap : gap.slice(lineBreak + 1);
    if (lineBreak !== -1) {
      before = '';
      blank = true;
      truncated = false;
      earlierOnLine = 0;
    }
    if (before.length + literal.length <= PREFIX_KEPT) before += literal;
    else truncated = true;
    blank &&= literal.trim() === '';
    const body = text.slice(open + 2, close).replace(/^-?\s*/, '').replace(/\s*-?$/, '');
    const finalIndent = /\|\s*n?indent\s+(\d+)$/.exec(body);
    actions.push({
      start: open,
      end: close + 2,
      before,
      truncated,
      earlierOnLine: earlierOnLine++,
      body,
      lineStart: blank,
      emits: !CONTROL.test(body),
      finalIndent: finalIndent ? Number(finalIndent[1]) : undefined,
      isElse: /^else\b/.test(body),
    });
    scanned = close + 2;
    // An action that spans lines starts a new line after it.
    if (text.slice(open, close).includes('\n')) {
      before = '';
      blank = true;
      truncated = false;
      earlierOnLine = 0;
    }
  }
  return actions;
}
