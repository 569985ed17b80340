// Offsets ↔ LSP positions. The language's spans are UTF-16 offsets, and LSP characters are UTF-16
// code units too, so a position is the offset minus its line's start; lines end at \n, \r\n or \r
// (as in the language's sourceFile).
import { sourceFile } from "@kaoping/language";
import type { Span } from "@kaoping/language";
import type { Position, Range } from "./protocol.ts";

export class LineIndex {
  private readonly starts: readonly number[];

  constructor(private readonly text: string) {
    this.starts = sourceFile("", text).lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - (this.starts[lo] ?? 0) };
  }

  /** The offset of a position; characters past the line's end clamp to it, as LSP asks. */
  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)] ?? 0;
    const next = this.starts[position.line + 1];
    const end = next === undefined ? this.text.length : this.lineEnd(start, next);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  span(range: Range): Span {
    return { start: this.offset(range.start), end: this.offset(range.end) };
  }

  /** The offset where a line starts (0-based line). */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)] ?? 0;
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : this.lineEnd(start, next));
  }

  private lineEnd(start: number, next: number): number {
    let end = next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Whether a span lies wholly inside another. */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
