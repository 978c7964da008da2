/** What users can configure, in the editor (`kubeVolumes.*`) and on the command line. */
import { LATEST_STABLE, minorOf } from './kubernetes-version';
import { RULES } from './rules/registry';
import type { RuleOptions, Severity } from './rules/types';

export type RuleSetting = Severity | 'off' | 'default';

export interface Settings extends RuleOptions {
  /** Per-rule severity overrides; absent or 'default' keeps the rule's own severity. */
  readonly rules: Readonly<Record<string, RuleSetting | undefined>>;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, publicRegistries: [], kubernetesVersion: LATEST_STABLE };

/** The severity a rule reports with under these settings, or undefined when it is switched off. */
export function effectiveSeverity(ruleId: string, settings: Settings): Severity | undefined {
  const configured = settings.rules[ruleId];
  if (configured === 'off') return undefined;
  if (configured && configured !== 'default') return configured;
  return RULES.find((r) => r.id === ruleId)?.defaultSeverity ?? 'error';
}

/** Accepts what a user may write ('information' as VS Code says it, 'warn' as linters do). */
export function parseRuleSetting(value: unknown): RuleSetting | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  const aliases: Record<string, RuleSetting> = {
    error: 'error', warning: 'warning', warn: 'warning', info: 'info', information: 'info',
    hint: 'hint', off: 'off', none: 'off', default: 'default',
  };
  return aliases[v];
}

/** Builds settings from untrusted input (the editor's configuration object), ignoring what is malformed. */
export function normaliseSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  const rawRules = input.rules && typeof input.rules === 'object' ? (input.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rawRules)) {
    const setting = parseRuleSetting(value);
    if (setting) rules[id] = setting;
  }
  const publicRegistries = Array.isArray(input.publicRegistries)
    ? input.publicRegistries.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
    : [];
  const version = typeof input.kubernetesVersion === 'string' && minorOf(input.kubernetesVersion) !== undefined ? input.kubernetesVersion.trim() : LATEST_STABLE;
  return { rules, publicRegistries, kubernetesVersion: version };
}
