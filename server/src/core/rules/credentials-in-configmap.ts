/**
 * Credentials stored in a ConfigMap: a private key (PEM), a kubeconfig with a client key or
 * token, or a key named like a password or token with a literal value. ConfigMaps are not
 * meant for secrets: they are readable by anyone allowed to read configuration, shown in full
 * by `kubectl describe`, and not encrypted at rest when Secrets are.
 * https://kubernetes.io/docs/concepts/configuration/configmap/
 */
import { child } from '../model/field-path';
import { scalarString } from '../model/yaml-nodes';
import { dataKeys, objectsOfKind } from './secret-objects';
import type { DocumentRule, Finding } from './types';

const ID = 'credentials-in-configmap';

/**
 * What a value holds that belongs in a Secret, if anything. A line's indentation is `[ \t]*`, not
 * `\s*`: under the `m` flag `^\s*` runs across line breaks from every line start, and a value of
 * 40,000 blank lines took seconds to fail (quadratic).
 */
function credentialIn(key: string, value: string): string | undefined {
  if (/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/.test(value)) return 'a private key';
  if (/^[ \t]*client-key-data:\s*\S/m.test(value)) return 'a kubeconfig with a client key (client-key-data)';
  if (/^[ \t]*kind:[ \t]*Config[ \t]*$/m.test(value) && /^[ \t]*token:\s*\S/m.test(value)) return 'a kubeconfig with a bearer token';
  const named = /(^|[._-])(password|passwd|secret|token|api[_-]?key|private[_-]?key)$/i.test(key);
  const literal = value.trim() !== '' && !/\$\{|\{\{|^\$\(|^<.*>$/.test(value.trim());
  return named && literal && !/\n/.test(value.trim()) ? `a value named "${key}"` : undefined;
}

export const credentialsInConfigMap: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['data.**', 'metadata.name'],
  defaultSeverity: 'warning',
  description: 'A ConfigMap holds credentials (a private key, a kubeconfig with a client key or token, a password); they belong in a Secret.',
  check(document) {
    const findings: Finding[] = [];
    for (const configMap of objectsOfKind(document, 'ConfigMap')) {
      for (const entry of dataKeys(configMap, ['data'])) {
        const value = scalarString(entry.pair.value);
        const what = value === undefined ? undefined : credentialIn(entry.key, value);
        if (!what) continue;
        findings.push({
          rule: ID,
          message: `ConfigMap key "${entry.key}" holds ${what}. ConfigMaps are not for secrets: anyone who may read configuration can read it, kubectl describe prints it, and it is not encrypted at rest where Secrets are. Move it to a Secret and mount that instead.`,
          fieldPath: `${child(configMap.pathPrefix, 'data')}[${entry.key}]`,
          range: entry.keyRange,
          data: { configMap: configMap.name ?? null, key: entry.key },
        });
      }
    }
    return findings;
  },
};
