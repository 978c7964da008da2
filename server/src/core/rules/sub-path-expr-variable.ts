/**
 * A `subPathExpr` that will not expand as meant: `${VAR}` is not Kubernetes syntax (only
 * `$(VAR)` is expanded, so the directory is literally named "${VAR}"), and a `$(VAR)` the
 * container does not define in `env` makes the kubelet refuse to start it ("missing value for
 * VAR", CreateContainerConfigError). Containers with `envFrom` may define anything: only the
 * curly form is reported there.
 * https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath-expanded-environment
 */
import { asMap, asSeq, findPair, getNode, getString, scalarRef } from '../model/yaml-nodes';
import { CONTAINER_NAMES } from './fields';
import { describeContainer, literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'sub-path-expr-variable';

export const subPathExprVariable: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'env.name', 'volumeMounts.subPathExpr'],
  defaultSeverity: 'warning',
  description: 'A subPathExpr uses ${VAR} (never expanded) or a $(VAR) the container does not define, which stops the container from starting.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        const env = new Set((asSeq(getNode(container.node, 'env'))?.items ?? []).map((e) => getString(asMap(e), 'name')).filter((n): n is string => n !== undefined));
        const hasEnvFrom = (asSeq(getNode(container.node, 'envFrom'))?.items.length ?? 0) > 0;
        for (const mount of container.mounts) {
          const expr = scalarRef(findPair(mount.node, 'subPathExpr')?.value);
          if (!expr) continue;
          const curly = [...expr.value.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]);
          const missing = hasEnvFrom ? [] : [...expr.value.matchAll(/\$\(([^)]+)\)/g)].map((m) => m[1]).filter((v) => !env.has(v));
          if (curly.length === 0 && missing.length === 0) continue;
          const parts = [];
          if (curly.length) parts.push(`${curly.map((v) => `\${${v}}`).join(', ')} is not expanded: Kubernetes only expands $(VAR), so the directory would be named literally. Write ${curly.map((v) => `$(${v})`).join(', ')}.`);
          if (missing.length) parts.push(`${describeContainer(container)} defines no env ${missing.map((v) => `"${v}"`).join(', ')}: the kubelet refuses to start it (CreateContainerConfigError: missing value for ${missing.join(', ')}). Add it to env, e.g. from fieldRef metadata.name.`);
          findings.push({
            rule: ID,
            message: parts.join(' '),
            fieldPath: `${mount.path}.subPathExpr`,
            range: expr.range,
            data: { curly, missing, replacement: curly.length ? expr.value.replace(/\$\{([^}]+)\}/g, '$($1)') : null },
          });
        }
      }
    }
    return findings;
  },
};
