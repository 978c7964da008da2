/** Each docs page's examples do what the page says: the Bad one triggers its rule, the Good one triggers nothing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { RULES } from '../server/src/core/rules/registry';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { lint } from './helpers';

const DOCS = path.resolve(__dirname, '..', 'docs', 'rules');

/**
 * The first yaml block after a `## heading`, and the release it targets: a version-dependent
 * rule's page says `<!-- kubernetesVersion: 1.32 -->` between the heading and the block.
 */
function example(page: string, heading: string): { text: string; settings: { kubernetesVersion?: string }; maxDocuments?: number } | undefined {
  const at = page.indexOf(`## ${heading}`);
  const match = at < 0 ? undefined : /(?:<!-- kubernetesVersion: (\S+) -->\s*)?(?:<!-- maxDocuments: (\d+) -->\s*)?```ya?ml\n([\s\S]*?)```/.exec(page.slice(at));
  return match ? { text: match[3], settings: match[1] ? { kubernetesVersion: match[1] } : {}, maxDocuments: match[2] ? Number(match[2]) : undefined } : undefined;
}

/** The example's diagnostics; a page about the document limit shows it with a small one (`<!-- maxDocuments: N -->`). */
function findings(example: { text: string; settings: { kubernetesVersion?: string }; maxDocuments?: number }): readonly { rule: string; fieldPath: string }[] {
  if (example.maxDocuments === undefined) return lint(example.text, example.settings);
  return new FileAnalyzer(undefined, example.maxDocuments).analyse(example.text, { ...DEFAULT_SETTINGS, ...example.settings }).diagnostics;
}

describe('docs examples', () => {
  for (const rule of RULES) {
    it(`${rule.id}: Bad triggers it, Good triggers nothing`, () => {
      const page = readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      const bad = example(page, 'Bad');
      const good = example(page, 'Good');
      assert.ok(bad && good, 'the page has a Bad and a Good yaml example');
      assert.ok(findings(bad).some((d) => d.rule === rule.id), 'Bad triggers the rule');
      assert.deepEqual(findings(good).map((d) => `${d.rule} @ ${d.fieldPath}`), []);
    });
  }
});
