/** Each docs page's examples do what the page says: the Bad one triggers its rule, the Good one triggers nothing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/core/rules/registry';
import { lint } from './helpers';

const DOCS = path.resolve(__dirname, '..', 'docs', 'rules');

/**
 * The first yaml block after a `## heading`, and the release it targets: a version-dependent
 * rule's page says `<!-- kubernetesVersion: 1.32 -->` between the heading and the block.
 */
function example(page: string, heading: string): { text: string; settings: { kubernetesVersion?: string } } | undefined {
  const at = page.indexOf(`## ${heading}`);
  const match = at < 0 ? undefined : /(?:<!-- kubernetesVersion: (\S+) -->\s*)?```ya?ml\n([\s\S]*?)```/.exec(page.slice(at));
  return match ? { text: match[2], settings: match[1] ? { kubernetesVersion: match[1] } : {} } : undefined;
}

describe('docs examples', () => {
  for (const rule of RULES) {
    it(`${rule.id}: Bad triggers it, Good triggers nothing`, () => {
      const page = readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      const bad = example(page, 'Bad');
      const good = example(page, 'Good');
      assert.ok(bad && good, 'the page has a Bad and a Good yaml example');
      assert.ok(lint(bad.text, bad.settings).some((d) => d.rule === rule.id), 'Bad triggers the rule');
      assert.deepEqual(lint(good.text, good.settings).map((d) => `${d.rule} @ ${d.fieldPath}`), []);
    });
  }
});
