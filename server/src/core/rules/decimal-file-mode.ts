/**
 * A file mode written in decimal whose digits look like an octal mode: `400` is decimal 400,
 * which is octal 0620 (rw--w----), not 0400. The API server accepts it (it is below 0777), so
 * the files quietly get odd permissions. Modes whose decimal value is itself an ordinary
 * permission (420 = 0644, 256 = 0400, 493 = 0755) are the usual JSON spelling and stay silent.
 * https://kubernetes.io/docs/concepts/configuration/secret/#secret-files-permissions
 */
import { octal } from './invalid-file-mode';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { modesOf } from './volume-fields';

const ID = 'decimal-file-mode';

/** rwx digits where each class has read when it has anything, and others ⊆ group ⊆ owner. */
export function isUsualMode(mode: number): boolean {
  if (mode < 0 || mode > 0o777) return false;
  const [owner, group, other] = [(mode >> 6) & 7, (mode >> 3) & 7, mode & 7];
  const sensible = (d: number): boolean => d === 0 || d >= 4;
  return sensible(owner) && sensible(group) && sensible(other) && (group & ~owner) === 0 && (other & ~group) === 0;
}

export function rwx(mode: number): string {
  return [6, 3, 0].map((shift) => {
    const d = (mode >> shift) & 7;
    return `${d & 4 ? 'r' : '-'}${d & 2 ? 'w' : '-'}${d & 1 ? 'x' : '-'}`;
  }).join('');
}

export const decimalFileMode: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['defaultMode', 'items.mode'],
  defaultSeverity: 'warning',
  description: 'A file mode is written in decimal but its digits look like an octal mode (400 is 0620, not 0400).',
  check(document) {
    const findings: Finding[] = [];
    for (const { mode } of modesOf(literalPodSpecs(document), document.text)) {
      if (!/^[1-7][0-7]{0,2}$/.test(mode.written) || mode.value > 0o777 || isUsualMode(mode.value)) continue;
      const meant = parseInt(mode.written, 8);
      if (!isUsualMode(meant)) continue;
      findings.push({
        rule: ID,
        message: `${mode.written} is decimal: octal ${octal(mode.value)} (${rwx(mode.value)}), not ${octal(meant)} (${rwx(meant)}). Without a leading 0 YAML reads a decimal number; did you mean ${octal(meant)}?`,
        fieldPath: mode.path,
        range: mode.range,
        data: { value: mode.value, suggestions: [octal(meant)], decimal: meant },
      });
    }
    return findings;
  },
};
