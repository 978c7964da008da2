/**
 * Which findings of a document survive a keystroke inside one value, and where they move to.
 *
 * Why: on a keystroke inside a name, a path or an image, the 57 document rules cost most of the
 * work, though a handful of them read that field. A rule that declares the fields it reads
 * (DocumentRule.reads) and does not read the edited one finds exactly what it found before, at
 * offsets moved by the edit: patch-scalar.ts moves the tree's nodes the same way. The edit must
 * leave the document's shape alone, so a value that turns into another kind (a string into a
 * number, `null` into a name) or the `kind` and `apiVersion` that decide what an object contains
 * make every rule run.
 */
import type { Scalar } from 'yaml';
import type { ScalarPatch } from '../model/patch-scalar';
import type { DocumentModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import type { DocumentRule, Finding, RelatedLocation } from '../rules/types';

/** Fields whose values decide which objects, pod specs and containers the model holds. */
const SHAPING_FIELDS: ReadonlySet<string> = new Set(['kind', 'apiVersion']);

/** A keystroke that changed one value of one field and nothing else. */
export interface ValueEdit {
  /** The keys from the root down to the value, sequence indices left out (ScalarPatch.keys). */
  readonly keys: readonly string[];
  /** Offsets at or after this one (the previous end of the edited scalar) move by `delta`. */
  readonly from: number;
  readonly delta: number;
}

/** What valueEditOf needs of a patch. */
export type EditedValue = Pick<ScalarPatch, 'keys' | 'before' | 'after'>;

function kindOf(scalar: Scalar): string {
  return scalar.value === null ? 'null' : typeof scalar.value;
}

/**
 * Whether an edit of the value at `keys` may change which volumes a StatefulSet's pods get
 * (PodSpecModel.podVolumes): the controller drops a template volume that a claim template names,
 * so in a document with claim templates, a volume's or a claim template's name decides what every
 * volume rule sees.
 */
function reshapesPodVolumes(keys: readonly string[], document: Pick<DocumentModel, 'podSpecs'>): boolean {
  const field = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (field !== 'name' || (parent !== 'volumes' && parent !== 'metadata')) return false;
  return document.podSpecs.some((podSpec) => podSpec.claimTemplates.length > 0);
}

/** The patch as a value edit, when it cannot have changed the document's shape; `document` is the model after it. */
export function valueEditOf({ keys, before, after }: EditedValue, document: Pick<DocumentModel, 'podSpecs'>): ValueEdit | undefined {
  const field = keys[keys.length - 1];
  if (!field || SHAPING_FIELDS.has(field) || kindOf(before) !== kindOf(after) || kindOf(after) === 'null') return undefined;
  if (reshapesPodVolumes(keys, document)) return undefined;
  const [, end] = before.range as [number, number, number];
  return { keys, from: end, delta: (after.range as [number, number, number])[1] - end };
}

/** A `reads` entry (see DocumentRule.reads) taken apart: `a.**` (anything below a), `a.b` (field b of a map under a), `b` (field b). */
interface Read {
  readonly below?: string;
  readonly parent?: string;
  readonly field?: string;
}

function readOf(entry: string): Read {
  if (entry.endsWith('.**')) return { below: entry.slice(0, -3) };
  const dot = entry.indexOf('.');
  return dot === -1 ? { field: entry } : { parent: entry.slice(0, dot), field: entry.slice(dot + 1) };
}

function coversRead(read: Read, keys: readonly string[]): boolean {
  if (read.below !== undefined) return keys.includes(read.below);
  const last = keys.length - 1;
  return keys[last] === read.field && (read.parent === undefined || keys[last - 1] === read.parent);
}

/** Whether a `reads` entry (see DocumentRule.reads) covers the value at `keys`. */
export function covers(entry: string, keys: readonly string[]): boolean {
  return coversRead(readOf(entry), keys);
}

/**
 * Each rule's reads list taken apart once: every keystroke asks about every rule, and cutting the
 * entries up each time was a tenth of a keystroke at 100 documents. Keyed by the rules' own lists,
 * which live as long as the rules.
 */
const readsByList = new Map<readonly string[], readonly Read[]>();

function readsOf(reads: readonly string[]): readonly Read[] {
  let parsed = readsByList.get(reads);
  if (!parsed) readsByList.set(reads, (parsed = reads.map(readOf)));
  return parsed;
}

/** Whether what a rule found before the edit (findings, or a file rule's facts) still holds after it. */
export function keepsFindings(rule: Pick<DocumentRule, 'reads'>, edit: ValueEdit): boolean {
  if (rule.reads === undefined) return false;
  for (const read of readsOf(rule.reads)) if (coversRead(read, edit.keys)) return false;
  return true;
}

function moved(range: Range, edit: ValueEdit): Range {
  const start = range.start >= edit.from ? range.start + edit.delta : range.start;
  const end = range.end >= edit.from ? range.end + edit.delta : range.end;
  return start === range.start && end === range.end ? range : { start, end };
}

function movedRelated(related: RelatedLocation, edit: ValueEdit): RelatedLocation {
  // A location in another document (file rules only) does not move with this one.
  if (related.document !== undefined) return related;
  const range = moved(related.range, edit);
  return range === related.range ? related : { ...related, range };
}

/** The finding as a fresh run of its rule would report it after the edit. */
export function movedFinding(finding: Finding, edit: ValueEdit): Finding {
  const range = moved(finding.range, edit);
  const related = finding.related?.map((r) => movedRelated(r, edit));
  const relatedMoved = related !== undefined && related.some((r, i) => r !== finding.related![i]);
  if (range === finding.range && !relatedMoved) return finding;
  return { ...finding, range, ...(relatedMoved ? { related } : {}) };
}
