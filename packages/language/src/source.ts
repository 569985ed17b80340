// A source text with its line starts, so that offsets become lines and columns only when a
// diagnostic is shown.

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly lineStarts: readonly number[];
}

/** Wraps a text; lines end at \n, \r\n or a lone \r. */
export function sourceFile(path: string, text: string): SourceFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return { path, text, lineStarts };
}

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (code points) from the line start. */
  readonly column: number;
}

/** The 1-based line of an offset (a binary search: no scan of the text). */
export function lineOf(file: SourceFile, offset: number): number {
  const starts = file.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The 1-based line and column of an offset. */
export function lineColumn(file: SourceFile, offset: number): LineColumn {
  const line = lineOf(file, offset);
  const lineStart = file.lineStarts[line - 1] ?? 0;
  const column = [...file.text.slice(lineStart, offset)].length + 1;
  return { line, column };
}

/** The text of a 1-based line, without its line break. */
export function lineText(file: SourceFile, line: number): string {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  const next = file.lineStarts[line];
  const end = next === undefined ? file.text.length : next;
  return file.text.slice(start, end).replace(/\r?\n$|\r$/, "");
}
