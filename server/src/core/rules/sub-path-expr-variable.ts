/**
 * A `subPathExpr` that will not expand as meant: `${VAR}` is not Kubernetes syntax (only
 * `$(VAR)` is expanded, so the directory is literally named "${VAR}"), and a `$(VAR)` the
 * container does not define in `env`, or defines as an empty string, makes the kubelet refuse to
 * start it ("missing value for VAR", CreateContainerConfigError: ExpandContainerVolumeMounts
 * counts an empty value as missing). `$$(VAR)` is an escaped, literal `$(VAR)`. Containers with
 * `envFrom` may define anything: only the curly form is reported there.
 * https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath-expanded-environment
 */
import type { YAMLMap } from 'yaml';
import { asMap, asSeq, findPair, getNode, getString, scalarRef } from '../model/yaml-nodes';
import { CONTAINER_NAMES } from './fields';
import { describeContainer, literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'sub-path-expr-variable';

type EnvValue = 'set' | 'empty';

/**
 * What the container's `env` gives each name: a later entry of a name replaces an earlier one, a
 * `valueFrom` is taken as set (its value is not in the manifest), no value at all is empty.
 */
function envValues(container: YAMLMap): Map<string, EnvValue> {
  const values = new Map<string, EnvValue>();
  for (const item of asSeq(getNode(container, 'env'))?.items ?? []) {
    const entry = asMap(item);
    const name = getString(entry, 'name');
    if (name === undefined) continue;
    values.set(name, getNode(entry, 'valueFrom') !== undefined || (getString(entry, 'value') ?? '') !== '' ? 'set' : 'empty');
  }
  return values;
}

/** The names `$(NAME)` references in `expr`, read as the kubelet's expansion does (`$$` is a literal `$`). */
export function referencedVariables(expr: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < expr.length - 1; i++) {
    if (expr[i] !== '$') continue;
    if (expr[i + 1] === '$') {
      i++;
      continue;
    }
    if (expr[i + 1] !== '(') continue;
    const close = expr.indexOf(')', i + 2);
    if (close === -1) break;
    names.push(expr.slice(i + 2, close));
    i = close;
  }
  return names;
}

export const subPathExprVariable: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'env.name', 'env.value', 'volumeMounts.subPathExpr'],
  defaultSeverity: 'warning',
  description: 'A subPathExpr uses ${VAR} (never expanded) or a $(VAR) the container does not define or defines empty, which stops the container from starting.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        const env = envValues(container.node);
        const hasEnvFrom = (asSeq(getNode(container.node, 'envFrom'))?.items.length ?? 0) > 0;
        for (const mount of container.mounts) {
          const expr = scalarRef(findPair(mount.node, 'subPathExpr')?.value);
          if (!expr) continue;
          const curly = [...expr.value.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]);
          const referenced = [...new Set(referencedVariables(expr.value))];
          const undefinedNames = hasEnvFrom ? [] : referenced.filter((v) => !env.has(v));
          // An empty value stays empty whatever envFrom holds: a name in env replaces the same name from envFrom.
          const emptyNames = referenced.filter((v) => env.get(v) === 'empty');
          const missing = [...undefinedNames, ...emptyNames];
          if (curly.length === 0 && missing.length === 0) continue;
          const parts = [];
          if (curly.length) parts.push(`${curly.map((v) => `\${${v}}`).join(', ')} is not expanded: Kubernetes only expands $(VAR), so the directory would be named literally. Write ${curly.map((v) => `$(${v})`).join(', ')}.`);
          if (missing.length) {
            const why = [
              ...(undefinedNames.length ? [`defines no env ${undefinedNames.map((v) => `"${v}"`).join(', ')}`] : []),
              ...(emptyNames.length ? [`sets env ${emptyNames.map((v) => `"${v}"`).join(', ')} to an empty value, which the kubelet counts as missing`] : []),
            ];
            parts.push(`${describeContainer(container)} ${why.join(' and ')}: the kubelet refuses to start it (CreateContainerConfigError: missing value for ${missing.join(', ')}). ${undefinedNames.length ? 'Add it to env, e.g. from fieldRef metadata.name.' : 'Give it a value.'}`);
          }
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
