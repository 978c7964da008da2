/**
 * What happens to an object whose pod spec the API server would reject. Pods and the workloads
 * whose template it validates are refused outright; a StatefulSet's template is not validated
 * at admission, so the object is accepted and the controller then fails to create every pod.
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
import type { PodSpecModel } from '../model/types';

/** One sentence on the consequence; `serverSays` is the API server's wording, for searching. */
export function rejection(podSpec: PodSpecModel, serverSays: string): string {
  const kind = podSpec.object.kind;
  return kind === 'StatefulSet'
    ? `The StatefulSet will be accepted, but the controller cannot create any of its pods (FailedCreate: ${serverSays}).`
    : `The API server rejects the ${kind} (${serverSays}).`;
}
