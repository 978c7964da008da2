/**
 * docs/reference-coverage.md answers for every candidate rule of the reference notes
 * (../shared/reference/volume-rules.md): each `kv/...` id of its rule tables, and each type of its
 * deprecated-types table, has a row that links the rules implementing it or says why there is none.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../server/src/core/rules/registry';

const REFERENCE = path.resolve(__dirname, '..', '..', 'shared', 'reference', 'volume-rules.md');
const COVERAGE = path.resolve(__dirname, '..', 'docs', 'reference-coverage.md');

/** The cells of each table row (header and separator rows excluded). */
function tableRows(markdown: string): { first: string; cells: string[] }[] {
  return markdown.split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      return { first: cells[0] ?? '', cells };
    });
}

const idsIn = (cell: string): string[] => cell.match(/kv\/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];

/** The volume types of the reference's table of deprecated and removed types (its first column). */
function deprecatedTypes(reference: string): string[] {
  const section = reference.slice(reference.indexOf('## 7.'), reference.indexOf('## 8.'));
  return tableRows(section).filter((r) => r.first !== 'field').flatMap((r) => r.first.split(',').map((t) => t.trim()));
}

describe('reference coverage page', () => {
  const reference = readFileSync(REFERENCE, 'utf8');
  const coverage = readFileSync(COVERAGE, 'utf8');
  const rows = tableRows(coverage);

  it('has a row for every kv/ id of the reference tables', () => {
    const ids = tableRows(reference).flatMap((r) => idsIn(r.first));
    assert.ok(ids.length > 90, `found only ${ids.length} ids in the reference`);
    const covered = new Set(rows.flatMap((r) => idsIn(r.first)));
    assert.deepEqual(ids.filter((id) => !covered.has(id)), []);
  });

  it('has a row for every deprecated volume type', () => {
    const types = deprecatedTypes(reference);
    assert.ok(types.includes('gitRepo') && types.includes('flexVolume'), 'the deprecated types table was found');
    const covered = new Set(rows.flatMap((r) => r.first.split(',').map((t) => t.trim())));
    assert.deepEqual(types.filter((t) => !covered.has(t)), []);
  });

  it('links a rule or says "not implemented" with a reason in every row', () => {
    for (const row of rows.filter((r) => idsIn(r.first).length > 0 || r.first.includes('gitRepo'))) {
      const [, , implementedBy, notes] = row.cells;
      const linked = /^\[[a-z-]+\]\(rules\/[a-z-]+\.md\)/.test(implementedBy);
      const reasoned = implementedBy === 'not implemented' && (notes ?? '').length > 20;
      assert.ok(linked || reasoned, `${row.first}: links the rules that implement it, or says "not implemented" and why`);
    }
  });

  it('links only rules of the registry', () => {
    const linked = [...coverage.matchAll(/\(rules\/([a-z-]+)\.md\)/g)].map((m) => m[1]);
    assert.ok(linked.length > 50);
    assert.deepEqual(linked.filter((id) => !ruleById(id)), []);
  });
});
