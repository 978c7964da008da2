/** package.json and the README say what the rule registry says. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/core/rules/registry';
import { withConfiguration, withRuleTable } from '../scripts/manifest';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('manifest and docs', () => {
  it('package.json has one setting per rule (run npm run sync after adding a rule)', () => {
    const manifest = JSON.parse(read('package.json'));
    assert.deepEqual(manifest.contributes.configuration.properties, withConfiguration(manifest).contributes.configuration.properties);
  });

  it('the README rule table is generated from the registry', () => {
    assert.equal(read('README.md'), withRuleTable(read('README.md')));
  });

  it('the package ships every bundle the build makes: the server loads its helper thread from beside it', () => {
    // .vscodeignore leaves out everything (**) but what it names; a bundle left out would go unnoticed:
    // without dist/analysis-worker.js the server quietly analyses on one thread.
    const shipped = new Set(read('.vscodeignore').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1)));
    const built = [...read('scripts/build.mjs').matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(built.includes('dist/analysis-worker.js'), built.join(', '));
    for (const bundle of built) assert.ok(shipped.has(bundle), `${bundle} is not in the package`);
  });

  it('every rule has a docs page, a test and a kebab-case id', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(existsSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
      assert.ok(existsSync(path.join(ROOT, 'test', 'rules', `${rule.id}.test.ts`)), `test/rules/${rule.id}.test.ts`);
    }
  });
});
