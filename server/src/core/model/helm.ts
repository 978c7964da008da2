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
  /** Only white space before it on its line: its output starts a line, at whatever depth it gives itself. */
  readonly lineStart: boolean;
  /** It writes text: not a control action (if, else, end, with, range, ...), a comment or a variable assignment. */
  readonly emits: boolean;
  /** The N of its last `indent N` or `nindent N`: the column its output lines start at. */
  readonly indent?: number;
}

const CONTROL = /^(?:if|else|end|with|range|define|block|break|continue)\b|^\/\*|^\$[\w.]*\s*:?=/;

/** Every action of a template, in text order (see blankTemplateActions for why indexOf). */
export function templateActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', open + 2)) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    const body = text.slice(open + 2, close).replace(/^-?\s*/, '').replace(/\s*-?$/, '');
    const lineBegin = Math.max(text.lastIndexOf('\n', open - 1) + 1, 0);
    const indents = [...body.matchAll(/\bn?indent\s+(\d+)/g)];
    actions.push({
      start: open,
      end: close + 2,
      // Other actions before it on the line (`{{- if .x }}{{ toYaml . }}`) leave its output at the line's start.
      lineStart: text.slice(lineBegin, open).replace(/\{\{[\s\S]*?\}\}/g, '').trim() === '',
      emits: !CONTROL.test(body),
      indent: indents.length > 0 ? Number(indents[indents.length - 1][1]) : undefined,
    });
    open = close;
  }
  return actions;
}
