/**
 * The shape of the Kubernetes objects people paste: which fields each type has and what they
 * hold. Used only to rebuild the nesting of a manifest that lost its indentation, so it names
 * the common fields; an unknown field stops the repair rather than being guessed at.
 */
import { lookupTable } from '../lookup-table';

export type FieldShape =
  | { kind: 'scalar' }
  | { kind: 'map'; type: string }
  /** Free-form string keys: labels, annotations, ConfigMap data, resource quantities. */
  | { kind: 'free' }
  | { kind: 'list'; item: string }
  | { kind: 'scalarList' };

const S: FieldShape = { kind: 'scalar' };
const FREE: FieldShape = { kind: 'free' };
const SL: FieldShape = { kind: 'scalarList' };
const map = (type: string): FieldShape => ({ kind: 'map', type });
const list = (item: string): FieldShape => ({ kind: 'list', item });

const scalars = (...names: string[]): Record<string, FieldShape> => Object.fromEntries(names.map((n) => [n, S]));

const POD_SPEC: Record<string, FieldShape> = {
  ...scalars('restartPolicy', 'serviceAccountName', 'serviceAccount', 'hostNetwork', 'hostPID', 'hostIPC', 'dnsPolicy',
    'terminationGracePeriodSeconds', 'priorityClassName', 'automountServiceAccountToken', 'subdomain', 'hostname',
    'schedulerName', 'shareProcessNamespace', 'enableServiceLinks', 'runtimeClassName', 'activeDeadlineSeconds', 'nodeName',
    'preemptionPolicy', 'priority', 'setHostnameAsFQDN', 'hostUsers'),
  containers: list('Container'),
  // Only init containers take restartPolicy (Always, for sidecars): the API forbids it elsewhere.
  initContainers: list('InitContainer'),
  ephemeralContainers: list('Container'),
  volumes: list('Volume'),
  imagePullSecrets: list('LocalObjectReference'),
  nodeSelector: FREE,
  tolerations: list('Toleration'),
  securityContext: map('SecurityContext'),
  topologySpreadConstraints: list('TopologySpreadConstraint'),
};

const WORKLOAD_SPEC: Record<string, FieldShape> = {
  ...scalars('replicas', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds', 'serviceName', 'podManagementPolicy'),
  selector: map('LabelSelector'),
  template: map('PodTemplateSpec'),
  strategy: map('Strategy'),
  updateStrategy: map('Strategy'),
  volumeClaimTemplates: list('PersistentVolumeClaim'),
};

const JOB_SPEC: Record<string, FieldShape> = {
  ...scalars('backoffLimit', 'parallelism', 'completions', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'completionMode', 'manualSelector', 'suspend', 'backoffLimitPerIndex', 'maxFailedIndexes', 'podReplacementPolicy'),
  selector: map('LabelSelector'),
  template: map('PodTemplateSpec'),
};

export const TYPES: Record<string, Record<string, FieldShape>> = {
  ObjectMeta: { ...scalars('name', 'namespace', 'generateName'), labels: FREE, annotations: FREE, finalizers: SL },
  PodTemplateSpec: { metadata: map('ObjectMeta'), spec: map('PodSpec') },
  PodSpec: POD_SPEC,
  WorkloadSpec: WORKLOAD_SPEC,
  JobSpec: JOB_SPEC,
  JobTemplateSpec: { metadata: map('ObjectMeta'), spec: map('JobSpec') },
  CronJobSpec: {
    ...scalars('schedule', 'timeZone', 'concurrencyPolicy', 'suspend', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'startingDeadlineSeconds'),
    jobTemplate: map('JobTemplateSpec'),
  },
  Container: {
    ...scalars('name', 'image', 'imagePullPolicy', 'workingDir', 'stdin', 'stdinOnce', 'tty', 'terminationMessagePath', 'terminationMessagePolicy'),
    command: SL,
    args: SL,
    ports: list('ContainerPort'),
    env: list('EnvVar'),
    envFrom: list('EnvFromSource'),
    resources: map('Resources'),
    volumeMounts: list('VolumeMount'),
    volumeDevices: list('VolumeDevice'),
    livenessProbe: map('Probe'),
    readinessProbe: map('Probe'),
    startupProbe: map('Probe'),
    securityContext: map('SecurityContext'),
  },
  VolumeMount: scalars('name', 'mountPath', 'readOnly', 'subPath', 'subPathExpr', 'mountPropagation', 'recursiveReadOnly'),
  VolumeDevice: scalars('name', 'devicePath'),
  Volume: {
    name: S,
    emptyDir: map('EmptyDir'),
    hostPath: map('HostPath'),
    configMap: map('ConfigMapSource'),
    secret: map('SecretSource'),
    persistentVolumeClaim: map('ClaimSource'),
    projected: map('Projected'),
    downwardAPI: map('DownwardAPISource'),
    nfs: map('NFS'),
    csi: map('CSI'),
    ephemeral: map('Ephemeral'),
    image: map('ImageSource'),
  },
  EmptyDir: scalars('medium', 'sizeLimit'),
  HostPath: scalars('path', 'type'),
  ConfigMapSource: { ...scalars('name', 'defaultMode', 'optional'), items: list('KeyToPath') },
  SecretSource: { ...scalars('secretName', 'defaultMode', 'optional'), items: list('KeyToPath') },
  ClaimSource: scalars('claimName', 'readOnly'),
  Projected: { defaultMode: S, sources: list('ProjectedSource') },
  ProjectedSource: {
    secret: map('ProjectedObject'),
    configMap: map('ProjectedObject'),
    downwardAPI: map('DownwardAPISource'),
    serviceAccountToken: map('TokenProjection'),
  },
  ProjectedObject: { ...scalars('name', 'optional'), items: list('KeyToPath') },
  TokenProjection: scalars('path', 'audience', 'expirationSeconds'),
  DownwardAPISource: { defaultMode: S, items: list('DownwardAPIFile') },
  DownwardAPIFile: { ...scalars('path', 'mode'), fieldRef: map('FieldRef'), resourceFieldRef: map('ResourceFieldRef') },
  FieldRef: scalars('apiVersion', 'fieldPath'),
  ResourceFieldRef: scalars('containerName', 'resource', 'divisor'),
  KeyToPath: scalars('key', 'path', 'mode'),
  NFS: scalars('server', 'path', 'readOnly'),
  CSI: { ...scalars('driver', 'readOnly', 'fsType'), volumeAttributes: FREE, nodePublishSecretRef: map('LocalObjectReference') },
  Ephemeral: { volumeClaimTemplate: map('PersistentVolumeClaim') },
  ImageSource: scalars('reference', 'pullPolicy'),
  PersistentVolumeClaim: { metadata: map('ObjectMeta'), spec: map('ClaimSpec') },
  ClaimSpec: { ...scalars('storageClassName', 'volumeMode', 'volumeName'), accessModes: SL, resources: map('Resources'), selector: map('LabelSelector') },
  LocalObjectReference: scalars('name'),
  ObjectReference: scalars('name', 'namespace', 'kind', 'apiVersion'),
  Toleration: scalars('key', 'operator', 'value', 'effect', 'tolerationSeconds'),
  TopologySpreadConstraint: { ...scalars('maxSkew', 'topologyKey', 'whenUnsatisfiable', 'minDomains'), labelSelector: map('LabelSelector') },
  SecurityContext: {
    ...scalars('runAsUser', 'runAsGroup', 'runAsNonRoot', 'privileged', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'fsGroup', 'fsGroupChangePolicy', 'procMount'),
    capabilities: map('Capabilities'),
    seccompProfile: map('SeccompProfile'),
    supplementalGroups: SL,
  },
  Capabilities: { add: SL, drop: SL },
  SeccompProfile: scalars('type', 'localhostProfile'),
  ContainerPort: scalars('name', 'containerPort', 'protocol', 'hostPort', 'hostIP'),
  EnvVar: { ...scalars('name', 'value'), valueFrom: map('EnvVarSource') },
  EnvVarSource: { fieldRef: map('FieldRef'), resourceFieldRef: map('ResourceFieldRef'), secretKeyRef: map('KeySelector'), configMapKeyRef: map('KeySelector') },
  KeySelector: scalars('name', 'key', 'optional'),
  EnvFromSource: { prefix: S, configMapRef: map('ObjectOptional'), secretRef: map('ObjectOptional') },
  ObjectOptional: scalars('name', 'optional'),
  Resources: { limits: FREE, requests: FREE },
  Probe: {
    ...scalars('initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold', 'terminationGracePeriodSeconds'),
    httpGet: map('HTTPGet'),
    tcpSocket: map('TCPSocket'),
    exec: map('Exec'),
    grpc: map('GRPC'),
  },
  HTTPGet: scalars('path', 'port', 'scheme', 'host'),
  TCPSocket: scalars('port', 'host'),
  Exec: { command: SL },
  GRPC: scalars('port', 'service'),
  LabelSelector: { matchLabels: FREE, matchExpressions: list('Requirement') },
  Requirement: { ...scalars('key', 'operator'), values: SL },
  Strategy: { type: S, rollingUpdate: map('RollingUpdate') },
  RollingUpdate: scalars('maxSurge', 'maxUnavailable', 'partition'),
  ServiceSpec: { ...scalars('type', 'clusterIP', 'externalTrafficPolicy', 'sessionAffinity', 'loadBalancerIP'), selector: FREE, ports: list('ServicePort') },
  ServicePort: scalars('name', 'port', 'targetPort', 'protocol', 'nodePort'),
};

/** The root of an object, whose `spec` depends on its kind. */
const SPEC_BY_KIND: Record<string, string> = lookupTable({
  Pod: 'PodSpec', Deployment: 'WorkloadSpec', StatefulSet: 'WorkloadSpec', DaemonSet: 'WorkloadSpec', ReplicaSet: 'WorkloadSpec',
  ReplicationController: 'WorkloadSpec', Job: 'JobSpec', CronJob: 'CronJobSpec', PersistentVolumeClaim: 'ClaimSpec', Service: 'ServiceSpec',
});

/** Top-level fields beyond apiVersion, kind and metadata, by kind: each appears only where the API has it. */
const ROOT_EXTRAS = lookupTable<Record<string, FieldShape>>({
  ConfigMap: { data: FREE, binaryData: FREE, immutable: S },
  Secret: { data: FREE, stringData: FREE, type: S, immutable: S },
  PodTemplate: { template: map('PodTemplateSpec') },
  ServiceAccount: { imagePullSecrets: list('LocalObjectReference'), secrets: list('ObjectReference'), automountServiceAccountToken: S },
});

export function rootType(kind: string | undefined): Record<string, FieldShape> {
  const spec = kind ? SPEC_BY_KIND[kind] : undefined;
  return {
    ...scalars('apiVersion', 'kind'),
    metadata: map('ObjectMeta'),
    ...(spec ? { spec: map(spec) } : {}),
    ...(kind ? ROOT_EXTRAS[kind] : {}),
  };
}

TYPES.InitContainer = { ...TYPES.Container, restartPolicy: { kind: 'scalar' } };
