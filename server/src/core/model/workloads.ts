/**
 * Which Kubernetes kinds carry a pod spec, and where.
 * https://kubernetes.io/docs/concepts/workloads/
 */
import { lookupTable } from '../lookup-table';

/** Field path segments from the object's root to its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = lookupTable({
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
});

/** API groups each kind is served from; a CRD may reuse a kind name in its own group. */
const GROUPS: Record<string, readonly string[]> = lookupTable({
  Pod: [''],
  PodTemplate: [''],
  ReplicationController: [''],
  ReplicaSet: ['apps', 'extensions'],
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
});

/** Kinds whose apps/v1 form requires `spec.selector`: an object without one is a patch. */
export const SELECTOR_REQUIRED = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet']);

function groupOf(apiVersion: string | undefined): string | undefined {
  if (apiVersion === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The path to the pod spec of a workload kind, or undefined when the object has none. */
export function podSpecPath(kind: string, apiVersion: string | undefined): readonly string[] | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  const group = groupOf(apiVersion);
  // Without apiVersion (a fragment being typed) the kind alone decides.
  if (group !== undefined && !GROUPS[kind].includes(group)) return undefined;
  return path;
}

export function isListKind(kind: string): boolean {
  return kind === 'List' || (kind.endsWith('List') && kind.length > 4);
}
