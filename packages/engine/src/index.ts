// @kaoping/engine: compile a checked rubric into a scorer. Browser-safe (no node: imports): the
// web app scores live in the page with the same code the server and the CLI run.
//
//   const { rubric, diagnostics } = compile(text);          // null rubric when there are errors
//   const v = rubric.validate(facts);                        // one message per bad field
//   const result = rubric.score(v.facts, { explain: true }); // total, grade, veto, items, reasons
//   rubric.bounds(); runTests(rubric); diff(old, rubric, facts);
//
// Points are exact decimals computed on scaled integers (see decimal.ts); × and ÷ round to six
// decimals, half away from zero; a comparison with a quotient is exact.

export { compile } from "./compile.ts";
export {
  FactsError,
  type Backend,
  type CheckedRubric,
  type CompileDiagnostic,
  type CompileOptions,
  type CohortOutcome,
  type CohortSubject,
  type CompileResult,
  type CompiledRubric,
  type CriterionInfo,
  type InputInfo,
  type ItemInfo,
  type ScoreOutcome,
} from "./compiled-rubric.ts";
export type {
  CriterionScore,
  ItemScore,
  Outcome,
  Reason,
  RuleKind,
  ScoreOptions,
  ScoreResult,
  TotalsResult,
  UsedValue,
  VetoResult,
} from "./result.ts";
export type { Facts, FactError, FactErrorCode, FactNotice, ScoreFact, Validation } from "./schema.ts";
export { closestInput } from "./schema.ts";
export type { CohortFigure } from "./cohort.ts";
export type { Bounds, CriterionBounds, ItemBounds } from "./bounds.ts";
export { runTests, type TestFailure, type TestOutcome } from "./run-tests.ts";
export {
  diff,
  type Change,
  type CriterionDiff,
  type InputDiff,
  type ItemDelta,
  type ItemDiff,
  type Pair,
  type RubricDiff,
  type SubjectDiff,
  type SubjectScore,
} from "./diff.ts";
export {
  factsFromStrings,
  readFactCell,
  readHeader,
  reasonColumns,
  type CellReading,
  type PercentForm,
} from "./fact-strings.ts";
export { engineCodes, type EngineCode, type EngineDiagnostic } from "./diagnostics.ts";
export { MAX_FACT } from "./facts.ts";
