// Diagnostics as JSON (check --format json, test --json): the diagnostic as data, with the line
// and column of its start and end added.
import { lineColumn, type Diagnostic, type SourceFile } from "@kaoping/language";

/** Each diagnostic of `file` with `start` and `end` lines and columns. */
export function diagnosticsJson(file: SourceFile, diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => ({ ...d, start: lineColumn(file, d.span.start), end: lineColumn(file, d.span.end) }));
}
