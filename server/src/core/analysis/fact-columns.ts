/**
 * The arrays that file rules relate (FileRule.relate): every document's summary, and each file
 * rule's facts of every document.
 *
 * Why: made afresh, they cost a pass over every document for each file rule on each keystroke
 * (2 ms at 5,000 documents). A keystroke changes one document, so the previous arrays are copied
 * and only the documents that changed are read. A copy, not an update in place: a file index is
 * kept per models array (file-index.ts), and must be built again when a model in it changed.
 */
import { DocumentSummary, FileMemo } from '../rules/file-derived';

/** What FactColumns reads of an analysed document. */
interface WithFacts {
  readonly summary: DocumentSummary;
  readonly facts: readonly unknown[];
}

export interface Columns {
  readonly summaries: readonly DocumentSummary[];
  /** `facts[r][i]` is what file rule `r` collected from document `i`. */
  readonly facts: readonly (readonly unknown[])[];
}

export class FactColumns {
  /** What the file rules keep for this file between passes; it learns which array each new one was made from. */
  readonly file = new FileMemo();
  private documents: readonly WithFacts[] = [];
  private columns: Columns;

  constructor(private readonly rules: number) {
    this.columns = this.built([]);
  }

  of(documents: readonly WithFacts[]): Columns {
    if (documents.length !== this.documents.length) return this.keep(documents, this.built(documents));
    let summaries: DocumentSummary[] | undefined;
    let facts: unknown[][] | undefined;
    const changed: number[] = [];
    for (let i = 0; i < documents.length; i++) {
      const document = documents[i];
      if (document === this.documents[i]) continue;
      summaries ??= this.columns.summaries.slice();
      facts ??= this.columns.facts.map((column) => column.slice());
      summaries[i] = document.summary;
      for (let r = 0; r < this.rules; r++) facts[r][i] = document.facts[r];
      changed.push(i);
    }
    if (!summaries || !facts) return this.columns;
    this.file.succeeds(summaries, this.columns.summaries, changed);
    return this.keep(documents, { summaries, facts });
  }

  private built(documents: readonly WithFacts[]): Columns {
    return {
      summaries: documents.map((d) => d.summary),
      facts: Array.from({ length: this.rules }, (_, r) => documents.map((d) => d.facts[r])),
    };
  }

  private keep(documents: readonly WithFacts[], columns: Columns): Columns {
    this.documents = documents;
    this.columns = columns;
    return columns;
  }
}
