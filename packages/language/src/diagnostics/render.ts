// Renders diagnostics like a compiler: severity, code, message, file:line:col, the source line and
// a caret under the span, then the help. Columns count display width (CJK is two cells wide).
import { displayWidth } from "../display-width.ts";
import { lineColumn, lineText, type SourceFile } from "../source.ts";
import type { Diagnostic } from "./diagnostic.ts";

export type MessageLanguage = "zh" | "en";

export interface RenderOptions {
  readonly lang: MessageLanguage;
  readonly color?: boolean;
}

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
  const source = lineText(file, line);
  const lineStart = file.lineStarts[line - 1] ?? 0;
  const before = source.slice(0, d.span.start - lineStart);
  const spanEnd = Math.min(d.span.end, lineStart + source.length);
  const marked = file.text.slice(d.span.start, Math.max(d.span.start, spanEnd));
  const caret = " ".repeat(displayWidth(before)) + "^".repeat(Math.max(1, displayWidth(marked)));
  const out = [
    `${severity}[${d.code}]${colon}${d.message[options.lang]}`,
    `${gutter}--> ${file.path}:${line}:${column}`,
    `${gutter} |`,
    `${line} | ${printable(source)}`,
    `${gutter} | ${paint(d.severity === "error" ? "1;31" : "1;33", caret)}`,
  ];
  for (const related of d.related ?? []) {
    const at = lineColumn(file, related.span.start);
    out.push(`${gutter} = ${w.note}${colon}${related.message[options.lang]} (${file.path}:${at.line}:${at.column})`);
  }
  if (d.help) out.push(`${gutter} = ${w.help}${colon}${d.help[options.lang]}`);
  return out.join("\n");
}

/** Every diagnostic of a file, separated by blank lines. */
export function renderDiagnostics(file: SourceFile, diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  return diagnostics.map((d) => renderDiagnostic(file, d, options)).join("\n\n");
}
