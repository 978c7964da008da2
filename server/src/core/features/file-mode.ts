/** File modes as Kubernetes reads them (YAML 1.1: `0644` is octal, `644` is decimal) and as people mean them. */
import { isOctalLiteral } from '../model/yaml-options';

/** `rw-r--r--` for 0o644. */
export function permissionString(mode: number): string {
  return [...'rwxrwxrwx'].map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-')).join('');
}


export function describeMode(mode: number, source: string): string {
  const valid = mode >= 0 && mode <= 0o777;
  const lines = [
    `\`${source}\` is read as ${isOctalLiteral(source) ? 'octal' : 'decimal'}: **0${mode.toString(8)}** octal = **${mode}** decimal${valid ? ` = \`${permissionString(mode)}\`` : ''}.`,
  ];
  if (!valid) lines.push('Out of range: file modes must be between 0 and 0777 (511 decimal), or the API server rejects the pod.');
  if (!isOctalLiteral(source) && /^[0-7]{3}$/.test(source)) {
    lines.push(`If you meant \`${source}\` as permissions, write \`0${source}\` (= \`${permissionString(Number.parseInt(source, 8))}\`).`);
  }
  return lines.join('\n\n');
}
