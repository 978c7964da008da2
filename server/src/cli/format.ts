/** The CLI's output formats: `file:line:col severity message rule`, and JSON for tools (SARIF is in sarif.ts). */
import type { Diagnostic } from '../core/analysis/analyzer';

export interface FileReport {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let errors = 0;
  let others = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      lines.push(`${report.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} ${d.rule}`);
      if (d.severity === 'error') errors++;
      else others++;
    }
  }
  lines.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${others} other finding${others === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    path: report.path,
    diagnostics: report.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      document: d.document,
      fieldPath: d.fieldPath,
      range: d.range,
    })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}
