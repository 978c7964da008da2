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
