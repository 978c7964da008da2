/**
 * In-tree volume types that are deprecated or gone in the target Kubernetes release. The API
 * server still accepts them; a removed driver means the volume cannot be mounted, unless the
 * cluster redirects the type to its CSI driver (CSI migration), which must then be installed.
 * gitRepo is disabled by default from 1.33.
 * https://kubernetes.io/docs/concepts/storage/volumes/#volume-types
 */
import { targetMinor } from '../kubernetes-version';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { lookupTable } from '../lookup-table';

const ID = 'deprecated-volume-type';

interface Lifecycle {
  readonly deprecated: number;
  /** Minor release from which the in-tree driver no longer works (removed or disabled). */
  readonly gone?: number;
  /** The CSI driver the type is redirected to, when CSI migration covers it. */
  readonly csi?: string;
  readonly instead: string;
}

const LIFECYCLES: Record<string, Lifecycle> = lookupTable({
  gitRepo: { deprecated: 11, gone: 33, instead: 'an init container that runs git clone into an emptyDir' },
  photonPersistentDisk: { deprecated: 11, gone: 16, instead: 'a CSI driver' },
  scaleIO: { deprecated: 16, gone: 22, instead: 'the PowerFlex CSI driver' },
  flocker: { deprecated: 22, gone: 25, instead: 'a CSI driver' },
  storageos: { deprecated: 22, gone: 25, instead: 'the StorageOS CSI driver' },
  quobyte: { deprecated: 22, gone: 25, instead: 'the Quobyte CSI driver' },
  glusterfs: { deprecated: 25, gone: 26, instead: 'a CSI driver or another storage system' },
  cinder: { deprecated: 11, gone: 26, csi: 'cinder.csi.openstack.org', instead: 'a persistentVolumeClaim of the Cinder CSI driver' },
  awsElasticBlockStore: { deprecated: 19, gone: 27, csi: 'ebs.csi.aws.com', instead: 'a persistentVolumeClaim of the EBS CSI driver' },
  azureDisk: { deprecated: 19, gone: 27, csi: 'disk.csi.azure.com', instead: 'a persistentVolumeClaim of the Azure Disk CSI driver' },
  gcePersistentDisk: { deprecated: 17, gone: 28, csi: 'pd.csi.storage.gke.io', instead: 'a persistentVolumeClaim of the GCE PD CSI driver' },
  cephfs: { deprecated: 28, gone: 31, instead: 'the ceph-csi driver' },
  rbd: { deprecated: 28, gone: 31, instead: 'the ceph-csi driver' },
  azureFile: { deprecated: 21, gone: 26, csi: 'file.csi.azure.com', instead: 'a persistentVolumeClaim of the Azure File CSI driver' },
  vsphereVolume: { deprecated: 19, gone: 26, csi: 'csi.vsphere.vmware.com', instead: 'a persistentVolumeClaim of the vSphere CSI driver' },
  portworxVolume: { deprecated: 25, gone: 31, csi: 'pxd.portworx.com', instead: 'a persistentVolumeClaim of the Portworx CSI driver' },
  flexVolume: { deprecated: 23, instead: 'a CSI driver' },
});

function consequence(key: string, life: Lifecycle, target: number): string | undefined {
  if (target < life.deprecated) return undefined;
  if (life.gone === undefined || target < life.gone) {
    return `${key} volumes are deprecated since Kubernetes 1.${life.deprecated}${life.gone ? ` and stop working in 1.${life.gone}` : ''}. Move to ${life.instead}.`;
  }
  if (key === 'gitRepo') return `gitRepo volumes are disabled by default from Kubernetes 1.33 (GitRepoVolumeDriver): the pod cannot mount the volume and never starts. Use ${life.instead}.`;
  if (life.csi) return `The in-tree ${key} driver is gone in Kubernetes 1.${life.gone} (target 1.${target}): the kubelet hands the volume to the CSI driver ${life.csi}, and the pod cannot start where that driver is not installed. Move to ${life.instead}.`;
  return `The ${key} driver is removed in Kubernetes 1.${life.gone} (target 1.${target}): the API server still accepts the field, but the volume cannot be mounted and the pod never starts. Move to ${life.instead}.`;
}

export const deprecatedVolumeType: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [],
  defaultSeverity: 'warning',
  description: 'A volume uses an in-tree type that is deprecated, redirected to CSI or removed in the target Kubernetes release (gitRepo, awsElasticBlockStore, cephfs, ...).',
  check(document, options) {
    const target = targetMinor(options.kubernetesVersion);
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        for (const source of volume.sources) {
          const life = LIFECYCLES[source.key];
          const message = life && consequence(source.key, life, target);
          if (!message) continue;
          findings.push({
            rule: ID,
            message,
            fieldPath: `${volume.path}.${source.key}`,
            range: source.keyRange,
            data: { type: source.key, deprecated: `1.${life.deprecated}`, gone: life.gone ? `1.${life.gone}` : null, csiDriver: life.csi ?? null, target: `1.${target}` },
          });
        }
      }
    }
    return findings;
  },
};
