/**
 * A projected `serviceAccountToken.expirationSeconds` below 600 (ten minutes) or above 2^32:
 * the API server rejects the pod. The kubelet refreshes the token before it expires, so a
 * short lifetime buys nothing; 3600 (the default) is the usual choice.
 * https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken
 */
import { isScalar } from 'yaml';
import { findPair, rangeOf } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { fileSourcesOfKind } from './volume-fields';

const ID = 'invalid-token-expiration';
const MIN = 600;
const MAX = 2 ** 32;

export const invalidTokenExpiration: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['serviceAccountToken.expirationSeconds'],
  defaultSeverity: 'error',
  description: 'A projected serviceAccountToken has expirationSeconds below 600 (10 minutes) or above 2^32.',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, file } of fileSourcesOfKind(literalPodSpecs(document), 'serviceAccountToken')) {
      const node = findPair(file.map, 'expirationSeconds')?.value;
      const range = rangeOf(node);
      if (!isScalar(node) || typeof node.value !== 'number' || !range || (node.value >= MIN && node.value <= MAX)) continue;
      const path = `${file.path}.expirationSeconds`;
      const low = node.value < MIN;
      findings.push({
        rule: ID,
        message: low
          ? `expirationSeconds ${node.value} is below the minimum of 600 (10 minutes); the kubelet renews the token before it expires anyway, so use 3600 or more. ${rejection(podSpec, `${path}: Invalid value: may not specify a duration less than 10 minutes`)}`
          : `expirationSeconds ${node.value} is above 2^32. ${rejection(podSpec, `${path}: Invalid value: may not specify a duration larger than 2^32 seconds`)}`,
        fieldPath: path,
        range,
        data: { value: node.value, suggestions: [low ? 3600 : 86400] },
      });
    }
    return findings;
  },
};
