// check: AST → diagnostics and the symbol table. Runs every rule in check/rules/ in order; the
// order matters only in that declarations come first (they build the symbol table).
import type { Rubric } from "../ast.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { parse, type ParseResult } from "../parse/parse.ts";
import type { CheckContext, Symbols } from "./context.ts";
import { checkCriteria } from "./rules/criteria.ts";
import { checkDeclarations } from "./rules/declarations.ts";
import { checkGrades } from "./rules/grades.ts";
import { checkHeader } from "./rules/header.ts";
import { checkItems } from "./rules/items.ts";
import { checkSums } from "./rules/sums.ts";
import { checkTests } from "./rules/tests.ts";
import { checkUnused } from "./rules/unused.ts";

export interface CheckResult {
  readonly rubric: Rubric;
  /** Sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols: Symbols;
}

const rules = [
  checkDeclarations,
  checkHeader,
  checkItems,
  checkCriteria,
  checkSums,
  checkGrades,
  checkTests,
  checkUnused,
];

/** Checks a parsed rubric. */
export function checkRubric(rubric: Rubric): { diagnostics: Diagnostic[]; symbols: Symbols } {
  const diagnostics: Diagnostic[] = [];
  const ctx: CheckContext = { rubric, names: new Map(), used: new Set(), report: (d) => diagnostics.push(d) };
  for (const rule of rules) rule(ctx);
  return { diagnostics, symbols: { names: ctx.names } };
}

/** Parses and checks a rubric text: every syntax and semantic diagnostic, sorted by position. */
export function check(text: string): CheckResult {
  return checkParsed(parse(text));
}

/**
 * Checks a parse result (the language service parses only what an edit touched and splices the
 * tree): its syntax diagnostics and the checker's, sorted by position.
 */
export function checkParsed(parsed: Pick<ParseResult, "rubric" | "diagnostics">): CheckResult {
  const checked = checkRubric(parsed.rubric);
  // What failed to parse is missing from the tree, so "not used" would only echo the syntax error.
  const semantic = hasErrors(parsed.diagnostics)
    ? checked.diagnostics.filter((d) => d.code !== "KP701" && d.code !== "KP702")
    : checked.diagnostics;
  return {
    rubric: parsed.rubric,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...semantic]),
    symbols: checked.symbols,
  };
}
