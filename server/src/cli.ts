#!/usr/bin/env node
/** `kube-volumes [--format text|json|sarif] PATH...` (`-` for stdin): the same core as the language server, for CI. */
import { readFileSync } from 'fs';
import { analyseText } from './core/analysis/analyzer';
import { collectFiles } from './cli/files';
import { parseArguments, USAGE, UsageError } from './cli/arguments';
import { FileReport, formatJson, formatText } from './cli/format';
import { formatSarif } from './cli/sarif';
import { readStandardInput, STDIN_NAME, STDIN_PATH } from './cli/stdin';
import { version as VERSION } from '../../package.json';
import { DEFAULT_SETTINGS } from './core/settings';

export function run(
  args: readonly string[],
  write: (text: string) => void,
  writeError: (text: string) => void,
  readStdin: () => string = () => readStandardInput(writeError),
): number {
  let options;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`kube-volumes: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    write(`kube-volumes ${VERSION}\n`);
    return 0;
  }
  const settings = { rules: options.rules, publicRegistries: options.publicRegistries, kubernetesVersion: options.kubernetesVersion ?? DEFAULT_SETTINGS.kubernetesVersion };
  const reports: FileReport[] = [];
  // An unreadable path is reported and skipped: the rest is still checked and the output stays whole (exit 2).
  const { files, unreadable: unreadablePaths, brokenLinks } = collectFiles(options.paths);
  for (const { path: where, message } of unreadablePaths) writeError(`kube-volumes: cannot read ${where}: ${message}\n`);
  for (const { path: where } of brokenLinks) writeError(`kube-volumes: skipped ${where}: a link to nothing\n`);
  let unreadable = unreadablePaths.length > 0;
  for (const given of files) {
    const file = given === STDIN_PATH ? STDIN_NAME : given;
    let text: string;
    try {
      text = given === STDIN_PATH ? readStdin() : readFileSync(file, 'utf8');
    } catch (error) {
      writeError(`kube-volumes: cannot read ${file}: ${(error as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const onRuleError = (rule: string, error: unknown): void => writeError(`kube-volumes: rule ${rule} failed on ${file}: ${String(error)}\n`);
    reports.push({ path: file, diagnostics: analyseText(text, settings, onRuleError).diagnostics });
  }
  write(options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, VERSION) : formatText(reports));
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
}
