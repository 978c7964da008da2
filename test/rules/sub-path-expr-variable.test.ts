import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'sub-path-expr-variable';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        env:
          - name: POD_NAME
            valueFrom: {fieldRef: {fieldPath: metadata.name}}
        volumeMounts:
          - {name: logs, mountPath: /a, subPathExpr: "\${POD_NAME}"}
          - {name: logs, mountPath: /b, subPathExpr: "$(NODE_NAME)/x"}
          - {name: logs, mountPath: /c, subPathExpr: "$(POD_NAME)"}
      - name: other
        image: nginx
        envFrom: [{configMapRef: {name: vars}}]
        volumeMounts:
          - {name: logs, mountPath: /d, subPathExpr: "$(FROM_CONFIG)"}
    volumes:
      - {name: logs, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports \${VAR} and undefined variables in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.containers[0].volumeMounts[0].subPathExpr`, `${w.path}.containers[0].volumeMounts[1].subPathExpr`]);
      assert.equal(textAt(w.text, d[0]), '"${POD_NAME}"');
      assert.equal(d[0].data?.replacement, '$(POD_NAME)');
      assert.match(d[1].message, /missing value for NODE_NAME/);
    });
  }

  it('counts an empty env value as missing, as the kubelet does, even beside envFrom', () => {
    const w = inEveryWorkload(yaml`
      containers:
        - name: app
          image: nginx
          envFrom: [{configMapRef: {name: vars}}]
          env:
            - {name: EMPTY, value: ""}
            - {name: UNSET}
            - {name: LATER, value: ""}
            - {name: LATER, value: "x"}
            - {name: SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}
          volumeMounts:
            - {name: logs, mountPath: /a, subPathExpr: "$(EMPTY)/$(UNSET)"}
            - {name: logs, mountPath: /b, subPathExpr: "$(LATER)/$(SECRET)/$(FROM_CONFIG)"}
      volumes:
        - {name: logs, emptyDir: {}}
    `)[0];
    const [d, ...rest] = foundBy(RULE, w.text);
    assert.equal(rest.length, 0);
    assert.equal(d.fieldPath, 'spec.containers[0].volumeMounts[0].subPathExpr');
    assert.deepEqual(d.data?.missing, ['EMPTY', 'UNSET']);
    assert.match(d.message, /sets env "EMPTY", "UNSET" to an empty value/);
  });

  it('reads $$(VAR) as a literal $(VAR), not a variable', () => {
    const w = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /a, subPathExpr: "$$(NOT_A_VAR)/x"}]}]\nvolumes: [{name: v, emptyDir: {}}]')[0];
    assert.deepEqual(foundBy(RULE, w.text), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
