/**
 * A file of more YAML documents than the engine reads. Each analysed document is kept with its
 * tree, so that a keystroke re-parses one; a file of millions of tiny documents (a generated or
 * broken file) took about 4 KB each and ran the server out of memory. The engine reads the first
 * MAX_DOCUMENTS (analyzer.ts) and this rule says where it stopped, so that silence past that
 * point is never read as "no problems".
 */
import type { FileFinding, FileRule } from './types';

/** Far above real files (the largest install files hold a few thousand documents; the 50 MB benchmark file 21,000). */
export const MAX_DOCUMENTS = 50_000;

export const tooManyDocuments: FileRule<undefined> = {
  id: 'too-many-documents',
  scope: 'file',
  reads: [],
  defaultSeverity: 'warning',
  description: `A file holds more than ${MAX_DOCUMENTS.toLocaleString('en')} YAML documents; the documents after that are not checked.`,
  collect: () => undefined,
  relate(documents, _facts, _options, file) {
    if (file.omittedDocuments === 0 || documents.length === 0) return [];
    const last = documents.length - 1;
    // At the end of the last document read: the line of the first `---` left out.
    const end = file.lastDocumentLength;
    return [{
      rule: 'too-many-documents',
      document: last,
      message: `kube-volumes checked the first ${documents.length.toLocaleString('en')} YAML documents of this file and none of the ${file.omittedDocuments.toLocaleString('en')} from here on: it reads at most that many in one file. Split the file to have them checked.`,
      fieldPath: '',
      range: { start: end, end },
      data: { checked: documents.length, omitted: file.omittedDocuments },
    } satisfies FileFinding];
  },
};
