/**
 * The rule contract. A rule is a pure function from the model to findings: no I/O, no globals.
 * Its id is the diagnostic code, the name of its file, its test and its docs page.
 */
import type { DocumentModel } from '../model/types';
import type { DocumentSummary, FileMemo } from './file-derived';
import type { Range } from '../model/yaml-nodes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface RelatedLocation {
  readonly message: string;
  readonly range: Range;
  /** Index of the document the range is in, when it is not the finding's own document. */
  readonly document?: number;
}

export interface Finding {
  readonly rule: string;
  readonly message: string;
  /** Field path from the object's root in the API server's notation. */
  readonly fieldPath: string;
  /** Offsets relative to the finding's document. */
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  /** Facts a quick fix needs, e.g. `{ suggestions: ['scratch-volume'] }`; never prose. */
  readonly data?: Record<string, unknown>;
  /** The finding marks code that has no effect (shown faded in the editor). */
  readonly unnecessary?: boolean;
}

/** Settings that change what rules find (severities are applied after, by the engine). */
export interface RuleOptions {
  /** Registry hosts (or `*.suffix` patterns) that serve images without credentials. */
  readonly publicRegistries: readonly string[];
  /** The Kubernetes release the manifests target ("1.34"); the newest stable one when absent. */
  readonly kubernetesVersion?: string;
}

interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence for the settings UI and the README table. */
  readonly description: string;
}

/** A rule that looks at one YAML document at a time; its findings are cached per document text. */
export interface DocumentRule extends RuleInfo {
  readonly scope: 'document';
  /**
   * The fields whose values the rule reads, each as the key right above the value, alone (`name`:
   * any name) or with the key above it (`volumes.name`: a volume's name; `containers.args` for
   * `containers[0].args[1]`), or as `key.**`: any value anywhere under that key. A keystroke inside
   * a value no entry covers cannot change the rule's findings, so the engine keeps them instead of
   * running the rule (analysis/kept-findings.ts). Undefined when the rule may read any value.
   * test/rule-reads.test.ts edits every value of real manifests to check the list.
   */
  readonly reads?: readonly string[];
  check(document: DocumentModel, options: RuleOptions): Finding[];
}

export interface FileFinding extends Finding {
  readonly document: number;
}

/**
 * A rule that relates documents of one file (e.g. a ServiceAccount and the pods that use it).
 * It works in two steps so that a keystroke costs one document, not the file: `collect` reads
 * what one document says that matters to the rule (once per analysed document, kept with it),
 * and `relate` puts the facts of every document together on each pass. Most documents have no
 * facts for a given rule (`undefined`), so a pass over thousands of them is a scan of an array.
 */
export interface FileRule<Facts = unknown> extends RuleInfo {
  readonly scope: 'file';
  /**
   * The fields whose values `collect` reads, as DocumentRule.reads names them. A document that had
   * no facts still has none after a keystroke inside a value no entry covers, so `collect` is not
   * run for it. Undefined when `collect` may read any value.
   */
  readonly reads?: readonly string[];
  /**
   * Facts are plain data (no tree nodes, no models, no classes): a document may be analysed on
   * another thread, and its facts sent here (analysis/parallel.ts). test/parallel.test.ts checks it.
   */
  collect(document: DocumentModel, options: RuleOptions): Facts | undefined;
  /**
   * `facts[i]` is what `collect` found in document i, `documents[i]` what every file rule may read
   * of it. `file` keeps values worked out from every document (file-derived.ts) from one pass over
   * this file to the next.
   */
  relate(documents: readonly DocumentSummary[], facts: readonly (Facts | undefined)[], options: RuleOptions, file: FileMemo): FileFinding[];
}

export type Rule = DocumentRule | FileRule;
