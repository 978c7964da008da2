/** Converts offsets to 0-based line and character positions; built once per document chunk. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private constructor(private readonly lineStarts: readonly number[]) {}

  static of(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(starts);
  }

  /**
   * The index of the text after an edit at `at` that added and removed no line break and changed
   * the length by `delta`: the lines that start after `at` move by `delta`. A pass over 13,000
   * numbers instead of a scan of 800,000 characters, on each keystroke in a large document.
   */
  shifted(at: number, delta: number): LineIndex {
    const starts = this.lineStarts.slice();
    for (let i = starts.length - 1; i > 0 && starts[i] > at; i--) starts[i] += delta;
    return new LineIndex(starts);
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }
}
