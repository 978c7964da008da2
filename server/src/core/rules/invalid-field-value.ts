/**
 * A field of a volume source, volumeMounts or volumeDevices entry with the wrong type (a quoted
 * "0644" where a number belongs, `optional: "true"`, a number where a name belongs, a string
 * where a map belongs) or, for enumerations the specific rules do not cover (an image volume's
 * pullPolicy), a value outside the allowed ones. A wrong type cannot even be decoded: the API
 * server refuses the object, whatever its kind.
 */
import { isScalar } from 'yaml';
import { rangeOf } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { locatedProblems } from './schema-fields';
import type { DocumentRule, Finding } from './types';

const ID = 'invalid-field-value';
const EXPECTED: Record<string, string> = { object: 'a map', array: 'a list', integer: 'an integer', 'string or number': 'a string or a number' };

function describe(node: unknown): string {
  if (isScalar(node)) return typeof node.value === 'string' ? `the string "${node.value}"` : `${typeof node.value} ${String(node.value)}`;
  return Array.isArray((node as { items?: unknown }).items) ? 'a list or map' : 'a value';
}

/** A hint for the common case: a quoted octal mode. */
function hint(node: unknown, expected: string): string {
  return expected === 'integer' && isScalar(node) && typeof node.value === 'string' && /^0[0-7]+$/.test(node.value)
    ? ` Remove the quotes: unquoted, ${node.value} is read as octal (${parseInt(node.value, 8)}).`
    : '';
}

/**
 * Where a string belongs, a plain scalar YAML 1.1 reads as something else (`no` is false, `0123`
 * is 83, `~` is null): what was written, to quote, so that the message shows it and a fix can.
 */
function writtenAsString(node: unknown, expected: string, text: string): string | undefined {
  if (!expected.split(' or ').includes('string') || !isScalar(node) || node.type !== 'PLAIN' || typeof node.value === 'string') return undefined;
  const range = rangeOf(node);
  return range ? text.slice(range.start, range.end) : undefined;
}

export const invalidFieldValue: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.**', 'volumeMounts.**', 'volumeDevices.**'],
  defaultSeverity: 'error',
  description: 'A field of a volume source, volumeMounts or volumeDevices entry has the wrong type (a quoted number, a string for a map) or a value outside its allowed set.',
  check(document) {
    const findings: Finding[] = [];
    for (const { problem, node, path, podSpec, replaced } of locatedProblems(document)) {
      const range = rangeOf(node);
      if (problem.keyword === 'additionalProperties' || !range) continue;
      // A value outside its set is a validation error, and the pods never have a replaced volume.
      if (replaced && problem.keyword !== 'type') continue;
      const field = path.slice(path.lastIndexOf('.') + 1);
      const written = problem.keyword === 'type' ? writtenAsString(node, problem.expected!, document.text) : undefined;
      const quote = written === undefined ? '' : ` Unquoted, ${written} is read that way (YAML 1.1, as Kubernetes reads it): write "${written}".`;
      const message = problem.keyword === 'type'
        ? `${field} must be ${EXPECTED[problem.expected!] ?? `a ${problem.expected}`}, not ${describe(node)}.${hint(node, problem.expected!)}${quote} The API server cannot decode it and refuses the object.`
        : `${field} must be one of ${problem.allowed!.join(', ')}, not ${describe(node)}. ${rejection(podSpec, `${path}: Unsupported value`)}`;
      findings.push({
        rule: ID,
        message,
        fieldPath: path,
        range,
        data: { expected: problem.expected ?? null, allowed: problem.allowed ?? [], quote: written ?? null },
      });
    }
    return findings;
  },
};
