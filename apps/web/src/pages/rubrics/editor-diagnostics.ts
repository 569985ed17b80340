import { compile } from "@kaoping/engine";
import type { EditorDiagnostic } from "../../editor/rubric-editor.tsx";

/** The checker's and the engine's diagnostics of a text as the editor underlines them, in one language. */
export function editorDiagnostics(text: string, lang: "zh" | "en"): readonly EditorDiagnostic[] {
  return compile(text).diagnostics.map((d) => {
    const from = Math.min(d.span.start, text.length);
    return {
      from,
      // At least one character wide, so that a diagnostic at a point can be seen.
      to: Math.min(Math.max(d.span.end, from + 1), text.length),
      severity: d.severity,
      source: d.code,
      message: `${d.message[lang]}${d.help ? `\n${d.help[lang]}` : ""}`,
    };
  });
}
