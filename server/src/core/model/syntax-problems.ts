/** Turns the parser's errors into problems a person can act on, at the token they concern. */
import type { YAMLError } from 'yaml';
import type { SyntaxProblem } from './types';

/**
 * True when no line is indented although the document nests maps (`spec:` followed by keys):
 * the shape of a manifest copied from a web page that dropped the leading spaces.
 */
export function looksFlattened(text: string): boolean {
  // Almost every document has an indented line that is not a comment: then it is not flattened, and
  // there is no need to split it into lines (this runs for every document of a file when it opens).
  if (/(?:^|\n)[^\S\n]+[^\s#]/.test(text)) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const opensBlock = lines.some((l, i) => /^[A-Za-z]\w*:\s*$/.test(l) && i + 1 < lines.length && /^[A-Za-z-]/.test(lines[i + 1]));
  return lines.length > 3 && opensBlock && lines.every((l) => !/^\s/.test(l));
}

export const PASTED_HINT = ' The document has no indentation at all: it looks pasted from a page that dropped the leading spaces.';

/** The key that follows `offset` (the parser points just before a duplicate key). */
function keyAfter(text: string, offset: number): { start: number; end: number; key: string } | undefined {
  const match = /^\s*(?:-\s+)?([^\s:#][^:\n]*?)\s*:/.exec(text.slice(offset, offset + 300));
  if (!match) return undefined;
  const start = offset + match[0].indexOf(match[1]);
  return { start, end: start + match[1].length, key: match[1] };
}

/**
 * Errors of the `yaml` package that go-yaml v2 (libyaml's scanner, which kubectl and the API
 * server use) does not make: after a quoted scalar or a flow collection it takes `#` as a comment
 * without a space before it (`emptyDir: {}# scratch`), and the tree is the same either way.
 */
export function isAcceptedByGoYaml(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' && error.message.startsWith('Comments must be separated from other tokens by white space');
}

export function toSyntaxProblem(error: YAMLError, text: string, flattened: boolean): SyntaxProblem {
  // The parser may point one past the end (an unclosed quote at the end of the text): keep ranges inside the text.
  const start = Math.min(error.pos[0], text.length);
  const fallback = { start, end: Math.min(Math.max(error.pos[1], start + 1), text.length) };
  const pasted = flattened ? PASTED_HINT : '';
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyAfter(text, error.pos[0]);
    if (key) {
      return {
        message: `"${key.key}" appears twice in the same map; kubectl rejects duplicate fields.${pasted}`,
        range: { start: key.start, end: key.end },
      };
    }
  }
  return { message: `${error.message.split('\n')[0]}.${pasted}`.replace(/\.\./, '.'), range: fallback };
}
