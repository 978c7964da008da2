/**
 * A projected serviceAccountToken whose path another source of the same volume also writes. The
 * API server's duplicate-path check leaves token paths out, so it accepts the pod with only a
 * warning; the kubelet then builds the volume source by source into one file map, and the later
 * source's file replaces the earlier one: the application reads a token where it expected a
 * certificate, or the other way round.
 * https://kubernetes.io/docs/concepts/storage/projected-volumes/
 */
import { findPair, scalarRef, ScalarRef } from '../model/yaml-nodes';
import { child } from '../model/field-path';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { entries, fileSources, soleSources, SourceRef } from './volume-fields';

const ID = 'projected-token-path-clash';

interface WrittenPath {
  readonly path: ScalarRef;
  readonly fieldPath: string;
  readonly kind: string;
}

/** Every file path the sources of a projected volume write, in source order. */
function writtenPaths(source: SourceRef): WrittenPath[] {
  const out: WrittenPath[] = [];
  for (const file of fileSources(source)) {
    const holders = file.kind === 'serviceAccountToken' || file.kind === 'clusterTrustBundle' ? [{ map: file.map, path: file.path }] : entries(file.map, 'items', file.path);
    for (const holder of holders) {
      const path = scalarRef(findPair(holder.map, 'path')?.value);
      if (path && path.value !== '') out.push({ path, fieldPath: child(holder.path, 'path'), kind: file.kind });
    }
  }
  return out;
}

export const projectedTokenPathClash: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['serviceAccountToken.path', 'clusterTrustBundle.path', 'items.path'],
  defaultSeverity: 'warning',
  description: 'A projected serviceAccountToken is written to a path another source of the volume also writes; one file silently replaces the other.',
  check(document) {
    const findings: Finding[] = [];
    for (const { source } of soleSources(literalPodSpecs(document))) {
      if (source.key !== 'projected') continue;
      // The first source to write each path, and the first token among them: one pass, not a search of the earlier ones per path.
      const first = new Map<string, WrittenPath>();
      const firstToken = new Map<string, WrittenPath>();
      for (const later of writtenPaths(source)) {
        const path = later.path.value;
        // Clashes between two non-token sources are projected-source-conflict's (the API server rejects those).
        const earlier = later.kind === 'serviceAccountToken' ? first.get(path) : firstToken.get(path);
        if (!first.has(path)) first.set(path, later);
        if (later.kind === 'serviceAccountToken' && !firstToken.has(path)) firstToken.set(path, later);
        if (!earlier) continue;
        findings.push({
          rule: ID,
          message: `The file "${later.path.value}" is written by both a ${earlier.kind} source and this ${later.kind} source of the projected volume. The API server accepts this with only a warning (a serviceAccountToken path is not in its duplicate-path check); the kubelet keeps the later source's file, so the ${earlier.kind} file is silently missing. Give one of them another path.`,
          fieldPath: later.fieldPath,
          range: later.path.range,
          related: [{ message: `"${later.path.value}" first written here`, range: earlier.path.range }],
          data: { path: later.path.value },
        });
      }
    }
    return findings;
  },
};
