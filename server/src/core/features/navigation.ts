/**
 * Go to definition, find references, document highlights and rename between mounts and the
 * volumes (or claim templates) they name. All ranges are relative to the document.
 */
import type { DocumentModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import { declarationOf, nameTargetAt, usesOf } from './target';

export function definitionAt(model: DocumentModel, offset: number): Range | undefined {
  const target = nameTargetAt(model, offset);
  if (!target) return undefined;
  return declarationOf(target.podSpec, target.name)?.range;
}

export interface Occurrence {
  readonly range: Range;
  readonly isDeclaration: boolean;
}

/** The declaration and every use of the name under the cursor, in one pod spec. */
export function occurrencesAt(model: DocumentModel, offset: number): Occurrence[] {
  const target = nameTargetAt(model, offset);
  if (!target) return [];
  const declaration = declarationOf(target.podSpec, target.name);
  const uses = usesOf(target.podSpec, target.name).map(({ mount }) => ({ range: mount.name!.range, isDeclaration: false }));
  return declaration ? [{ range: declaration.range, isDeclaration: true }, ...uses] : uses;
}

/** A volume name Kubernetes accepts: a DNS-1123 label. */
export function isValidVolumeName(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/** The range to rename, if the cursor is on a name that can be renamed. */
export function renameRangeAt(model: DocumentModel, offset: number): Range | undefined {
  return nameTargetAt(model, offset)?.range;
}

export function renameEdits(model: DocumentModel, offset: number, newName: string): { range: Range; newText: string }[] {
  return occurrencesAt(model, offset).map((o) => ({ range: o.range, newText: newName }));
}
