/**
 * A Secret of type kubernetes.io/dockerconfigjson without the `.dockerconfigjson` key, or of
 * type kubernetes.io/dockercfg without `.dockercfg`: the API server rejects the Secret
 * ("data[.dockercfg]: Required value"). The usual cause is the older type name on a new
 * ~/.docker/config.json payload, or the other way round.
 * https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets
 */
import { child } from '../model/field-path';
import { dataKeys, objectsOfKind, PULL_SECRET_TYPES, secretType } from './secret-objects';
import type { DocumentRule, Finding } from './types';

const ID = 'pull-secret-missing-key';

export const pullSecretMissingKey: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['type'],
  defaultSeverity: 'error',
  description: 'A docker-registry Secret lacks the key its type requires (.dockerconfigjson or .dockercfg).',
  check(document) {
    const findings: Finding[] = [];
    for (const secret of objectsOfKind(document, 'Secret')) {
      const type = secretType(secret);
      const required = PULL_SECRET_TYPES[type.value];
      if (!required) continue;
      const keys = dataKeys(secret);
      if (keys.some((k) => k.key === required)) continue;
      const [otherType, otherKey] = Object.entries(PULL_SECRET_TYPES).find(([t]) => t !== type.value)!;
      const hasOther = keys.find((k) => k.key === otherKey);
      findings.push({
        rule: ID,
        message: `A Secret of type ${type.value} must hold its credentials under "${required}"${hasOther ? `, but it has "${otherKey}", the key of type ${otherType}: change the type to ${otherType}` : ''}. The API server rejects the Secret (${child(secret.pathPrefix, 'data')}[${required}]: Required value).`,
        fieldPath: child(secret.pathPrefix, 'type'),
        range: type.range,
        related: hasOther ? [{ message: `"${otherKey}" is here`, range: hasOther.keyRange }] : [],
        data: { type: type.value, requiredKey: required, suggestions: hasOther ? [otherType] : [] },
      });
    }
    return findings;
  },
};
