/**
 * Hover text for volume types and the fields people get wrong, in our own words.
 * Links go to the Kubernetes documentation, which stays the source of truth.
 */
import { lookupTable } from '../lookup-table';
const VOLUMES = 'https://kubernetes.io/docs/concepts/storage/volumes/';

export interface FieldDoc {
  readonly summary: string;
  /** How long the data lives, for volume types. */
  readonly lifetime?: string;
  readonly trap?: string;
  readonly link?: string;
}

export const VOLUME_TYPE_DOCS: Record<string, FieldDoc> = lookupTable({
  emptyDir: {
    summary: 'An empty directory created for the pod on the node it runs on; every container that mounts it sees the same files.',
    lifetime: 'Survives container restarts; deleted for good when the pod leaves the node (deleted, evicted, rescheduled). With `medium: Memory` it is a tmpfs, also cleared on node reboot.',
    trap: 'Not for data that must outlive the pod. A Memory emptyDir without `sizeLimit` can use all of the node\'s memory, and what it holds counts toward the container\'s memory limit.',
    link: `${VOLUMES}#emptydir`,
  },
  hostPath: {
    summary: 'A file or directory of the node\'s own filesystem, mounted into the pod.',
    lifetime: 'Lives on the node, independent of the pod; a pod rescheduled to another node sees that node\'s files.',
    trap: 'Ties the pod to node contents and is a common container escape path; mount it read-only, and prefer a local PersistentVolume. Pod Security "baseline" forbids it.',
    link: `${VOLUMES}#hostpath`,
  },
  configMap: {
    summary: 'The keys of a ConfigMap, as files (one file per key, or the keys listed in `items`).',
    lifetime: 'Read-only; updated in place when the ConfigMap changes (after the kubelet sync period plus cache delay) — except for `subPath` mounts, which never update.',
    trap: 'Mounting it over an existing directory hides everything that was there. The ConfigMap must exist in the pod\'s namespace unless `optional: true`, or the pod stays in ContainerCreating.',
    link: `${VOLUMES}#configmap`,
  },
  secret: {
    summary: 'The keys of a Secret, as files on a tmpfs (never written to the node\'s disk). Uses `secretName`, not `name`.',
    lifetime: 'Read-only; updated when the Secret changes, except for `subPath` mounts.',
    trap: 'The default file mode 0644 makes the files readable by every user in the container; set `defaultMode: 0400` (octal) for keys and passwords.',
    link: `${VOLUMES}#secret`,
  },
  projected: {
    summary: 'Several sources (secret, configMap, downwardAPI, serviceAccountToken, clusterTrustBundle) projected into one directory.',
    lifetime: 'Read-only; updated like its sources. Service account tokens are rotated by the kubelet.',
    trap: 'Two sources must not write the same file path.',
    link: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/',
  },
  downwardAPI: {
    summary: 'Facts about the pod itself (name, namespace, uid, labels, annotations, container resources) as files.',
    lifetime: 'Read-only; labels and annotations are updated while the pod runs.',
    trap: 'Only metadata fields and resource fields work here; `spec.nodeName` or `status.podIP` are available only as environment variables.',
    link: `${VOLUMES}#downwardapi`,
  },
  persistentVolumeClaim: {
    summary: 'Storage that outlives the pod, through a PersistentVolumeClaim in the pod\'s namespace.',
    lifetime: 'Lives as long as the claim (and, depending on the reclaim policy, the volume behind it).',
    trap: 'A ReadWriteOnce claim attaches to one node: replicas on other nodes cannot start. For one volume per replica, use a StatefulSet\'s volumeClaimTemplates.',
    link: `${VOLUMES}#persistentvolumeclaim`,
  },
  ephemeral: {
    summary: 'A PersistentVolumeClaim created for this pod from a template and deleted with it (generic ephemeral volume); named `<pod>-<volume>`.',
    lifetime: 'Created with the pod, deleted with the pod.',
    trap: 'The template\'s metadata may only hold labels and annotations.',
    link: 'https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#generic-ephemeral-volumes',
  },
  csi: {
    summary: 'An inline volume served by a CSI driver installed in the cluster (for example the Secrets Store CSI driver).',
    lifetime: 'Defined by the driver; inline CSI volumes usually live as long as the pod.',
    trap: 'The driver must support inline (ephemeral) volumes; `driver` must name an installed one.',
    link: `${VOLUMES}#csi`,
  },
  image: {
    summary: 'The files of an OCI image or artifact, mounted read-only (image volumes).',
    lifetime: 'Pulled like a container image; read-only for the life of the pod.',
    trap: 'Needs the ImageVolume feature (beta, on by default from Kubernetes 1.35) and a runtime that supports it; `subPath` works from 1.33.',
    link: `${VOLUMES}#image`,
  },
  nfs: {
    summary: 'An NFS export mounted into the pod; several pods can share it read-write.',
    lifetime: 'Lives on the NFS server, independent of the pod.',
    trap: 'The nodes need an NFS client; `path` must be absolute.',
    link: `${VOLUMES}#nfs`,
  },
  iscsi: { summary: 'An iSCSI LUN mounted into the pod.', trap: 'Read-write by one node at a time.', link: `${VOLUMES}#iscsi` },
  fc: { summary: 'A Fibre Channel LUN mounted into the pod.', link: `${VOLUMES}#fc` },
  gitRepo: {
    summary: 'Deprecated: a directory cloned from a git repository.',
    trap: 'Disabled by default from Kubernetes 1.33. Clone in an init container into an emptyDir instead.',
    link: `${VOLUMES}#gitrepo`,
  },
});

/** In-tree volume types that Kubernetes deprecated or removed in favour of CSI drivers. */
for (const legacy of ['awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume']) {
  VOLUME_TYPE_DOCS[legacy] = {
    summary: `The in-tree \`${legacy}\` volume type, deprecated: use a PersistentVolumeClaim backed by the CSI driver for this storage.`,
    trap: 'On current clusters the in-tree driver is removed or redirected to CSI; the pod may fail to mount.',
    link: `${VOLUMES}#volume-types`,
  };
}

/** Fields, keyed by `parent.field` (or `field` when the parent does not matter). */
export const FIELD_DOCS: Record<string, FieldDoc> = lookupTable({
  'emptyDir.medium': { summary: '`""` (the default) stores files on the node\'s disk; `Memory` uses a tmpfs (RAM). Case-sensitive: `memory` fails the mount.', link: `${VOLUMES}#emptydir` },
  'emptyDir.sizeLimit': { summary: 'The most this emptyDir may hold (a quantity such as `500Mi`). The kubelet evicts the pod when it is exceeded; for Memory it also caps the tmpfs.', link: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#memory-backed-emptydir' },
  'hostPath.type': { summary: 'What must exist at the path: `""` (no check), `DirectoryOrCreate`, `Directory`, `FileOrCreate`, `File`, `Socket`, `CharDevice`, `BlockDevice`. `FileOrCreate` does not create parent directories.', link: `${VOLUMES}#hostpath-volume-types` },
  'hostPath.path': { summary: 'The path on the node. Must not contain `..`.', link: `${VOLUMES}#hostpath` },
  'secret.secretName': { summary: 'The name of the Secret, in the pod\'s namespace. (A `secret` volume uses `secretName`; `configMap` uses `name`.)' },
  'configMap.name': { summary: 'The name of the ConfigMap, in the pod\'s namespace.' },
  'persistentVolumeClaim.claimName': { summary: 'The name of the PersistentVolumeClaim, in the pod\'s namespace.' },
  optional: { summary: 'With `true`, a missing ConfigMap or Secret (or key) is not an error: the volume is created empty.' },
  items: { summary: 'Only these keys, each at its own `path` (relative, no `..`), optionally with its own `mode`. A listed key that does not exist fails the mount unless `optional: true`.' },
  'volumeMounts.name': { summary: 'The name of a volume of this pod (`spec.volumes[].name`), or in a StatefulSet, of a `volumeClaimTemplates` entry.' },
  'volumeDevices.name': { summary: 'The name of a persistentVolumeClaim or ephemeral volume of this pod, whose claim has `volumeMode: Block`.' },
  mountPath: { summary: 'Where the volume appears in the container. It hides whatever the image had there, and must be unique within the container.' },
  devicePath: { summary: 'Where the raw block device appears in the container.' },
  subPath: { summary: 'Mount one file or subdirectory of the volume instead of its root. Relative, no `..`.', trap: 'ConfigMap, Secret, projected and downwardAPI files mounted with subPath never receive updates.', link: `${VOLUMES}#using-subpath` },
  subPathExpr: { summary: 'Like `subPath`, with `$(VAR)` expanded from the container\'s environment (round brackets, not `${VAR}`).', link: `${VOLUMES}#using-subpath-expanded-environment` },
  readOnly: { summary: 'Mount read-only. ConfigMap, Secret, projected and downwardAPI volumes are always read-only: `readOnly: false` changes nothing for them.' },
  mountPropagation: { summary: '`None` (default), `HostToContainer` (host mounts appear in the container), or `Bidirectional` (both ways; needs a privileged container).', link: `${VOLUMES}#mount-propagation` },
  recursiveReadOnly: { summary: '`Disabled`, `IfPossible` or `Enabled`: also make sub-mounts read-only. Needs `readOnly: true` and no propagation.', link: `${VOLUMES}#recursive-read-only-mounts` },
  sizeLimit: { summary: 'A quantity such as `1Gi`.' },
});
