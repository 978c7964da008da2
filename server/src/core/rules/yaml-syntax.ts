/**
 * YAML the parser cannot read, reported only for files that are Kubernetes manifests: a CI
 * workflow or a compose file with a typo is some other tool's business, and a Helm template is
 * not YAML until it is rendered.
 */
import type { FileFinding, FileRule } from './types';

/**
 * After the first mistake the parser often reports the same place twice, then a cascade of
 * follow-on errors (a tab and an unclosed `[` gave 76): one per position, and the first few.
 */
const MAX_PER_DOCUMENT = 5;

const LOOKS_LIKE_MANIFEST = /^apiVersion:[ \t]*\S/m;
const HAS_KIND = /^kind:[ \t]*\S/m;

export const yamlSyntax: FileRule = {
  id: 'yaml-syntax',
  scope: 'file',
  defaultSeverity: 'error',
  description: 'The YAML cannot be parsed (reported in Kubernetes manifests only, never in Helm templates).',
  check(documents) {
    const isManifestFile = documents.some((d) => d.isKubernetes || (LOOKS_LIKE_MANIFEST.test(d.text) && HAS_KIND.test(d.text)));
    if (!isManifestFile) return [];
    const findings: FileFinding[] = [];
    documents.forEach((document, index) => {
      if (document.templated) return;
      const reported = new Set<number>();
      for (const problem of document.syntaxProblems) {
        if (reported.has(problem.range.start)) continue;
        if (reported.size === MAX_PER_DOCUMENT) break;
        reported.add(problem.range.start);
        findings.push({ rule: 'yaml-syntax', document: index, message: problem.message, fieldPath: '', range: problem.range });
      }
    });
    return findings;
  },
};
