// Diagnostics as the checker and the engine report them, in LSP form, in the user's language.
// The checker answers on every keystroke; the engine's analyses (KP8xx) need a compiled rubric,
// so a caller in a hurry asks for the checker's alone first.
import type { CompileDiagnostic } from "@kaoping/engine";
import type { MessageLanguage } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import { DiagnosticSeverity, DiagnosticTag, type LspDiagnostic } from "./protocol.ts";

export interface DiagnosticsOptions {
  /** Add the engine's analyses (bounds, exact arithmetic), which compile the rubric. Default true. */
  readonly engine?: boolean;
}

/** The document's diagnostics, sorted by position. */
export function diagnostics(
  doc: RubricDocument,
  lang: MessageLanguage,
  options: DiagnosticsOptions = {},
): LspDiagnostic[] {
  return findings(doc, options).map((d) => toLsp(doc, d, lang));
}

/** The findings behind `diagnostics`, as the language and engine report them. */
export function findings(doc: RubricDocument, options: DiagnosticsOptions = {}): readonly CompileDiagnostic[] {
  return options.engine === false ? doc.checked.diagnostics : doc.compiled.diagnostics;
}

const unnecessary = new Set(["KP701", "KP702"]);

export function toLsp(doc: RubricDocument, d: CompileDiagnostic, lang: MessageLanguage): LspDiagnostic {
  const help = d.help ? `\n${lang === "zh" ? "提示：" : "help: "}${d.help[lang]}` : "";
  const related = "related" in d && d.related ? d.related : [];
  return {
    range: doc.lines.range(d.span),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "kaoping",
    message: `${d.message[lang]}${help}`,
    ...(unnecessary.has(d.code) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(related.length > 0
      ? {
          relatedInformation: related.map((r) => ({
            location: { uri: doc.uri, range: doc.lines.range(r.span) },
            message: r.message[lang],
          })),
        }
      : {}),
  };
}
