/**
 * Which registry an image comes from, and whether pulling from it needs credentials.
 * https://kubernetes.io/docs/concepts/containers/images/#using-a-private-registry
 */

/** `public`: no credentials needed (public and local registries). */
export type RegistryAccess = 'public' | 'cloud' | 'private';

/** Registries that serve (almost all of) their images anonymously. */
const PUBLIC_REGISTRIES = [
  'docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com',
  'registry.k8s.io', 'k8s.gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'public.ecr.aws',
  'registry.access.redhat.com', 'docker.elastic.co', 'cgr.dev', 'nvcr.io', 'registry.gitlab.com',
];

/**
 * Cloud registries whose nodes usually pull with the node's own identity (an instance role,
 * a node service account, a managed identity) rather than a pull secret.
 */
const CLOUD_REGISTRIES: { name: string; pattern: RegExp }[] = [
  { name: 'Amazon ECR', pattern: /^\d+\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/ },
  { name: 'Google Artifact Registry', pattern: /^[a-z0-9-]+-docker\.pkg\.dev$/ },
  { name: 'Google Container Registry', pattern: /^(?:[a-z]+\.)?gcr\.io$/ },
  { name: 'Azure Container Registry', pattern: /^[a-z0-9]+\.azurecr\.(?:io|cn|us)$/ },
];

/**
 * The registry host of an image reference, as the container runtime resolves it: the first
 * path component when it looks like a host (has a dot or a port, or is localhost), else Docker Hub.
 */
export function registryHost(image: string): string {
  const slash = image.indexOf('/');
  if (slash === -1) return 'docker.io';
  const first = image.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  return isHost ? first.toLowerCase() : 'docker.io';
}

/** Matches a host against `host`, `host:port` or `*.suffix` patterns from the settings. */
function matchesPattern(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase().trim();
  const bare = host.replace(/:\d+$/, '');
  if (p.startsWith('*.')) return bare.endsWith(p.slice(1));
  return host === p || bare === p;
}

export interface RegistryVerdict {
  readonly host: string;
  readonly access: RegistryAccess;
  /** For cloud registries: which one. */
  readonly cloud?: string;
}

/**
 * A registry on the node itself (localhost, a loopback address, a `.localhost` name): the local
 * registries of kind, k3d and minikube serve without credentials, and no pull secret is expected.
 */
function isLocalRegistry(host: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '[::1]';
}

export function classifyRegistry(image: string, extraPublic: readonly string[]): RegistryVerdict {
  const host = registryHost(image);
  if (isLocalRegistry(host) || [...PUBLIC_REGISTRIES, ...extraPublic].some((p) => matchesPattern(host, p))) return { host, access: 'public' };
  const cloud = CLOUD_REGISTRIES.find((c) => c.pattern.test(host.replace(/:\d+$/, '')));
  return cloud ? { host, access: 'cloud', cloud: cloud.name } : { host, access: 'private' };
}

/** An image value we can judge: not empty, not a template or variable we cannot resolve. */
export function isLiteralImage(image: string): boolean {
  return image.trim() !== '' && !/[{}$<>]/.test(image);
}
