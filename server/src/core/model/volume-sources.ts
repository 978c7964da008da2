/**
 * Every field of a Kubernetes `Volume` that names a source, as in core/v1 VolumeSource.
 * https://kubernetes.io/docs/concepts/storage/volumes/#volume-types
 */
export const VOLUME_SOURCE_KEYS: readonly string[] = [
  'emptyDir', 'hostPath', 'configMap', 'secret', 'projected', 'downwardAPI',
  'persistentVolumeClaim', 'ephemeral', 'csi', 'image', 'nfs', 'iscsi', 'fc',
  'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile',
  'cephfs', 'cinder', 'flexVolume', 'flocker', 'glusterfs', 'photonPersistentDisk',
  'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
];

const SOURCE_SET = new Set(VOLUME_SOURCE_KEYS);

export function isVolumeSourceKey(key: string): boolean {
  return SOURCE_SET.has(key);
}
