/**
 * YAML the parser cannot read, reported only for files that are Kubernetes manifests: a CI
 * workflow or a compose file with a typo is some other tool's business, and a Helm template is
 * not YAML until it is rendered.
 */
import type { SyntaxProblem } from '../model/types';
import type { FileFinding, FileRule } from './types';

/**
 * After the first mistake the parser often reports the same place twice, then a cascade of
 * follow-on errors (a tab and an unclosed `[` gave 76): one per position, and the first few.
 */
const MAX_PER_DOCUMENT = 5;

const LOOKS_LIKE_MANIFEST = /^apiVersion:[ \t]*\S/m;
const HAS_KIND = /^kind:[ \t]*\S/m;

interface SyntaxFacts {
  /** The document makes the file a manifest: it is one, or it would be if it could be read. */
  readonly manifest: boolean;
  /** The problems to report, should the file be a manifest. */
  readonly problems: readonly SyntaxProblem[];
}

/** The facts of every manifest that reads without problems: one shared object. */
const A_READABLE_MANIFEST: SyntaxFacts = Object.freeze({ manifest: true, problems: Object.freeze([]) });

function reportable(problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const reported = new Map<number, SyntaxProblem>();
  for (const problem of problems) {
    if (reported.has(problem.range.start)) continue;
    if (reported.size === MAX_PER_DOCUMENT) break;
    reported.set(problem.range.start, problem);
  }
  return [...reported.values()];
}

export const yamlSyntax: FileRule<SyntaxFacts> = {
  id: 'yaml-syntax',
  scope: 'file',
  defaultSeverity: 'error',
  description: 'The YAML cannot be parsed (reported in Kubernetes manifests only, never in Helm templates).',
  collect(document) {
    const manifest = document.isKubernetes || (LOOKS_LIKE_MANIFEST.test(document.text) && HAS_KIND.test(document.text));
    const problems = document.templated ? [] : reportable(document.syntaxProblems);
    if (problems.length > 0) return { manifest, problems };
    return manifest ? A_READABLE_MANIFEST : undefined;
  },
  relate(_documents, facts) {
    const findings: FileFinding[] = [];
    // A plain loop that reads a document's facts only when they hold problems: most are the shared
    // object for a readable manifest, and this runs over every document on each keystroke.
    let manifest = false;
    for (let index = 0; index < facts.length; index++) {
      const f = facts[index];
      if (f === undefined) continue;
      if (f === A_READABLE_MANIFEST) {
        manifest = true;
        continue;
      }
      manifest ||= f.manifest;
      for (const problem of f.problems) findings.push({ rule: 'yaml-syntax', document: index, message: problem.message, fieldPath: '', range: problem.range });
    }
    return manifest ? findings : [];
  },
};
