/** Converts offsets to 0-based line and character positions; built once per document chunk. */
export interface Position {
  line: number;
  character: number;
}

/** One edit that kept every line break: line starts after `at` moved by `delta`. */
interface Move {
  readonly at: number;
  readonly delta: number;
}

/**
 * A line break as LSP counts them: `\r\n`, `\n`, or a lone `\r`. The editor places diagnostics by
 * these lines, so a lone `\r` (in a comment, say) must count here too, although the YAML parser
 * does not end a line there: every diagnostic after one was a line off.
 */
const LINE_BREAK = /\r\n|\r|\n/g;

/** The offsets of the `\r`s of `text` that no `\n` follows, in order (none, in most texts). */
function loneCarriageReturns(text: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10 /* \n */) found.push(i);
  return found;
}

/** How many of the sorted `offsets` are below `limit`. */
function countBelow(offsets: readonly number[], limit: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Counts the line breaks of one text as LSP does, range after range: a `\n` (alone or after a
 * `\r`) by searching for it as before, a lone `\r` from a list made once per text. Counting a
 * large text range by range so reads it once (a regular expression per line break was four
 * times slower on CRLF files).
 */
export class LineBreakCounter {
  private readonly lone: readonly number[];

  constructor(private readonly text: string) {
    this.lone = loneCarriageReturns(text);
  }

  /** The line breaks from `from` up to (not including) `to`. */
  count(from: number, to: number): number {
    let count = 0;
    for (let i = this.text.indexOf('\n', from); i !== -1 && i < to; i = this.text.indexOf('\n', i + 1)) count++;
    return this.lone.length === 0 ? count : count + countBelow(this.lone, to) - countBelow(this.lone, from);
  }
}

/** The line breaks in `text` from `from` up to (not including) `to`, counted as LSP does. */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  return new LineBreakCounter(text).count(from, to);
}

/** Moves kept unapplied before they are folded into a new array: a lookup applies each of them. */
const MAX_MOVES = 32;

export class LineIndex {
  private constructor(
    private readonly lineStarts: readonly number[],
    /** Applied in order to each start of `lineStarts`, each in the offsets the ones before it made. */
    private readonly moves: readonly Move[],
    /** The lines that end with `\r\n` (two characters), when the text has any `\r`. */
    private readonly crlfEnded?: ReadonlySet<number>,
  ) {}

  static of(text: string): LineIndex {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return new LineIndex(starts, []);
    }
    const crlfEnded = new Set<number>();
    for (const match of text.matchAll(LINE_BREAK)) {
      if (match[0].length === 2) crlfEnded.add(starts.length - 1);
      starts.push(match.index! + match[0].length);
    }
    return new LineIndex(starts, [], crlfEnded);
  }

  /**
   * The index of the text after an edit at `at` that added and removed no line break and changed
   * the length by `delta`: the lines that start after `at` move by `delta`. Recorded, not applied:
   * a keystroke in a 13,000-line document would otherwise copy and move 13,000 numbers, where its
   * diagnostics look up a handful of lines. Every MAX_MOVES edits the moves are folded in.
   */
  shifted(at: number, delta: number): LineIndex {
    const moves = [...this.moves, { at, delta }];
    if (moves.length < MAX_MOVES) return new LineIndex(this.lineStarts, moves, this.crlfEnded);
    return new LineIndex(this.lineStarts.map((start) => moved(start, moves)), [], this.crlfEnded);
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.startOf(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    const character = offset - this.startOf(low);
    // An offset between the `\r` and the `\n` of a line end (a range that took the `\r` in) is the
    // end of the line: LSP has no position inside a line break.
    if (this.crlfEnded?.has(low) && low + 1 < starts.length && character > this.startOf(low + 1) - this.startOf(low) - 2) {
      return { line: low, character: this.startOf(low + 1) - this.startOf(low) - 2 };
    }
    return { line: low, character };
  }

  private startOf(line: number): number {
    return this.moves.length === 0 ? this.lineStarts[line] : moved(this.lineStarts[line], this.moves);
  }
}

/** A line start after `moves`; they keep the starts in order, as no line break was added or removed. */
function moved(start: number, moves: readonly Move[]): number {
  for (const { at, delta } of moves) if (start > at) start += delta;
  return start;
}
