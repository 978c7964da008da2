/**
 * A file mode, written explicitly, that lets every user in the container read Secret data
 * (`defaultMode: 420` is 0644, rw-r--r--). Whoever writes a mode usually means to restrict
 * it; a process under any other user id can then still read keys and tokens.
 * https://kubernetes.io/docs/concepts/configuration/secret/#secret-files-permissions
 *
 * Which narrower mode works depends on who reads the files (secret-readers.ts): where no mode
 * would do, none is offered alone.
 */
import { rwx } from './decimal-file-mode';
import { octal } from './invalid-file-mode';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { modesOf } from './volume-fields';
import { narrowerModes, SECRET_READER_FIELDS } from './secret-readers';

const ID = 'world-readable-secret';
const OTHERS_READ = 0o004;

export const worldReadableSecret: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['defaultMode', 'items.mode', ...SECRET_READER_FIELDS],
  defaultSeverity: 'warning',
  description: 'A mode given for Secret files lets every user in the container read them (e.g. defaultMode: 420, which is 0644).',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, volume, mode } of modesOf(literalPodSpecs(document), document.text)) {
      if (!mode.secret || mode.value < 0 || mode.value > 0o777 || (mode.value & OTHERS_READ) === 0) continue;
      const { suggestions, advice } = narrowerModes(podSpec, volume);
      findings.push({
        rule: ID,
        message: `Mode ${mode.written} is ${octal(mode.value)} (${rwx(mode.value)}): every user in the container can read these Secret files. ${advice}`,
        fieldPath: mode.path,
        range: mode.range,
        data: { value: mode.value, octal: octal(mode.value), suggestions },
      });
    }
    return findings;
  },
};
