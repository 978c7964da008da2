/**
 * Helm templates: `{{ ... }}` actions make a file that is not YAML until rendered. We blank the
 * actions out (keeping every offset and line break) so that the YAML around them can still be
 * read, and mark the objects they touch so that rules stay silent where a template could
 * generate what looks missing.
 */
const ACTION = /\{\{[\s\S]*?\}\}/g;

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

export function blankTemplateActions(text: string): string {
  return text.replace(ACTION, (action) => action.replace(/[^\r\n]/g, ' '));
}
