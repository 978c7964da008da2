/**
 * Whole-manifest snippets (snippets/kubernetes-volumes.json), offered by the language server
 * only where a manifest can start: at column 0 outside any object field. Contributed through
 * package.json instead, VS Code would list all of them in every value completion too.
 */
import snippetFile from '../../../../snippets/kubernetes-volumes.json';

export interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string;
}

export const SNIPPETS: readonly Snippet[] = Object.values(snippetFile as Record<string, { prefix: string; description: string; body: string[] }>)
  .map((s) => ({ prefix: s.prefix, description: s.description, body: s.body.join('\n') }));
