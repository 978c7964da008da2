/** Command-line parsing for the CLI: pure, so that every usage error is testable. */
import { parseRuleSetting, RuleSetting } from '../core/settings';
import { minorOf } from '../core/kubernetes-version';
import { ruleById } from '../core/rules/registry';
import { STDIN_PATH } from './stdin';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  readonly format: OutputFormat;
  readonly paths: string[];
  readonly rules: Record<string, RuleSetting>;
  readonly publicRegistries: string[];
  readonly kubernetesVersion?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: kube-volumes [options] PATH...

Checks the volumes, mounts and pull secrets of Kubernetes manifests. PATH is a file or a
folder; folders are searched recursively for .yaml and .yml files. PATH - reads one manifest
from standard input (helm template ./chart | kube-volumes -), reported as <stdin>; a file
named - is ./-.

Options:
  --format text|json|sarif   output format (default: text); SARIF 2.1.0 for code scanning
  --rule ID=SEVERITY         change a rule's severity: error, warning, info, hint or off
  --public-registry HOST     a registry that needs no pull secret (repeatable; *.example.com allowed)
  --kubernetes-version 1.N   the Kubernetes release the manifests target (default: the newest stable)
  -V, --version              print the version
  -h, --help                 show this help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

export class UsageError extends Error {}

function valueOf(args: readonly string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseRuleArgument(value: string): [string, RuleSetting] {
  const [id, severity] = value.split('=');
  if (!ruleById(id)) throw new UsageError(`unknown rule "${id}"`);
  const setting = parseRuleSetting(severity);
  if (!setting) throw new UsageError(`--rule ${value}: severity must be error, warning, info, hint or off`);
  return [id, setting];
}

export function parseArguments(args: readonly string[]): CliOptions {
  let format: OutputFormat = 'text';
  const paths: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  const publicRegistries: string[] = [];
  let kubernetesVersion: string | undefined;
  let help = false;
  let version = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const take = (): string => inline ?? valueOf(args, i++, flag);
    if (flag === '-h' || flag === '--help') help = true;
    else if (flag === '-V' || flag === '--version') version = true;
    else if (flag === '--format') {
      const value = take();
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
      format = value;
    } else if (flag === '--rule') {
      const [id, setting] = parseRuleArgument(take());
      rules[id] = setting;
    } else if (flag === '--public-registry') publicRegistries.push(take());
    else if (flag === '--kubernetes-version') {
      kubernetesVersion = take();
      if (minorOf(kubernetesVersion) === undefined) throw new UsageError(`--kubernetes-version must look like 1.34, not "${kubernetesVersion}"`);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (args[i] === STDIN_PATH && paths.includes(STDIN_PATH)) throw new UsageError('- (standard input) may be given only once');
    else paths.push(args[i]);
  }
  if (!help && !version && paths.length === 0) throw new UsageError('no PATH given');
  return { format, paths, rules, publicRegistries, kubernetesVersion, help, version };
}
