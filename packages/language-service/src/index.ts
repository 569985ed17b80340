// @kaoping/language-service: IDE answers for rubric files (diagnostics with quick fixes, hover,
// completion, navigation and rename, outline, folding, semantic tokens, formatting, the keyword
// switch, inline scoring) in LSP shapes, from the language and engine packages. Browser-safe (no
// node: imports): the VS Code server and the web editor's worker run the same service.
//
//   const service = new LanguageService({ lang: "zh" });
//   service.open(uri, text, 1);
//   service.change(uri, [{ range, text: "x" }], 2);   // reparses only the block the edit fell in
//   service.diagnostics(uri); service.hover(uri, { line: 3, character: 8 });

export { LanguageService, type ServiceOptions } from "./service.ts";
export { RubricDocument } from "./document.ts";
export type { DiagnosticsOptions } from "./diagnostics.ts";
export type { FormatAnswer } from "./formatting.ts";
export type { RenameResult } from "./navigation.ts";
export { scoreWithCommand, type FactsSource, type ScoringAnswer } from "./inline-scoring.ts";
export { semanticTokensLegend } from "./semantic-tokens.ts";
export * from "./protocol.ts";
