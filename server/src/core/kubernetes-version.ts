/**
 * The Kubernetes release a manifest targets (`kubeVolumes.kubernetesVersion`, `--kubernetes-version`).
 * Only the minor version matters to the rules: it decides which volume types are gone and
 * which fields exist, and whether they are on by default.
 */

/** The newest stable release when this version of kube-volumes was made. */
export const LATEST_STABLE = '1.37';

/** The minor version of "1.34", "v1.34" or "1.34.2", or undefined when it is not a 1.x version. */
export function minorOf(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d{1,2})(?:\.\d+)?$/.exec((version ?? '').trim());
  return match ? Number(match[1]) : undefined;
}

/** The minor version to check against: the configured one, or the newest stable. */
export function targetMinor(version: string | undefined): number {
  return minorOf(version) ?? minorOf(LATEST_STABLE)!;
}
