/** Maps between file offsets and (document, document-relative offset), for editor features. */
import type { Range } from '../model/yaml-nodes';
import type { FileAnalysis, TextRange } from './analyzer';

export interface DocumentOffset {
  readonly document: number;
  readonly offset: number;
}

/**
 * The document containing a file offset (binary search over chunk starts); none past the last
 * document read, in a file longer than the engine's document limit (too-many-documents.ts).
 */
export function locate(analysis: FileAnalysis, fileOffset: number): DocumentOffset | undefined {
  const chunks = analysis.chunks;
  if (chunks.length === 0) return undefined;
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].offset <= fileOffset) low = mid;
    else high = mid - 1;
  }
  const offset = fileOffset - chunks[low].offset;
  return offset > chunks[low].text.length ? undefined : { document: low, offset };
}

export function toFileRange(analysis: FileAnalysis, document: number, range: Range): TextRange {
  const chunk = analysis.chunks[document];
  const lines = analysis.documents[document].lines;
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return {
    start: { line: start.line + chunk.line, character: start.character },
    end: { line: end.line + chunk.line, character: end.character },
  };
}
