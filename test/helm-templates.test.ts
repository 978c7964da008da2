/**
 * Helm templates: mount names are checked where every volume of the pod spec is written out
 * (server/src/core/model/template-certainty.ts), and nowhere an action could add a volume or a
 * claim template, or make a name what it is not.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { foundBy } from './helpers';

const RULE = 'mount-without-volume';

/** A chart's Deployment: actions in the name, labels, image, resources and an optional field, volumes literal. */
const deployment = (volumes: string, mounts = '            - name: confg\n              mountPath: /etc/app\n'): string => `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "app.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "app.selectorLabels" . | nindent 8 }}
    spec:
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
${mounts}${volumes}{{- end }}
`;

const LITERAL_VOLUMES = '      volumes:\n        - name: config\n          configMap:\n            name: {{ include "app.fullname" . }}\n';

describe('Helm templates', () => {
  it('reports a literal mount name that none of the literal volumes has, with the nearest name', () => {
    const [d] = foundBy(RULE, deployment(LITERAL_VOLUMES));
    assert.equal(d.fieldPath, 'spec.template.spec.containers[0].volumeMounts[0].name');
    assert.match(d.message, /Did you mean "config"\?/);
  });

  it('says nothing when the names match', () => {
    assert.deepEqual(foundBy(RULE, deployment(LITERAL_VOLUMES, '            - name: config\n              mountPath: /etc/app\n')), []);
  });

  it('stays quiet when an action can add volumes: among them, as the volumes value, or at the pod spec\'s level', () => {
    const extra = `${LITERAL_VOLUMES}        {{- with .Values.extraVolumes }}\n        {{- toYaml . | nindent 8 }}\n        {{- end }}\n`;
    assert.deepEqual(foundBy(RULE, deployment(extra)), []);
    assert.deepEqual(foundBy(RULE, deployment('      volumes: {{- toYaml .Values.volumes | nindent 8 }}\n')), []);
    const include = `${LITERAL_VOLUMES}      {{- include "app.podExtras" . }}\n`;
    assert.deepEqual(foundBy(RULE, deployment(include)), []);
    const atPodLevel = `${LITERAL_VOLUMES}{{ toYaml .Values.podSpecExtra | indent 6 }}\n`;
    assert.deepEqual(foundBy(RULE, deployment(atPodLevel)), []);
  });

  it('reports under a condition around the whole volumes block: the name is missing whether it renders or not', () => {
    const conditional = `      {{- if .Values.config }}\n${LITERAL_VOLUMES}      {{- end }}\n`;
    assert.deepEqual(foundBy(RULE, deployment(conditional)).map((d) => d.data?.name), ['confg']);
  });

  it('reads entries under a condition among the volumes as possible names: a name none of them has is still wrong', () => {
    const among = '      volumes:\n        {{- if .Values.cache }}\n        - name: cache\n          emptyDir: {}\n        {{- end }}\n        - name: config\n          emptyDir: {}\n';
    assert.deepEqual(foundBy(RULE, deployment(among, '            - name: cache\n              mountPath: /c\n')), []);
    assert.deepEqual(foundBy(RULE, deployment(among, '            - name: cahce\n              mountPath: /c\n')).map((d) => d.data?.name), ['cahce']);
  });

  it('reports a mount in a pod spec with no volumes at all, when nothing can write them', () => {
    assert.deepEqual(foundBy(RULE, deployment('')).map((d) => d.data?.name), ['confg']);
  });

  it('stays quiet when the mount name is templated', () => {
    const templatedName = '            - name: {{ .Values.configVolume }}\n              mountPath: /etc/app\n            - name: data-{{ .Release.Name }}\n              mountPath: /data\n';
    assert.deepEqual(foundBy(RULE, deployment(LITERAL_VOLUMES, templatedName)), []);
  });

  it('stays quiet when the blanked template does not parse (if and else each writing volumes)', () => {
    const branches = `      {{- if .Values.a }}\n      volumes:\n        - name: a\n          emptyDir: {}\n      {{- else }}\n      volumes:\n        - name: b\n          emptyDir: {}\n      {{- end }}\n`;
    assert.deepEqual(foundBy(RULE, deployment(branches)), []);
  });

  it('counts a StatefulSet\'s literal claim templates, and stays quiet when they can be generated', () => {
    const sts = (claims: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}
spec:
  serviceName: {{ .Release.Name }}
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: "{{ .Values.image }}"
          volumeMounts:
            - {name: data, mountPath: /var/lib/db}
            - {name: confg, mountPath: /etc/db}
      volumes:
        - name: config
          configMap: {name: db}
${claims}`;
    const literal = '  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n';
    assert.deepEqual(foundBy(RULE, sts(literal)).map((d) => d.data?.name), ['confg']);
    const generated = '  {{- with .Values.volumeClaimTemplates }}\n  volumeClaimTemplates:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}\n';
    assert.deepEqual(foundBy(RULE, sts(generated)), []);
    assert.deepEqual(foundBy(RULE, sts('  {{- include "db.claims" . | nindent 2 }}\n')), []);
  });
});

/**
 * Chart templates written to break the certainty check (two adversarial reviews, the second
 * rendering each with helm): each renders to a valid manifest for some values, so none may get
 * the error; the M files and 00 hold a real mistake with every volume written out, and get
 * exactly these findings.
 */
describe('Helm chart templates of test/fixtures/helm', () => {
  const folder = path.join(__dirname, 'fixtures', 'helm');
  const MISTAKES: Record<string, string[]> = {
    '00-real-typo.yaml': ['confg'],
    'M02-sts-claim-typo.yaml': ['datadir'],
    'M03-cronjob-typo.yaml': ['backups'],
    'M04-init-typo-zeroindent.yaml': ['host-rot', 'blockdev'],
    'M05-flow-typo-multidoc.yaml': ['cfg'],
    'M06-secretname-vs-volumename.yaml': ['app-tls'],
    'M07-typo-if-inside-entry.yaml': ['confg'],
    'M08-sts-claim-with-annotations-typo.yaml': ['dta'],
    'M09-shm-sizelimit-typo.yaml': ['dhsm'],
    'M10-ifelse-same-name-typo.yaml': ['certs'],
    // apiVersion from bitnami's capabilities helper: a manifest all the same.
    'M01-bitnami-apiversion-typo.yaml': ['confg'],
    // The second adversarial pass (p2-): rendered with helm 3.17 to check each verdict.
    'p2-M3-with-tolerations.yaml': ['confg'],
    'p2-M4-securitycontext-include.yaml': ['confg'],
    'p2-M5-sts-no-claims-toyaml-resources.yaml': ['dta'],
    'p2-M5b-sts-claims-only.yaml': ['dta'],
    'p2-M6-list-literal-item-typo.yaml': ['confg'],
    // The third pass (p3-) found holes in comment-wrapped documents, strings holding }}, flow lists and -}}; all silent now.
    // Left silent on purpose: an action in a comment on the volumes: line, an if/else after the volumes.
    'p2-M1-comment-on-key-line.yaml': [],
    'p2-M2-else-after-volumes.yaml': [],
  };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const expected = MISTAKES[file] ?? [];
    it(`${file}: ${expected.length === 0 ? 'no mount error' : expected.join(', ')}`, () => {
      const found = foundBy(RULE, readFileSync(path.join(folder, file), 'utf8')).map((d) => String(d.data?.name));
      assert.deepEqual(found, expected);
    });
  }
});
