/**
 * Seeded generator of realistic multi-document manifests for the benchmark.
 *
 * Every pod spec is correct except where a mistake is planted on purpose, and each planted
 * mistake is written down as the finding kube-volumes must report ({ rule, document, fieldPath }),
 * so the benchmark can check that the findings equal the planted list exactly.
 */

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUBLIC_IMAGES = [
  'nginx:1.27.2', 'docker.io/library/redis:7.2.5', 'quay.io/prometheus/node-exporter:v1.8.1', 'ghcr.io/dexidp/dex:v2.41.1',
  'registry.k8s.io/pause:3.10', 'busybox:1.36', 'docker.io/bitnami/postgresql:16.4.0', 'mcr.microsoft.com/dotnet/aspnet:8.0',
];
const PRIVATE_IMAGE = 'registry.internal.example.com/payments/api:2.3.1';
const APPS = ['orders', 'payments', 'catalog', 'search', 'billing', 'gateway', 'ledger', 'mailer', 'reports', 'thumbnailer', 'auth', 'inventory'];
/** One volume per type and pod, with names far apart so that a typo has one obvious intended volume. */
const VOLUME_TYPES = ['config', 'secrets', 'scratch', 'shm', 'host-logs', 'podinfo', 'projected-token', 'data'];

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function int(rnd, low, high) {
  return low + Math.floor(rnd() * (high - low + 1));
}

function shuffle(rnd, list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function indent(lines, n) {
  const pad = ' '.repeat(n);
  return lines.map((l) => (l === '' ? l : pad + l));
}

function volumeLines(type, name, app, plant) {
  switch (type) {
    case 'config':
      return [`- name: ${name}`, '  configMap:', `    name: ${app}-config`, '    defaultMode: 0644'];
    case 'secrets':
      return [`- name: ${name}`, '  secret:', `    secretName: ${app}-secret`, '    defaultMode: 0400'];
    case 'scratch':
      return [`- name: ${name}`, '  emptyDir:', '    sizeLimit: 500Mi'];
    case 'shm':
      return plant.memory
        ? [`- name: ${name}`, '  emptyDir:', '    medium: Memory']
        : [`- name: ${name}`, '  emptyDir:', '    medium: Memory', '    sizeLimit: 256Mi'];
    case 'host-logs':
      return [`- name: ${name}`, '  hostPath:', '    path: /var/log', '    type: Directory'];
    case 'podinfo':
      return [`- name: ${name}`, '  downwardAPI:', '    items:', '      - path: labels', '        fieldRef:', '          fieldPath: metadata.labels'];
    case 'projected-token':
      return [
        `- name: ${name}`, '  projected:', '    sources:', '      - serviceAccountToken:', '          path: token', '          expirationSeconds: 3600',
        '      - configMap:', '          name: kube-root-ca.crt', '          items:', '            - key: ca.crt', '              path: ca.crt',
      ];
    case 'data':
      return [`- name: ${name}`, '  persistentVolumeClaim:', `    claimName: ${app}-data`];
    default:
      throw new Error(type);
  }
}

/**
 * A pod spec (lines at column 0) and the findings planted in it, with field paths relative to the pod spec.
 * `plant` says which mistakes to put in: { typo, duplicatePath, memory, privateImage }.
 */
function podSpec(rnd, app, plant, { claimTemplates = [], restartPolicy, serviceAccount } = {}) {
  const findings = [];
  const types = shuffle(rnd, VOLUME_TYPES).slice(0, int(rnd, 1, 5));
  if (plant.memory && !types.includes('shm')) types.push('shm');
  if (plant.duplicatePath && types.length + claimTemplates.length < 2) types.push(VOLUME_TYPES.find((t) => !types.includes(t)));
  const volumeNames = [...types, ...claimTemplates];
  const containerCount = int(rnd, 1, 4);
  // Every volume is mounted by at least one container, so no volume is unused.
  const mountsOf = Array.from({ length: containerCount }, () => []);
  volumeNames.forEach((name, i) => mountsOf[i % containerCount].push(name));
  for (const list of mountsOf) if (rnd() < 0.3) list.push(pick(rnd, volumeNames));
  // The duplicate path goes to the first container's second mount.
  if (plant.duplicatePath && new Set(mountsOf[0]).size < 2) mountsOf[0].push(volumeNames.find((n) => !mountsOf[0].includes(n)));
  const lines = [];
  if (serviceAccount) lines.push(`serviceAccountName: ${serviceAccount}`);
  if (restartPolicy) lines.push(`restartPolicy: ${restartPolicy}`);
  lines.push('securityContext:', '  runAsNonRoot: true', '  fsGroup: 2000', 'containers:');
  let typoPlanted = false;
  let duplicatePlanted = false;
  for (let c = 0; c < containerCount; c++) {
    const mounts = [...new Set(mountsOf[c])];
    const privateHere = plant.privateImage && c === 0;
    const image = privateHere ? PRIVATE_IMAGE : serviceAccount ? (c === 0 ? PRIVATE_IMAGE : pick(rnd, PUBLIC_IMAGES)) : pick(rnd, PUBLIC_IMAGES);
    if (privateHere) findings.push({ rule: 'private-image-without-pull-secret', fieldPath: `containers[${c}].image` });
    const name = c === 0 ? app : `${pick(rnd, ['sidecar', 'proxy', 'exporter', 'agent'])}-${c}`;
    lines.push(
      `  - name: ${name}`,
      `    image: ${image}`,
      '    imagePullPolicy: IfNotPresent',
      '    args:',
      `      - --listen=:${8000 + c}`,
      '      - --log-format=json',
      '    ports:',
      `      - containerPort: ${8000 + c}`,
      '        name: http',
      '    env:',
      '      - name: POD_NAME',
      '        valueFrom:',
      '          fieldRef:',
      '            fieldPath: metadata.name',
      '      - name: LOG_LEVEL',
      `        value: ${pick(rnd, ['info', 'debug', 'warn'])}`,
      '    resources:',
      '      requests:',
      `        cpu: ${int(rnd, 1, 10) * 50}m`,
      `        memory: ${int(rnd, 1, 8) * 64}Mi`,
      '      limits:',
      `        memory: ${int(rnd, 8, 16) * 64}Mi`,
      '    readinessProbe:',
      '      httpGet:',
      '        path: /healthz',
      `        port: ${8000 + c}`,
      '      periodSeconds: 10',
    );
    if (mounts.length === 0) continue;
    lines.push('    volumeMounts:');
    mounts.forEach((volume, m) => {
      let mountName = volume;
      // The misspelt name is one letter short, nearest to the volume it meant, which therefore is not reported unused.
      if (plant.typo && !typoPlanted && volume.length > 3) {
        mountName = volume.slice(0, 1) + volume.slice(2); // "config" -> "cnfig"
        typoPlanted = true;
        findings.push({ rule: 'mount-without-volume', fieldPath: `containers[${c}].volumeMounts[${m}].name` });
      }
      let mountPath = `/mnt/${volume}`;
      if (plant.duplicatePath && !duplicatePlanted && m === 1) {
        mountPath = `/mnt/${mounts[0]}`;
        duplicatePlanted = true;
        findings.push({ rule: 'duplicate-mount-path', fieldPath: `containers[${c}].volumeMounts[${m}].mountPath` });
      }
      lines.push(`      - name: ${mountName}`, `        mountPath: ${mountPath}`);
      if (volume === 'config' || volume === 'secrets' || volume === 'podinfo') lines.push('        readOnly: true');
    });
  }
  if (plant.memory) findings.push({ rule: 'memory-emptydir-without-size-limit', fieldPath: `volumes[${types.indexOf('shm')}].emptyDir` });
  if (types.length > 0) {
    lines.push('volumes:');
    for (const type of types) lines.push(...indent(volumeLines(type, type, app, plant), 2));
  }
  return { lines, findings };
}

function metadata(name, app, labels = true) {
  const lines = ['metadata:', `  name: ${name}`, '  namespace: shop'];
  if (labels) lines.push('  labels:', `    app.kubernetes.io/name: ${app}`, '    app.kubernetes.io/part-of: shop');
  return lines;
}

function workload(rnd, kind, index, plant) {
  const app = `${pick(rnd, APPS)}-${index}`;
  const selector = ['  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${app}`];
  const templateMeta = ['metadata:', '  labels:', `    app.kubernetes.io/name: ${app}`];
  const serviceAccount = !plant.privateImage && rnd() < 0.2 ? 'puller' : undefined;
  if (kind === 'Pod') {
    const spec = podSpec(rnd, app, plant, { serviceAccount });
    return { lines: ['apiVersion: v1', 'kind: Pod', ...metadata(app, app), 'spec:', ...indent(spec.lines, 2)], findings: spec.findings.map((f) => ({ ...f, fieldPath: `spec.${f.fieldPath}` })) };
  }
  if (kind === 'Deployment') {
    const spec = podSpec(rnd, app, plant, { serviceAccount });
    return {
      lines: ['apiVersion: apps/v1', 'kind: Deployment', ...metadata(app, app), 'spec:', `  replicas: ${int(rnd, 1, 5)}`, ...selector, '  template:', ...indent(templateMeta, 4), '    spec:', ...indent(spec.lines, 6)],
      findings: spec.findings.map((f) => ({ ...f, fieldPath: `spec.template.spec.${f.fieldPath}` })),
    };
  }
  if (kind === 'StatefulSet') {
    const claims = ['state'];
    const spec = podSpec(rnd, app, plant, { claimTemplates: claims, serviceAccount });
    const vct = ['  volumeClaimTemplates:', '    - metadata:', '        name: state', '      spec:', '        accessModes: [ReadWriteOnce]', '        resources:', '          requests:', `            storage: ${int(rnd, 1, 50)}Gi`];
    return {
      lines: ['apiVersion: apps/v1', 'kind: StatefulSet', ...metadata(app, app), 'spec:', `  serviceName: ${app}`, `  replicas: ${int(rnd, 1, 3)}`, ...selector, '  template:', ...indent(templateMeta, 4), '    spec:', ...indent(spec.lines, 6), ...vct],
      findings: spec.findings.map((f) => ({ ...f, fieldPath: `spec.template.spec.${f.fieldPath}` })),
    };
  }
  if (kind === 'Job') {
    const spec = podSpec(rnd, app, plant, { restartPolicy: 'OnFailure', serviceAccount });
    return {
      lines: ['apiVersion: batch/v1', 'kind: Job', ...metadata(app, app), 'spec:', '  backoffLimit: 4', '  template:', '    spec:', ...indent(spec.lines, 6)],
      findings: spec.findings.map((f) => ({ ...f, fieldPath: `spec.template.spec.${f.fieldPath}` })),
    };
  }
  const spec = podSpec(rnd, app, plant, { restartPolicy: 'Never', serviceAccount });
  return {
    lines: [
      'apiVersion: batch/v1', 'kind: CronJob', ...metadata(app, app), 'spec:', `  schedule: "${int(rnd, 0, 59)} ${int(rnd, 0, 23)} * * *"`, '  concurrencyPolicy: Forbid',
      '  jobTemplate:', '    spec:', '      template:', '        spec:', ...indent(spec.lines, 10),
    ],
    findings: spec.findings.map((f) => ({ ...f, fieldPath: `spec.jobTemplate.spec.template.spec.${f.fieldPath}` })),
  };
}

function configMap(rnd, index) {
  const app = `${pick(rnd, APPS)}-${index}`;
  return [
    'apiVersion: v1', 'kind: ConfigMap', ...metadata(`${app}-config`, app), 'data:', `  LOG_LEVEL: ${pick(rnd, ['info', 'debug'])}`, `  WORKERS: "${int(rnd, 1, 16)}"`,
    '  app.yaml: |', '    server:', `      port: ${int(rnd, 8000, 9000)}`, '      timeout: 30s', '    # a comment inside a block scalar', '    feature_flags: [a, b]',
  ];
}

function secret(rnd, index) {
  const app = `${pick(rnd, APPS)}-${index}`;
  return ['apiVersion: v1', 'kind: Secret', ...metadata(`${app}-secret`, app), 'type: Opaque', 'stringData:', `  username: user-${index}`, `  password: "${Math.floor(rnd() * 1e9).toString(36)}"`];
}

const KINDS = ['Deployment', 'Deployment', 'StatefulSet', 'Job', 'CronJob', 'Pod', 'ConfigMap', 'Secret'];
const MISTAKES = ['typo', 'duplicatePath', 'memory', 'privateImage'];

/**
 * `count` documents; about one workload in ten carries a mistake, and each mistake kind appears
 * at least once. Returns the text, the expected findings, and a place to type in the middle document.
 */
export function generate(count, seed = 5) {
  const rnd = random(seed * 1_000_003 + count);
  const documents = [];
  const expected = [];
  // The ServiceAccount whose pull secret covers the private images of pods that run as it (a cross-document rule).
  documents.push(['apiVersion: v1', 'kind: ServiceAccount', ...metadata('puller', 'shop', false), 'imagePullSecrets:', '  - name: registry-credentials']);
  let nextMistake = 0;
  for (let index = 1; index < count; index++) {
    const kind = index < 5 ? KINDS[index - 1] : pick(rnd, KINDS);
    if (kind === 'ConfigMap') documents.push(configMap(rnd, index));
    else if (kind === 'Secret') documents.push(secret(rnd, index));
    else {
      const plant = {};
      if (nextMistake < MISTAKES.length || rnd() < 0.1) plant[MISTAKES[nextMistake++ % MISTAKES.length]] = true;
      const { lines, findings } = workload(rnd, kind, index, plant);
      documents.push(lines);
      for (const f of findings) expected.push({ rule: f.rule, document: index, fieldPath: f.fieldPath });
    }
  }
  const texts = documents.map((lines) => lines.join('\n') + '\n');
  const text = texts.join('---\n');
  // Where a user types: the end of the `name:` line of the middle workload; hover and completion on one of its mount names.
  let middle = Math.floor(count / 2);
  while (middle < count - 1 && !documents[middle].some((l) => l.trim() === 'volumeMounts:')) middle++;
  let line = 0;
  for (let i = 0; i < middle; i++) line += texts[i].split('\n').length; // its lines and the `---` after it
  const lines = documents[middle];
  const nameLine = lines.findIndex((l) => l.startsWith('  name: '));
  const edit = { line: line + nameLine, character: lines[nameLine].length };
  const mountsAt = lines.findIndex((l) => l.trim() === 'volumeMounts:');
  const hover = mountsAt === -1 ? edit : { line: line + mountsAt + 1, character: lines[mountsAt + 1].indexOf('name:') + 7 };
  expected.sort((a, b) => a.document - b.document || a.fieldPath.localeCompare(b.fieldPath));
  return { text, expected, edit, hover };
}
