/**
 * An emptyDir mounted at a database's data directory in a workload that keeps replacing its
 * pods (Deployment, StatefulSet, ReplicaSet, DaemonSet): an emptyDir is deleted with its pod, so
 * every reschedule, eviction, node drain or rollout starts the database empty.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import type { ContainerModel, MountModel } from '../model/types';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'database-on-emptydir';
const REPLACING_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet']);

/** Data directories of common databases (official and Bitnami images). */
const DATA_DIRECTORIES = [
  '/var/lib/mysql', '/var/lib/postgresql', '/var/lib/postgresql/data', '/var/lib/pgsql/data', '/var/lib/mongodb', '/data/db',
  '/var/lib/cassandra', '/var/lib/elasticsearch', '/usr/share/elasticsearch/data', '/usr/share/opensearch/data',
  '/var/lib/influxdb', '/var/lib/influxdb2', '/var/lib/clickhouse', '/var/lib/etcd', '/var/lib/rabbitmq', '/var/lib/neo4j/data',
  '/var/opt/mssql', '/var/lib/couchdb', '/opt/couchdb/data', '/cockroach/cockroach-data', '/var/lib/zookeeper',
  '/bitnami/postgresql', '/bitnami/mysql', '/bitnami/mariadb', '/bitnami/mongodb', '/bitnami/redis/data',
];

function dataDirectory(mountPath: string): string | undefined {
  const path = mountPath.replace(/\/+$/, '');
  return DATA_DIRECTORIES.find((dir) => path === dir || path.startsWith(`${dir}/`));
}

export const databaseOnEmptyDir: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name', 'volumeMounts.name', 'volumeMounts.mountPath'],
  defaultSeverity: 'warning',
  description: 'An emptyDir is mounted at a database data directory in a Deployment, StatefulSet or other workload whose pods are replaced: the data goes with the pod.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      if (!REPLACING_KINDS.has(podSpec.object.kind)) continue;
      const mounts: { container: ContainerModel; mount: MountModel }[] = podSpec.containers.flatMap((container) => container.mounts.map((mount) => ({ container, mount })));
      for (const volume of podSpec.podVolumes) {
        const emptyDir = volume.sources.length === 1 && volume.sources[0].key === 'emptyDir' ? volume.sources[0] : undefined;
        if (!emptyDir || !volume.name) continue;
        const use = mounts.find(({ mount }) => mount.name?.value === volume.name!.value && mount.target && dataDirectory(mount.target.value));
        if (!use) continue;
        const where = use.mount.target!.value;
        const claimAdvice = podSpec.object.kind === 'StatefulSet'
          ? `a volumeClaimTemplate named "${volume.name.value}" gives each replica its own disk`
          : 'use a persistentVolumeClaim (or a StatefulSet with volumeClaimTemplates for several replicas)';
        findings.push({
          rule: ID,
          message: `emptyDir "${volume.name.value}" is mounted at ${where}, a database data directory, in a ${podSpec.object.kind}: an emptyDir is deleted with its pod, so a reschedule, eviction, node drain or rollout starts the database empty. ${claimAdvice[0].toUpperCase()}${claimAdvice.slice(1)}.`,
          fieldPath: `${volume.path}.emptyDir`,
          range: emptyDir.keyRange,
          related: [{ message: `mounted at ${where}`, range: use.mount.target!.range }],
          data: { name: volume.name.value, mountPath: where, kind: podSpec.object.kind },
        });
      }
    }
    return findings;
  },
};
