/** A 1-based line and column, as editors and `file:line:column` show them. */
export interface TextPosition {
  readonly line: number;
  /** 1-based, counted in UTF-16 code units (as editors and JavaScript strings count them). */
  readonly column: number;
}

/**
 * Maps character offsets of a text to 1-based lines and columns. A line ends at `\n`, `\r\n` or a
 * lone `\r`, the same line breaks the JSON scanner recognises.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of `offset` (0-based); offsets past the end map to the end of the text. */
  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, offset - this.starts[lo]!) + 1 };
  }
}
