/**
 * `subPath` and `subPathExpr` name a place inside the volume: they must be relative, have no
 * `..` element, and only one of them may be set. Ephemeral (debug) containers may use neither.
 * The API server rejects the pod; it prints the path without the mount's index
 * (`volumeMounts.subPath`), so we point at the exact mount instead.
 * https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath
 */
import { findPair, scalarRef } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { localPathProblem } from './volume-fields';

const ID = 'invalid-sub-path';

export const invalidSubPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumeMounts.subPath', 'volumeMounts.subPathExpr'],
  defaultSeverity: 'error',
  description: 'A subPath or subPathExpr is absolute or contains \'..\', both are set, or an ephemeral container uses one.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of container.mounts) {
          const subPath = scalarRef(findPair(mount.node, 'subPath')?.value);
          const subPathExpr = scalarRef(findPair(mount.node, 'subPathExpr')?.value);
          const report = (field: string, range: { start: number; end: number }, why: string, serverSays: string, data: Record<string, unknown>): void => {
            findings.push({ rule: ID, message: `${why} ${rejection(podSpec, serverSays)}`, fieldPath: `${mount.path}.${field}`, range, data });
          };
          for (const [field, ref] of [['subPath', subPath], ['subPathExpr', subPathExpr]] as const) {
            if (!ref || ref.value === '') continue;
            if (container.kind === 'ephemeralContainers') {
              report(field, ref.range, `Ephemeral containers cannot use ${field}; mount the whole volume.`, `${mount.path}.${field}: Forbidden: cannot be set for an Ephemeral Container`, { field, remove: true });
              continue;
            }
            const problem = localPathProblem(ref.value, false);
            if (problem) {
              report(field, ref.range, `${field} "${ref.value}" ${problem}: it names a place inside the volume, relative to the volume's root.`, `${podSpec.path}.${container.kind}[${container.index}].volumeMounts.${field}: Invalid value: ${problem}`, { value: ref.value, suggestions: ref.value.startsWith('/') ? [ref.value.replace(/^\/+/, '')] : [] });
            }
          }
          if (subPath?.value && subPathExpr?.value) {
            report('subPathExpr', subPathExpr.range, 'subPath and subPathExpr are both set; use one of them.', `${mount.path}.subPathExpr: Invalid value: subPathExpr and subPath are mutually exclusive`, { remove: 'subPath' });
          }
        }
      }
    }
    return findings;
  },
};
