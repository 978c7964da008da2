/**
 * Helm templates: `{{ ... }}` actions make a file that is not YAML until rendered. We blank the
 * actions out (keeping every offset and line break) so that the YAML around them can still be
 * read, and mark the objects they touch so that rules stay silent where a template could
 * generate what looks missing.
 */

/** The end of a template comment: a star and a slash, then the closing braces. */
const COMMENT_END = /\*\/\s*-?\}\}/;

/**
 * Template text: an action, or the end of a template comment (a star, a slash and the closing braces), which is all a document
 * holds of a commented-out one when the `---` inside the comment splits the file there.
 */
export function hasTemplateActions(text: string): boolean {
  return text.includes('{{') || COMMENT_END.test(text);
}

/**
 * Where the action opened at `open` closes (the index of its `}}`), or -1. A `}}` inside a string
 * literal (`default "}}"`) or inside a comment (before the star and slash that end it) does not close it. A string
 * without its closing quote on the line falls back to the first `}}`, as do comments without end.
 */
export function actionClose(text: string, open: number): number {
  const first = text.indexOf('}}', open + 2);
  if (first === -1) return -1;
  let i = open + 2;
  if (text[i] === '-' && text[i + 1] === ' ') i += 2;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text.startsWith('/*', i)) {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? first : text.indexOf('}}', end + 2);
  }
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') return i;
    if (c === '"' || c === '`') {
      let j = i + 1;
      for (; j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n'); j++) if (c === '"' && text[j] === '\\') j++;
      if (j >= text.length || text[j] !== c) return first;
      i = j;
    }
  }
  return first;
}

/**
 * Whether the document's actions all open and close in it, and no template comment ends outside
 * them: a document cut out of a comment by a `---` inside it is not one the chart renders. (A
 * plain `}}` outside actions is only nested flow maps: `{labels: {app: db}}`.)
 */
export function actionsWhole(text: string): boolean {
  let done = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', done)) {
    if (COMMENT_END.test(text.slice(done, open))) return false;
    const close = actionClose(text, open);
    if (close === -1) return false;
    done = close + 2;
  }
  return !COMMENT_END.test(text.slice(done));
}

/**
 * Blanks every `{{ ... }}` action. A loop with indexOf rather than a lazy regular expression: on
 * many `{{` without a closing `}}` the expression searched to the end of the text from each one.
 */
export function blankTemplateActions(text: string): string {
  const parts: string[] = [];
  let done = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', done)) {
    const close = actionClose(text, open);
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
  /** It ends with `-}}`: the white space after it, line breaks included, is cut, so the next line joins its own. */
  readonly trimsAfter: boolean;
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
    const close = actionClose(text, open);
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
      trimsAfter: /(?:^|\s)-$/.test(text.slice(open + 2, close)),
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
