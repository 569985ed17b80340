// Renders diagnostics like a compiler: severity, code, message, file:line:col, the source line and
// a caret under the span, then the help. Columns count display width (CJK is two cells wide).
import { displayWidth } from "../display-width.ts";
import { lineColumn, lineText, type SourceFile } from "../source.ts";
import type { Diagnostic } from "./diagnostic.ts";

export type MessageLanguage = "zh" | "en";

export interface RenderOptions {
  readonly lang: MessageLanguage;
  readonly color?: boolean;
  /** How many diagnostics of a file to show before "and N more" (default 50). */
  readonly limit?: number;
}

/** Diagnostics shown per file: past a few dozen, more of them help nobody, and each costs a source line. */
const defaultLimit = 50;
/** Source lines longer than this are cut to a window around the caret. */
const maxLineLength = 160;
/** Where the window starts: this many characters before the marked text. */
const contextBefore = 60;

const words = {
  zh: { error: "错误", warning: "警告", help: "提示", note: "说明" },
  en: { error: "error", warning: "warning", help: "help", note: "note" },
};

/** Control characters would garble the terminal: show them as visible symbols. */
function printable(text: string): string {
  return text.replace(/\t/g, "    ").replace(/[\u0000-\u001f\u007f]/g, "�");
}

/** One diagnostic as text, in the chosen language. */
export function renderDiagnostic(file: SourceFile, d: Diagnostic, options: RenderOptions): string {
  const w = words[options.lang];
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const severity = d.severity === "error" ? paint("1;31", w.error) : paint("1;33", w.warning);
  const colon = options.lang === "zh" ? "：" : ": ";
  const { line, column } = lineColumn(file, d.span.start);
  const gutter = " ".repeat(String(line).length);
  const shown = window(
    lineText(file, line),
    d.span.start - (file.lineStarts[line - 1] ?? 0),
    d.span.end - d.span.start,
  );
  const caret = " ".repeat(displayWidth(shown.before)) + "^".repeat(Math.max(1, displayWidth(shown.marked)));
  const out = [
    `${severity}[${d.code}]${colon}${d.message[options.lang]}`,
    `${gutter}--> ${file.path}:${line}:${column}`,
    `${gutter} |`,
    `${line} | ${printable(shown.before + shown.marked + shown.after)}`,
    `${gutter} | ${paint(d.severity === "error" ? "1;31" : "1;33", caret)}`,
  ];
  for (const related of d.related ?? []) {
    const at = lineColumn(file, related.span.start);
    out.push(`${gutter} = ${w.note}${colon}${related.message[options.lang]} (${file.path}:${at.line}:${at.column})`);
  }
  if (d.help) out.push(`${gutter} = ${w.help}${colon}${d.help[options.lang]}`);
  return out.join("\n");
}

/**
 * The part of a source line to show: the line before the marked text, the marked text (up to the
 * line's end) and the rest. A long line (a 19 KB one-line file) is cut to a window around the
 * caret, with "…" where it was cut, so that output grows with the number of diagnostics only.
 */
function window(source: string, start: number, length: number): { before: string; marked: string; after: string } {
  const markedEnd = Math.min(source.length, start + length);
  if (source.length <= maxLineLength) {
    return {
      before: source.slice(0, start),
      marked: source.slice(start, Math.max(start, markedEnd)),
      after: source.slice(Math.max(start, markedEnd)),
    };
  }
  const from = Math.max(0, start - contextBefore);
  const to = Math.min(source.length, from + maxLineLength);
  const end = Math.max(start, Math.min(markedEnd, to));
  return {
    before: (from > 0 ? "…" : "") + source.slice(from, start),
    marked: source.slice(start, end),
    after: source.slice(end, to) + (to < source.length ? "…" : ""),
  };
}

/** The diagnostics of a file, separated by blank lines; past `limit`, one line says how many more. */
export function renderDiagnostics(
  file: SourceFile,
  diagnostics: readonly Diagnostic[],
  options: RenderOptions,
): string {
  const limit = options.limit ?? defaultLimit;
  const shown = diagnostics.slice(0, limit).map((d) => renderDiagnostic(file, d, options));
  const more = diagnostics.length - limit;
  if (more > 0) shown.push(options.lang === "zh" ? `……另有 ${more} 条诊断未显示` : `… and ${more} more`);
  return shown.join("\n\n");
}
