/**
 * The editor's copy of an open file, kept as a row of pieces instead of one string.
 *
 * Why: `vscode-languageserver-textdocument` applies an edit as `before + text + after` on the
 * whole content, and the next edit's slice of that concatenation copies the whole file: 12 MB
 * and about 10 ms per keystroke in a 5,000-document file. That copy also lands in the old
 * generation, so a server holding hundreds of megabytes of parsed documents meets a full garbage
 * collection every few keystrokes. Here an edit rebuilds only the pieces it touches (a few
 * kilobytes); the whole text is a concatenation of the pieces, which V8 copies only if something
 * reads its characters (the analysis does not, after an edit inside one document).
 *
 * Every answer (text, offsets, positions, line count) is the library's: the line table is
 * updated after an edit exactly as the library updates it, including its quirks, except after an
 * edit that ends beyond the line after the last, where the library would leave holes in its
 * table: then the lines are counted again.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Pieces are cut at this length; an edit's piece is cut again when it grows past twice as much. */
const PIECE_LENGTH = 16 * 1024;

const CR = 13;
const LF = 10;

function isEndOfLine(code: number): boolean {
  return code === CR || code === LF;
}

/** `text` in pieces of `pieceLength` if it is longer than two; an empty text is no pieces. */
function cut(text: string, pieceLength: number): string[] {
  if (text.length <= 2 * pieceLength) return text.length === 0 ? [] : [text];
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += pieceLength) pieces.push(text.slice(start, start + pieceLength));
  return pieces;
}

/**
 * The offsets at which lines start within `text` (the text of an insertion at `offset`), as the
 * library counts them: `\r\n`, `\r` and `\n` each end a line.
 */
function lineStartsIn(text: string, offset: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isEndOfLine(code)) continue;
    if (code === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    starts.push(offset + i + 1);
  }
  return starts;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/**
 * Whether the library's update of its line table stays sound for `range`: an end on the line
 * after the last (Neovim deletes the last lines so) is; an end further out would leave holes.
 */
function isWithin(range: Range, lineCount: number): boolean {
  return range.end.line <= lineCount;
}

function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; rangeLength?: number; text: string } {
  return 'range' in change && change.range !== undefined;
}

export class RopeTextDocument implements TextDocument {
  private pieces: string[];
  /** `starts[i]` is the offset of `pieces[i]`. */
  private starts: number[] = [];
  private length = 0;
  /** The whole text, made when asked for and until the next edit. */
  private whole: string | undefined;
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    /** Tests make it small, so that short texts span many pieces. */
    private readonly pieceLength = PIECE_LENGTH,
  ) {
    this.pieces = cut(content, pieceLength);
    this.whole = content;
    this.restartFrom(0);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    if (range) {
      // As the library's substring, a range given end first is read start first.
      const [a, b] = [this.offsetAt(range.start), this.offsetAt(range.end)];
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    if (this.whole === undefined) {
      // A concatenation, not a copy: V8 links the pieces and copies them only when the characters are read.
      let whole = '';
      for (const piece of this.pieces) whole += piece;
      this.whole = whole;
    }
    return this.whole;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEndOfLine(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    return this.beforeEndOfLine(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  /** Applies the editor's changes in order, as `TextDocument.update` does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) this.applyIncremental(wellFormed(change.range), change.text);
      else this.replaceAll(change.text);
    }
    this.currentVersion = version;
  }

  private replaceAll(text: string): void {
    this.pieces = cut(text, this.pieceLength);
    this.whole = text;
    this.lineOffsets = undefined;
    this.restartFrom(0);
  }

  private applyIncremental(range: Range, text: string): void {
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    this.replace(startOffset, endOffset, text);
    const lineOffsets = this.getLineOffsets();
    if (!isWithin(range, lineOffsets.length)) {
      // No editor sends such lines; the library would leave holes in its table. Count again.
      this.lineOffsets = undefined;
      return;
    }
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = lineStartsIn(text, startOffset);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
    } else if (added.length < 10_000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
    }
    const delta = text.length - (endOffset - startOffset);
    if (delta === 0) return;
    const shifted = this.lineOffsets!;
    for (let i = startLine + 1 + added.length; i < shifted.length; i++) shifted[i] += delta;
  }

  /** Replaces `[start, end)` with `text`, rebuilding only the pieces the range touches. */
  private replace(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    let last = first;
    while (last + 1 < this.pieces.length && this.starts[last + 1] < end) last++;
    const base = this.pieces.length === 0 ? 0 : this.starts[first];
    let joined = '';
    for (let i = first; i <= last && i < this.pieces.length; i++) joined += this.pieces[i];
    const rebuilt = joined.slice(0, start - base) + text + joined.slice(end - base);
    this.pieces.splice(first, Math.min(last, this.pieces.length - 1) - first + 1, ...cut(rebuilt, this.pieceLength));
    this.whole = undefined;
    this.restartFrom(first);
  }

  /** The piece holding `offset`; the last piece for the text's end. */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return Math.max(low, 0);
  }

  /** Recomputes the piece offsets from piece `from` on, and the length. */
  private restartFrom(from: number): void {
    this.starts.length = this.pieces.length;
    let offset = from === 0 ? 0 : this.starts[from - 1] + this.pieces[from - 1].length;
    for (let i = from; i < this.pieces.length; i++) {
      this.starts[i] = offset;
      offset += this.pieces[i].length;
    }
    this.length = offset;
  }

  private charCodeAt(offset: number): number {
    const index = this.pieceAt(offset);
    return this.pieces[index].charCodeAt(offset - this.starts[index]);
  }

  private slice(start: number, end: number): string {
    if (end <= start) return '';
    const first = this.pieceAt(start);
    let text = '';
    for (let i = first; i < this.pieces.length && this.starts[i] < end; i++) {
      text += this.pieces[i].slice(Math.max(0, start - this.starts[i]), end - this.starts[i]);
    }
    return text;
  }

  private beforeEndOfLine(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEndOfLine(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The library's line table: computed on first use over the pieces, then kept up to date by each edit. */
  private getLineOffsets(): number[] {
    if (this.lineOffsets === undefined) {
      const offsets = [0];
      let pendingCarriageReturn = false;
      this.pieces.forEach((piece, index) => {
        const base = this.starts[index];
        for (let i = 0; i < piece.length; i++) {
          const code = piece.charCodeAt(i);
          if (pendingCarriageReturn) {
            pendingCarriageReturn = false;
            // `\r\n` across two pieces is one line end, counted after the `\n`.
            if (code === LF) {
              offsets[offsets.length - 1] = base + i + 1;
              continue;
            }
          }
          if (!isEndOfLine(code)) continue;
          if (code === CR && i + 1 < piece.length && piece.charCodeAt(i + 1) === LF) i++;
          else if (code === CR && i + 1 === piece.length) pendingCarriageReturn = true;
          offsets.push(base + i + 1);
        }
      });
      this.lineOffsets = offsets;
    }
    return this.lineOffsets;
  }
}

/** The `TextDocuments` configuration that keeps open files as ropes. */
export const ROPE_DOCUMENTS = {
  create: (uri: string, languageId: string, version: number, content: string): RopeTextDocument => new RopeTextDocument(uri, languageId, version, content),
  update: (document: RopeTextDocument, changes: TextDocumentContentChangeEvent[], version: number): RopeTextDocument => {
    document.update(changes, version);
    return document;
  },
};
