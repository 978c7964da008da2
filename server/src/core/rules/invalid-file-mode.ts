/**
 * A file mode (`defaultMode`, `items[].mode`) outside 0 to 0777. Kubernetes reads YAML 1.1, so
 * `0750` is octal (488) but `750` is the decimal number 750, octal 01356: above 0777, and the
 * API server rejects the pod. The usual cause is a dropped leading zero (a Helm value, a
 * generator), so the message shows the octal reading and offers the mode that was meant.
 * https://kubernetes.io/docs/concepts/configuration/secret/#secret-files-permissions
 */
import { isOctalLiteral } from '../model/yaml-options';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import { narrowerModes, SECRET_READER_FIELDS } from './secret-readers';
import type { DocumentRule, Finding } from './types';
import { ModeField, modesOf } from './volume-fields';

const ID = 'invalid-file-mode';
const MAX_MODE = 0o777;

export const octal = (value: number): string => `0${value.toString(8)}`;

/** The octal mode the author most likely meant: the written digits, read as octal. */
export function intendedOctal(mode: ModeField): string | undefined {
  const digits = mode.written.replace(/^0o?/, '');
  return /^[0-7]{1,3}$/.test(digits) && /^[1-9]/.test(mode.written) ? `0${digits}` : undefined;
}

function explain(mode: ModeField): string {
  if (mode.value < 0) return `${mode.written} is negative`;
  // Above 0777 in octal means setuid, setgid or sticky bits; written in decimal (750, 644.0), it is usually a dropped leading 0.
  if (isOctalLiteral(mode.written)) return `${mode.written} is ${mode.value} (octal ${octal(mode.value)}), above 0777: setuid, setgid and sticky bits cannot be set here`;
  if (/^\+?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/.test(mode.written)) return `${mode.written} is read as decimal ${mode.value} (octal ${octal(mode.value)}), above 0777`;
  return `${mode.written} is ${mode.value} (octal ${octal(mode.value)}), above 0777`;
}

export const invalidFileMode: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['defaultMode', 'items.mode', ...SECRET_READER_FIELDS],
  defaultSeverity: 'error',
  description: 'A defaultMode or items[].mode is outside 0 to 0777 (often an octal mode written without its leading 0).',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, volume, mode } of modesOf(literalPodSpecs(document), document.text)) {
      if (mode.value >= 0 && mode.value <= MAX_MODE) continue;
      const meant = intendedOctal(mode);
      // For Secret files, the owner-only mode too, where the containers that mount them can read it (world-readable-secret.ts).
      const ownerOnly = mode.secret && meant !== '0400' && narrowerModes(podSpec, volume).suggestions.includes('0400') ? ['0400'] : [];
      findings.push({
        rule: ID,
        message: `${explain(mode)}; ${meant ? `did you mean ${meant}?` : 'a mode must be between 0 and 0777.'} YAML reads a number with a leading 0 as octal; in JSON write the decimal value (${meant ? `${parseInt(meant, 8)} for ${meant}` : '420 for 0644'}). ${rejection(podSpec, `${mode.path}: Invalid value: must be a number between 0 and 0777 (octal), both inclusive`)}`,
        fieldPath: mode.path,
        range: mode.range,
        data: { value: mode.value, suggestions: [...(meant ? [meant] : []), ...ownerOnly], decimal: meant ? parseInt(meant, 8) : null },
      });
    }
    return findings;
  },
};
