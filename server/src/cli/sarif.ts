/**
 * SARIF 2.1.0 output, the format code-scanning services (GitHub, GitLab, Azure DevOps) read:
 * one run, our rules as its rule table, one result per finding with 1-based regions.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES } from '../core/rules/registry';
import type { Severity } from '../core/rules/types';
import type { FileReport } from './format';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * Paths relative to the working directory, as SARIF viewers resolve them against the checkout,
 * each segment percent-encoded: a URI reference has no room for a space, `#` or `%` as such
 * (`<stdin>` becomes `%3Cstdin%3E`).
 */
function artifactUri(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? pathToFileURL(path.resolve(file)).toString() : relative.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kube-volumes',
          version,
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          })),
        },
      },
      results: reports.flatMap((report) => report.diagnostics.map((d) => ({
        ruleId: d.rule,
        ruleIndex: ruleIndex.get(d.rule),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(report.path) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
          logicalLocations: d.fieldPath ? [{ fullyQualifiedName: `document[${d.document}].${d.fieldPath}` }] : undefined,
        }],
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
