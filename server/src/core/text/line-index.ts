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

/** Moves kept unapplied before they are folded into a new array: a lookup applies each of them. */
const MAX_MOVES = 32;

export class LineIndex {
  private constructor(
    private readonly lineStarts: readonly number[],
    /** Applied in order to each start of `lineStarts`, each in the offsets the ones before it made. */
    private readonly moves: readonly Move[],
  ) {}

  static of(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(starts, []);
  }

  /**
   * The index of the text after an edit at `at` that added and removed no line break and changed
   * the length by `delta`: the lines that start after `at` move by `delta`. Recorded, not applied:
   * a keystroke in a 13,000-line document would otherwise copy and move 13,000 numbers, where its
   * diagnostics look up a handful of lines. Every MAX_MOVES edits the moves are folded in.
   */
  shifted(at: number, delta: number): LineIndex {
    const moves = [...this.moves, { at, delta }];
    if (moves.length < MAX_MOVES) return new LineIndex(this.lineStarts, moves);
    return new LineIndex(this.lineStarts.map((start) => moved(start, moves)), []);
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
    return { line: low, character: offset - this.startOf(low) };
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
