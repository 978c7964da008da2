/**
 * Agreement with the API server's own volume validation: cases in the spirit of
 * pkg/apis/core/validation/validation_test.go (TestValidateVolumes, TestValidateVolumeMounts,
 * TestValidateVolumeDevices, subPath, propagation, recursive read-only, projected, downward API,
 * imagePullSecrets), written here as pod specs. What the server accepts must get no error at
 * all; what it rejects must get an error at the field path it concerns.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from './helpers';

/** A Pod with these volumes and this container (flow YAML), so each case is one line. */
function pod(volumes: string, container = '{name: c, image: nginx}', extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [${container}]\n  volumes: ${volumes}\n${extra}`;
}
const mounting = (mounts: string, rest = ''): string => `{name: c, image: nginx, volumeMounts: ${mounts}${rest}}`;

const ACCEPTED: Record<string, string> = {
  'a volume with only a name (defaulted to an emptyDir)': pod('[{name: v}]', mounting('[{name: v, mountPath: /v}]')),
  'emptyDir with medium and size': pod('[{name: v, emptyDir: {medium: Memory, sizeLimit: 1Gi}}]', mounting('[{name: v, mountPath: /v}]')),
  'emptyDir sizeLimit 0': pod('[{name: v, emptyDir: {sizeLimit: "0"}}]', mounting('[{name: v, mountPath: /v}]')),
  'hostPath with every known type': pod(`[${['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'].map((t, i) => `{name: h${i}, hostPath: {path: /h${i}, type: "${t}"}}`).join(', ')}]`, mounting(`[${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `{name: h${i}, mountPath: /h${i}, readOnly: true}`).join(', ')}]`)),
  'hostPath path with dots that are not ..': pod('[{name: v, hostPath: {path: /var/..data/x..y}}]', mounting('[{name: v, mountPath: /v}]')),
  'secret with mode 0 and 0777 and items': pod('[{name: v, secret: {secretName: s, defaultMode: 0, items: [{key: k, path: a/b, mode: 0777}]}}]', mounting('[{name: v, mountPath: /v}]')),
  'configMap with optional and a dotted item path': pod('[{name: v, configMap: {name: c, optional: true, items: [{key: k, path: .hidden}]}}]', mounting('[{name: v, mountPath: /v}]')),
  'downwardAPI with labels, a subscripted annotation and a resource': pod(`[{name: v, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: a, fieldRef: {apiVersion: v1, fieldPath: "metadata.annotations['x']"}}, {path: cpu, resourceFieldRef: {containerName: c, resource: limits.cpu, divisor: 1m}}]}}]`, mounting('[{name: v, mountPath: /v}]')),
  'projected with every kind, distinct paths': pod(`[{name: v, projected: {defaultMode: 0440, sources: [{secret: {name: s, items: [{key: a, path: a}]}}, {configMap: {name: c, items: [{key: b, path: b}]}}, {downwardAPI: {items: [{path: nm, fieldRef: {fieldPath: metadata.name}}]}}, {serviceAccountToken: {path: token, expirationSeconds: 600, audience: api}}, {clusterTrustBundle: {signerName: example.com/signer, labelSelector: {}, path: ca.pem}}]}}]`, mounting('[{name: v, mountPath: /v}]')),
  'persistentVolumeClaim, nfs, csi and ephemeral': pod(`[{name: a, persistentVolumeClaim: {claimName: data}}, {name: b, nfs: {server: nfs.local, path: /exports}}, {name: d, csi: {driver: secrets-store.csi.k8s.io, volumeAttributes: {x: "1"}}}, {name: e, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]`, mounting('[{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]')),
  'subPath and subPathExpr that stay inside': pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /a, subPath: a/b}, {name: v, mountPath: /b, subPathExpr: "$(POD)/x"}, {name: v, mountPath: /c, subPath: "..x"}]')),
  'the same volume at two paths': pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /a}, {name: v, mountPath: /b}]')),
  'HostToContainer, and Bidirectional when privileged': pod('[{name: v, hostPath: {path: /mnt}}]', mounting('[{name: v, mountPath: /a, mountPropagation: HostToContainer}, {name: v, mountPath: /b, mountPropagation: Bidirectional}]', ', securityContext: {privileged: true}')),
  'recursiveReadOnly Enabled on a read-only mount, Disabled anywhere': pod('[{name: v, hostPath: {path: /mnt}}]', mounting('[{name: v, mountPath: /a, readOnly: true, recursiveReadOnly: Enabled}, {name: v, mountPath: /b, recursiveReadOnly: Disabled, mountPropagation: HostToContainer}]')),
  'a claim as a device': pod('[{name: v, persistentVolumeClaim: {claimName: raw}}]', '{name: c, image: nginx, volumeDevices: [{name: v, devicePath: /dev/xvda}]}'),
  'names that YAML 1.1 would read as a date or a time, which Kubernetes keeps as strings': pod('[{name: v, configMap: {name: 2024-01-01, items: [{key: k, path: 12:30}]}}]', mounting('[{name: v, mountPath: /v}]')),
  'subPath on an image volume (allowed from 1.33; the default target is newer)': pod('[{name: v, image: {reference: "quay.io/x/models:1", pullPolicy: IfNotPresent}}]', mounting('[{name: v, mountPath: /m, subPath: a}]')),
  'relative mountPath and hostPath (only warned about)': pod('[{name: v, hostPath: {path: var/log}}]', mounting('[{name: v, mountPath: logs, readOnly: true}]')),
  'names no object can have (the server checks only that they are set)': pod('[{name: v, secret: {secretName: My_Secret}}, {name: w, persistentVolumeClaim: {claimName: Data}}]', mounting('[{name: v, mountPath: /v}, {name: w, mountPath: /w}]'), '  imagePullSecrets: [{name: Reg_Cred}]\n'),
  // go-yaml v2 reads any plain scalar that Go's strconv.ParseInt(s, 0, 64) accepts as an integer.
  'modes written with Go integer prefixes (0o640 is 416, 0O4_00 is 256, 0X1A4 is 420)': pod('[{name: v, configMap: {name: c, defaultMode: 0o640, items: [{key: k, path: k, mode: 0O4_00}, {key: l, path: l, mode: 0X1A4}]}}]', mounting('[{name: v, mountPath: /v}]')),
  // kubectl get -o yaml prints creationTimestamp: null; the server compares with zero values.
  'an ephemeral claim template with zero-valued metadata (creationTimestamp: null, name: "")': pod('[{name: e, ephemeral: {volumeClaimTemplate: {metadata: {creationTimestamp: null, name: "", labels: {a: b}}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]', mounting('[{name: e, mountPath: /e}]')),
  'clusterTrustBundle fields that are null (unset pointers)': pod('[{name: v, projected: {sources: [{clusterTrustBundle: {name: null, signerName: example.com/s, path: s.pem}}, {clusterTrustBundle: {name: "example.com:s:one", labelSelector: null, path: one.pem}}]}}]', mounting('[{name: v, mountPath: /v}]')),
  'an image volume with an empty pullPolicy (defaulted)': pod('[{name: v, image: {reference: "quay.io/x/models:1", pullPolicy: ""}}]', mounting('[{name: v, mountPath: /m}]')),
  'a volume named like a date, which go-yaml v2 keeps as a string': pod('[{name: 2024-01-01, emptyDir: {}}, {name: v, persistentVolumeClaim: {claimName: 2024-01-02}}]', mounting('[{name: 2024-01-01, mountPath: /a}, {name: v, mountPath: /v}]')),
  'a sizeLimit with spaces around it (trimmed when decoded)': pod('[{name: v, emptyDir: {sizeLimit: " 1Gi "}}]', mounting('[{name: v, mountPath: /v}]')),
  'a comment right after a quoted scalar or a flow collection, which go-yaml v2 reads as a comment': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    volumeMounts:\n    - name: "data"# the data volume\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}# scratch\n',
  'imagePullSecrets with names only (duplicates are only warned about)': pod('[]', '{name: c, image: nginx}', '  imagePullSecrets: [{name: a}, {name: a}]\n'),
};

const REJECTED: Record<string, { text: string; path: string }> = {
  'a volume name with an upper-case letter': { text: pod('[{name: Data, emptyDir: {}}]', mounting('[{name: Data, mountPath: /d}]')), path: 'spec.volumes[0].name' },
  'a volume name longer than 63': { text: pod(`[{name: ${'a'.repeat(64)}, emptyDir: {}}]`), path: 'spec.volumes[0].name' },
  'a volume without a name': { text: pod('[{emptyDir: {}}]'), path: 'spec.volumes[0].name' },
  'two volumes with one name': { text: pod('[{name: v, emptyDir: {}}, {name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[1].name' },
  'two sources': { text: pod('[{name: v, emptyDir: {}, hostPath: {path: /x}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0]' },
  'a negative sizeLimit': { text: pod('[{name: v, emptyDir: {sizeLimit: -1}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].emptyDir.sizeLimit' },
  'hostPath without a path': { text: pod('[{name: v, hostPath: {path: ""}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].hostPath.path' },
  'hostPath with ..': { text: pod('[{name: v, hostPath: {path: /a/../b}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].hostPath.path' },
  'hostPath of an unknown type': { text: pod('[{name: v, hostPath: {path: /a, type: invalidtype}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].hostPath.type' },
  'secret without secretName': { text: pod('[{name: v, secret: {}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].secret.secretName' },
  'configMap without name': { text: pod('[{name: v, configMap: {}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].configMap.name' },
  'defaultMode above 0777': { text: pod('[{name: v, secret: {secretName: s, defaultMode: 01000}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].secret.defaultMode' },
  'a negative item mode': { text: pod('[{name: v, configMap: {name: c, items: [{key: k, path: p, mode: -1}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].configMap.items[0].mode' },
  'an absolute item path': { text: pod('[{name: v, secret: {secretName: s, items: [{key: k, path: /p}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].secret.items[0].path' },
  'an item path starting with ..': { text: pod('[{name: v, configMap: {name: c, items: [{key: k, path: ..p}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].configMap.items[0].path' },
  'an item without key': { text: pod('[{name: v, configMap: {name: c, items: [{path: p}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].configMap.items[0].key' },
  'claim without claimName': { text: pod('[{name: v, persistentVolumeClaim: {readOnly: true}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].persistentVolumeClaim.claimName' },
  'nfs without server': { text: pod('[{name: v, nfs: {path: /e}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].nfs.server' },
  'csi without driver': { text: pod('[{name: v, csi: {}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].csi.driver' },
  'downwardAPI of spec.nodeName': { text: pod('[{name: v, downwardAPI: {items: [{path: nm, fieldRef: {fieldPath: spec.nodeName}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath' },
  'downwardAPI with both references': { text: pod('[{name: v, downwardAPI: {items: [{path: nm, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: c, resource: limits.cpu}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].downwardAPI.items[0].resourceFieldRef' },
  'resourceFieldRef without containerName': { text: pod('[{name: v, downwardAPI: {items: [{path: nm, resourceFieldRef: {resource: limits.memory}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].downwardAPI.items[0].resourceFieldRef.containerName' },
  'a projected source with two kinds': { text: pod('[{name: v, projected: {sources: [{secret: {name: s}, configMap: {name: c}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].projected.sources[0]' },
  'projected duplicate paths': { text: pod('[{name: v, projected: {sources: [{secret: {name: s, items: [{key: a, path: x}]}}, {configMap: {name: c, items: [{key: b, path: x}]}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].projected.sources[1].configMap.items[0].path' },
  'a token expiring in under ten minutes': { text: pod('[{name: v, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 599}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds' },
  'a mount of an undeclared volume': { text: pod('[]', mounting('[{name: x, mountPath: /x}]')), path: 'spec.containers[0].volumeMounts[0].name' },
  'a mount without mountPath': { text: pod('[{name: v, emptyDir: {}}]', mounting('[{name: v}]')), path: 'spec.containers[0].volumeMounts[0].mountPath' },
  'the same mountPath twice': { text: pod('[{name: v, emptyDir: {}}, {name: w, emptyDir: {}}]', mounting('[{name: v, mountPath: /x}, {name: w, mountPath: /x}]')), path: 'spec.containers[0].volumeMounts[1].mountPath' },
  'an absolute subPath': { text: pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /x, subPath: /a}]')), path: 'spec.containers[0].volumeMounts[0].subPath' },
  'subPathExpr with ..': { text: pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /x, subPathExpr: "$(A)/../b"}]')), path: 'spec.containers[0].volumeMounts[0].subPathExpr' },
  'subPath and subPathExpr together': { text: pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /x, subPath: a, subPathExpr: b}]')), path: 'spec.containers[0].volumeMounts[0].subPathExpr' },
  'an unknown propagation mode': { text: pod('[{name: v, hostPath: {path: /m}}]', mounting('[{name: v, mountPath: /x, mountPropagation: Shared}]')), path: 'spec.containers[0].volumeMounts[0].mountPropagation' },
  'Bidirectional in an unprivileged container': { text: pod('[{name: v, hostPath: {path: /m}}]', mounting('[{name: v, mountPath: /x, mountPropagation: Bidirectional}]')), path: 'spec.containers[0].volumeMounts[0].mountPropagation' },
  'recursiveReadOnly without readOnly': { text: pod('[{name: v, hostPath: {path: /m}}]', mounting('[{name: v, mountPath: /x, recursiveReadOnly: IfPossible}]')), path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly' },
  'an unknown recursiveReadOnly value': { text: pod('[{name: v, hostPath: {path: /m}}]', mounting('[{name: v, mountPath: /x, readOnly: true, recursiveReadOnly: Always}]')), path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly' },
  'a device on an emptyDir': { text: pod('[{name: v, emptyDir: {}}]', '{name: c, image: nginx, volumeDevices: [{name: v, devicePath: /dev/x}]}'), path: 'spec.containers[0].volumeDevices[0].name' },
  'a volume both mounted and a device': { text: pod('[{name: v, persistentVolumeClaim: {claimName: c}}]', '{name: c, image: nginx, volumeMounts: [{name: v, mountPath: /m}], volumeDevices: [{name: v, devicePath: /dev/x}]}'), path: 'spec.containers[0].volumeDevices[0].name' },
  'a devicePath with ..': { text: pod('[{name: v, persistentVolumeClaim: {claimName: c}}]', '{name: c, image: nginx, volumeDevices: [{name: v, devicePath: /dev/../x}]}'), path: 'spec.containers[0].volumeDevices[0].devicePath' },
  'an ephemeral container with subPath': { text: pod('[{name: v, emptyDir: {}}]', mounting('[{name: v, mountPath: /v}]'), '  ephemeralContainers: [{name: e, image: busybox, volumeMounts: [{name: v, mountPath: /v, subPath: x}]}]\n'), path: 'spec.ephemeralContainers[0].volumeMounts[0].subPath' },
  'a file path YAML 1.1 reads as a boolean (n is false)': { text: pod('[{name: v, downwardAPI: {items: [{path: n, fieldRef: {fieldPath: metadata.name}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].downwardAPI.items[0].path' },
  'a relative nfs path': { text: pod('[{name: v, nfs: {server: s, path: e}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].nfs.path' },
  'a csi driver with an underscore': { text: pod('[{name: v, csi: {driver: my_driver}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].csi.driver' },
  'a clusterTrustBundle with name and signerName': { text: pod('[{name: v, projected: {sources: [{clusterTrustBundle: {name: a, signerName: example.com/s, path: p}}]}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].projected.sources[0].clusterTrustBundle' },
  'an ephemeral claim template with a name': { text: pod('[{name: v, ephemeral: {volumeClaimTemplate: {metadata: {name: x}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name' },
  'a mode written 0o1777 (setuid, setgid and sticky bits)': { text: pod('[{name: v, configMap: {name: c, defaultMode: 0o1777}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].configMap.defaultMode' },
  'an ephemeral claim template with an empty finalizers list (not nil)': { text: pod('[{name: v, ephemeral: {volumeClaimTemplate: {metadata: {finalizers: []}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]', mounting('[{name: v, mountPath: /v}]')), path: 'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.finalizers' },
  'a volume name YAML reads as a number': { text: pod('[{name: 123, emptyDir: {}}]', mounting('[{name: "123", mountPath: /v}]')), path: 'spec.volumes[0].name' },
  'a volume name YAML 1.1 reads as a boolean (no)': { text: pod('[{name: no, emptyDir: {}}]', mounting('[{name: "false", mountPath: /v}]')), path: 'spec.volumes[0].name' },
  'an imagePullSecrets entry with a namespace': { text: pod('[]', '{name: c, image: nginx}', '  imagePullSecrets: [{name: a, namespace: b}]\n'), path: 'spec.imagePullSecrets[0].namespace' },
};

describe('agreement with the API server', () => {
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(lint(text).filter((d) => d.severity === 'error').map((d) => `${d.rule} @ ${d.fieldPath}`), []);
    });
  }
  it('rejects subPath on an image volume when the target is 1.32', () => {
    const text = pod('[{name: v, image: {reference: "quay.io/x/models:1", pullPolicy: IfNotPresent}}]', mounting('[{name: v, mountPath: /m, subPath: a}]'));
    const errors = lint(text, { kubernetesVersion: '1.32' }).filter((d) => d.severity === 'error').map((d) => d.fieldPath);
    assert.deepEqual(errors, ['spec.containers[0].volumeMounts[0].subPath']);
  });
  for (const [name, { text, path }] of Object.entries(REJECTED)) {
    it(`rejects ${name}, at ${path}`, () => {
      const errors = lint(text).filter((d) => d.severity === 'error').map((d) => d.fieldPath);
      assert.ok(errors.includes(path), `errors: ${JSON.stringify(errors)}`);
    });
  }
});
