// @kaoping/language: the rubric language. Browser-safe (no node: imports): the web editor runs it.
export type * from "./ast.ts";
export { lex, detectKeywords } from "./lex/lex.ts";
export { parse, type ParseResult } from "./parse/parse.ts";
export { check, checkParsed, checkRubric, type CheckResult } from "./check/check.ts";
export { testFacts, baseTest } from "./check/test-facts.ts";
export { targetName } from "./check/target-name.ts";
export { closestName } from "./check/suggest.ts";
export type { Symbols, SymbolEntry, Type, Dimension } from "./check/context.ts";
export { RangeFinder, type Range } from "./check/bounds.ts";
export { exprKey as expressionText } from "./check/types.ts";
export { format, type FormatResult, type FormatOptions } from "./format/format.ts";
export { stripSpans, sameTree } from "./tree.ts";
export { precedence } from "./precedence.ts";
export {
  diagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type Edit,
  type Fix,
  type Message,
  type Severity,
} from "./diagnostics/diagnostic.ts";
export { codes, type Code } from "./diagnostics/codes.ts";
export { renderDiagnostic, renderDiagnostics, type MessageLanguage, type RenderOptions } from "./diagnostics/render.ts";
export { displayWidth } from "./display-width.ts";
export { sourceFile, lineColumn, lineText, type SourceFile, type LineColumn } from "./source.ts";
export { wordOf, keywords, translateKeyword, writeName, writeText } from "./lex/tokens.ts";
