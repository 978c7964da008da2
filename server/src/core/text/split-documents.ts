/**
 * Splits a multi-document YAML file into one chunk per document, without parsing it.
 *
 * Why: a keystroke in a 5,000-document install file must re-parse only the document it touched.
 * A line that starts with `---` (or ends a document with `...`) at column 0 is always a document
 * marker in YAML, even inside a block scalar, so a line scan finds the same boundaries the parser
 * would, in linear time and without allocating a syntax tree.
 */
import { countLineBreaks, LineBreakCounter } from './line-index';

export interface DocumentChunk {
  /** The chunk's own text: from its first line up to (not including) the next chunk. */
  readonly text: string;
  /** Offset of the chunk's first character in the file. */
  readonly offset: number;
  /** 0-based line of the chunk's first character in the file. */
  readonly line: number;
}

/**
 * A `---` or `...` at the start of a line, followed by a blank, the line end or the text end.
 * Only `\n` ends a line here (a lone `\r` does not), as in the parser's own line scan; a chunk's
 * `line` counts lines as the editor does (line-index.ts).
 */
const MARKER = /(?:^|\n)(?:---|\.\.\.)(?=[ \t]|\r?\n|\r?$)/g;
/**
 * A chunk with nothing but blank lines, comments and directives holds no document of its own.
 * Written so that each character has one way to match (a comment runs to its line end): the
 * earlier `(?:[ \t]*(?:#.*)?\r?\n?)*` could split CRLF comment lines in two ways each, and took
 * minutes to fail on a commented header followed by a document.
 */
const ONLY_PREAMBLE = /^(?:[ \t\r\n]|[#%][^\n\r\u2028\u2029]*(?=[\r\n]|$))*$/;
/** The same, also allowing bare `---` and `...` markers (with comments after them). */
const ONLY_MARKERS_AND_PREAMBLE = /^(?:[ \t\r\n]|---|\.\.\.|[#%][^\n\r\u2028\u2029]*(?=[\r\n]|$))*$/;

/**
 * The scan jumps from marker to marker with one regular expression instead of visiting every
 * line, so that splitting a 10 MB file on each keystroke costs a few milliseconds.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  // Lines are counted lazily, up to the offset a chunk starts at.
  let counted = 0;
  let countedLine = 0;
  const breaks = new LineBreakCounter(text);
  const lineAt = (offset: number): number => {
    countedLine += breaks.count(counted, offset);
    counted = offset;
    return countedLine;
  };
  const close = (end: number): void => {
    if (end > chunkStart) chunks.push({ text: text.slice(chunkStart, end), offset: chunkStart, line: chunkLine });
    chunkStart = end;
    chunkLine = lineAt(end);
  };
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match !== null; match = MARKER.exec(text)) {
    const lineStart = match[0].charCodeAt(0) === 10 /* \n */ ? match.index + 1 : match.index;
    if (text.charCodeAt(lineStart) === 45 /* - */) {
      // A preamble of comments or directives belongs to the document that follows it.
      if (!ONLY_PREAMBLE.test(text.slice(chunkStart, lineStart))) close(lineStart);
    } else {
      const newline = text.indexOf('\n', lineStart);
      close(newline === -1 ? text.length : newline + 1);
    }
  }
  close(text.length);
  return chunks;
}

/** Where a text stops holding at most the documents read: see documentLimit. */
export interface DocumentLimit {
  /** The start of the line of the first `---` of a document left out. */
  readonly offset: number;
  /** How many documents are left out. */
  readonly after: number;
}

/** A `---` at the start of a line: every document after the first starts with one. */
const START_MARKER = /(?:^|\n)---(?=[ \t]|\r?\n|\r?$)/g;

/**
 * Where the text stops holding at most `max` documents: the start of the line of the `max`-th
 * `---` after the text's first character, and how many such markers follow it (documents left
 * out); undefined when the text holds no more. A scan of markers, without splitting: it runs on
 * every keystroke of a file that may hold millions of documents.
 */
export function documentLimit(text: string, max: number): DocumentLimit | undefined {
  START_MARKER.lastIndex = 0;
  let seen = 0;
  let offset: number | undefined;
  let after = 0;
  for (let match = START_MARKER.exec(text); match !== null; match = START_MARKER.exec(text)) {
    const lineStart = match[0].charCodeAt(0) === 10 /* \n */ ? match.index + 1 : match.index;
    if (lineStart === 0) continue;
    if (offset !== undefined) after++;
    else if (++seen === max) {
      offset = lineStart;
      after = 1;
    }
  }
  return offset === undefined ? undefined : { offset, after };
}

/** True when a chunk holds only comments, blank lines or a bare `---`: no document a user wrote. */
export function isEmptyChunk(chunk: DocumentChunk): boolean {
  return ONLY_MARKERS_AND_PREAMBLE.test(chunk.text);
}

/** One edit of a text: the range `[start, end)` of the old text was replaced by `length` characters. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly length: number;
  /** The characters put in, when known: the edited chunks can then be rebuilt from the previous ones (see resplit). */
  readonly text?: string;
}

/** The index of the chunk that holds `offset` (the last chunk for the text's end). */
function chunkAt(chunks: readonly DocumentChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].offset <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The text of chunks `first` to `last` after `change`, made from their previous texts. An editor
 * keeps the file as a string it has just concatenated, and the first slice of it copies the whole
 * file (12 MB for 5,000 documents, about 15 ms); the chunks around the edit are a few kilobytes.
 */
function editedRegion(previous: readonly DocumentChunk[], first: number, last: number, regionStart: number, change: Required<TextChange>): string {
  let region = '';
  for (let i = first; i <= last; i++) region += previous[i].text;
  return region.slice(0, change.start - regionStart) + change.text + region.slice(change.end - regionStart);
}

/** A line that starts like a marker (`---`, `...`) or a directive, or may after one more character. */
const MARKER_LIKE = /^[-.%]/;

/**
 * The chunks after `change` when it cannot move a boundary, without scanning any chunk again:
 * the edit stays inside one chunk, adds and removes no line break, on a line that neither started
 * nor starts like a marker and that follows something other than comments (a preamble, which the
 * edit could turn into a document), and leaves the chunk more than comments (which would join the
 * next document). This is a keystroke inside a value: only that chunk's text changes, and the offsets after it.
 */
function withinOneLine(previous: readonly DocumentChunk[], change: TextChange): DocumentChunk[] | undefined {
  if (change.text === undefined || change.text.length !== change.length || /[\r\n]/.test(change.text)) return undefined;
  const index = chunkAt(previous, change.start);
  const chunk = previous[index];
  const [start, end] = [change.start - chunk.offset, change.end - chunk.offset];
  // An edit at the chunk's very end is at the start of the next one's first line.
  // Text typed right after a `\r` may split a `\r\n` into two line breaks (line-index.ts).
  if (start < 0 || end >= chunk.text.length || /[\r\n]/.test(chunk.text.slice(start, end)) || chunk.text.charCodeAt(start - 1) === 13) return undefined;
  const text = chunk.text.slice(0, start) + change.text + chunk.text.slice(end);
  const lineStart = start === 0 ? 0 : chunk.text.lastIndexOf('\n', start - 1) + 1;
  if (MARKER_LIKE.test(chunk.text.slice(lineStart, lineStart + 1)) || MARKER_LIKE.test(text.slice(lineStart, lineStart + 1))) return undefined;
  // Comments before a chunk's first marker are part of it: an edit among them may make them a document of their own.
  if (ONLY_PREAMBLE.test(chunk.text.slice(0, lineStart)) || (index < previous.length - 1 && ONLY_PREAMBLE.test(text))) return undefined;
  const delta = change.length - (change.end - change.start);
  const chunks = previous.slice(0, index);
  chunks.push({ text, offset: chunk.offset, line: chunk.line });
  for (let i = index + 1; i < previous.length; i++) chunks.push({ text: previous[i].text, offset: previous[i].offset + delta, line: previous[i].line });
  return chunks;
}

/**
 * The chunks of `text` after one `change` to the text `previous` was split from, equal to
 * `splitDocuments(text)` but without scanning the whole file: only the chunks around the edit,
 * and one more on each side, are split again; the chunks before keep their objects, the chunks
 * after are moved by the edit's length and line count.
 *
 * Why one more on each side: an edit may create or remove the marker that starts the next chunk,
 * or join a chunk to the one before. The chunk before the edit region starts on a line the edit
 * did not touch, so the scan's state there is as in a full split; the region ends where an
 * untouched chunk starts, which stays a boundary unless what precedes it is only comments
 * (then a full split decides). `rebuilt` says that every chunk text was made from the previous
 * chunks and the inserted text: then none of them is a slice of `text`, and none keeps it alive.
 */
export function resplit(previous: readonly DocumentChunk[], previousLength: number, text: string, change: TextChange): { chunks: DocumentChunk[]; rebuilt: boolean } {
  const full = (): { chunks: DocumentChunk[]; rebuilt: boolean } => ({ chunks: splitDocuments(text), rebuilt: false });
  const delta = change.length - (change.end - change.start);
  if (previous.length === 0 || text.length !== previousLength + delta) return full();
  const inPlace = withinOneLine(previous, change);
  if (inPlace) return { chunks: inPlace, rebuilt: true };
  const first = Math.max(0, chunkAt(previous, Math.max(0, change.start - 1)) - 1);
  const last = Math.min(previous.length - 1, chunkAt(previous, change.end) + 1);
  const regionStart = previous[first].offset;
  const oldRegionEnd = last + 1 < previous.length ? previous[last + 1].offset : previousLength;
  const rebuilt = change.text?.length === change.length;
  const regionText = rebuilt
    ? editedRegion(previous, first, last, regionStart, change as Required<TextChange>)
    : text.slice(regionStart, oldRegionEnd + delta);
  const region = splitDocuments(regionText);
  const hasAfter = last + 1 < previous.length;
  if (hasAfter && (region.length === 0 || ONLY_PREAMBLE.test(region[region.length - 1].text))) return full();
  const startLine = previous[first].line;
  const lineDelta = hasAfter ? startLine + countLineBreaks(regionText) - previous[last + 1].line : 0;
  const chunks = previous.slice(0, first);
  for (const c of region) chunks.push({ text: c.text, offset: c.offset + regionStart, line: c.line + startLine });
  for (let i = last + 1; i < previous.length; i++) {
    const c = previous[i];
    chunks.push({ text: c.text, offset: c.offset + delta, line: c.line + lineDelta });
  }
  return { chunks, rebuilt };
}
