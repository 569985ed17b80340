// The public shape of a compiled rubric and of what compile answers: the sheet a form shows
// (inputs, items, criteria with what each reads), the scorer's methods, and their outcomes.
// compile.ts builds it.

import type { Diagnostic } from "@kaoping/language";
import type { z } from "zod";
import type * as A from "./ast.ts";
import type { Bounds } from "./bounds.ts";
import type { CohortFigure } from "./cohort.ts";
import type { EngineDiagnostic } from "./diagnostics.ts";
import type { InputKind } from "./ir.ts";
import type { RuleKind, ScoreOptions, ScoreResult, TotalsResult } from "./result.ts";
import type { FactError, FactNotice, Facts, Validation } from "./schema.ts";

/** What `compile` accepts besides source text: the language package's `check` result. */
export interface CheckedRubric {
  readonly rubric: A.Rubric;
  readonly diagnostics: readonly Diagnostic[];
}

export type CompileDiagnostic = Diagnostic | EngineDiagnostic;

export type Backend = "generated" | "closures" | "interpreter";

export interface CompileOptions {
  /** Which fast scorer to build; "auto" (the default) prefers generated code. */
  readonly backend?: "auto" | Backend;
}

export interface CompileResult {
  /** Null when any diagnostic is an error. */
  readonly rubric: CompiledRubric | null;
  /** The checker's diagnostics and the engine's own (KP8xx), errors and warnings. */
  readonly diagnostics: readonly CompileDiagnostic[];
}

/** An input as a form needs it. Numbers are plain; a percent's range is in percent points (0..100 unless declared). */
export interface InputInfo {
  readonly name: string;
  readonly label: string | null;
  readonly help: string | null;
  readonly kind: InputKind;
  readonly unit: string | null;
  /** Score inputs: range and step (null step: any value with up to six decimals). */
  readonly min: number | null;
  readonly max: number | null;
  readonly step: number | null;
  /** The fact used when none is given; null when the fact is required. */
  readonly default: boolean | number | null;
  /** The item the input is declared in, or null for rubric-wide inputs. */
  readonly item: number | null;
  readonly span: A.Span;
}

export interface CriterionInfo {
  readonly number: number;
  /** The verbatim 评分方法 text. */
  readonly text: string;
  readonly rule: RuleKind;
  /** Discretionary rules: the score input the assessor fills in. */
  readonly input: string | null;
  /**
   * Every input the criterion's points or explanation read, directly or through derived values,
   * knock-outs included, in declaration order (a discretionary criterion's score input too).
   */
  readonly reads: readonly string[];
  readonly span: A.Span;
}

export interface ItemInfo {
  readonly number: number;
  readonly title: string;
  /** The verbatim 考核内容 text. */
  readonly content: string;
  readonly standard: number;
  readonly criteria: readonly CriterionInfo[];
  readonly span: A.Span;
}

/** Result of one record of a batch: its score, or what is wrong with its facts. */
export type ScoreOutcome =
  | { readonly ok: true; readonly result: ScoreResult }
  | { readonly ok: false; readonly errors: readonly FactError[] };

/** One subject of a cohort: its id (any text the caller names it by), its facts, its category. */
export interface CohortSubject {
  readonly id: string;
  readonly facts: unknown;
  /** The category it is ranked within (一类乡镇); subjects without one form one category. */
  readonly category?: string | null;
}

/** One subject's outcome in a cohort, in the order given: its score and the figures it used. */
export type CohortOutcome =
  | { readonly id: string; readonly ok: true; readonly result: ScoreResult; readonly figures: readonly CohortFigure[] }
  | { readonly id: string; readonly ok: false; readonly errors: readonly FactError[] };

/** Thrown by `score` when the facts are invalid; `errors` has one entry per bad field. */
export class FactsError extends Error {
  constructor(readonly errors: readonly FactError[]) {
    super(errors.map((e) => e.message.zh).join("；"));
    this.name = "FactsError";
  }
}

/** A compiled rubric: its sheet, its input schema, and its scorer. */
export interface CompiledRubric {
  readonly id: string;
  readonly title: string;
  readonly subject: string | null;
  readonly version: string | null;
  /** ISO date. */
  readonly effective: string | null;
  /** The declared total (满分). */
  readonly total: number | null;
  readonly keywords: "zh" | "en";
  readonly inputs: readonly InputInfo[];
  readonly items: readonly ItemInfo[];
  readonly grades: readonly { readonly label: string; readonly min: number | null }[];
  /** The vetoes, each with the inputs its condition reads (as `CriterionInfo.reads`). */
  readonly vetoes: readonly { readonly reason: string; readonly reads: readonly string[]; readonly span: A.Span }[];
  /** Which fast scorer was built. */
  readonly backend: Backend;
  /** The zod schema of a facts record (strict: unknown keys are errors; defaults filled in). */
  readonly inputSchema: z.ZodType<Facts>;
  /** Checks facts: the facts with defaults, or one error per bad field. Never throws. */
  validate(facts: unknown): Validation;
  /**
   * The record with each key that differs from an input's name only in Unicode form (NFKC) put
   * under that name, and a notice for each; other keys as they are. For partial records (forms,
   * imports) that are stored or merged before they are complete.
   */
  readKeys(facts: Readonly<Record<string, unknown>>): {
    readonly facts: Record<string, unknown>;
    readonly notices: readonly FactNotice[];
  };
  /** Scores one subject. Throws FactsError when the facts are invalid (validate first to avoid it). */
  score(facts: unknown, options?: ScoreOptions): ScoreResult;
  /**
   * Item points and the total only, without per-criterion objects: the fast path for rankings and
   * impact over many subjects. Throws FactsError like `score`.
   */
  scoreTotals(facts: unknown): TotalsResult;
  /** The cohort figures its rules read ("名次(办结率)"); empty when it has no cohort rules. */
  readonly cohortFigures: readonly string[];
  /**
   * Scores a cohort in two passes: every subject's cohort arguments, the figures of each
   * category, then each subject's points. Subjects with invalid facts get their errors and are
   * not part of the cohort. The same cohort in any order gives the same points.
   */
  scoreCohort(subjects: readonly CohortSubject[], options?: ScoreOptions): CohortOutcome[];
  /** Scores many subjects; invalid records get their errors, the rest are scored. Never throws. */
  scoreMany(facts: readonly unknown[], options?: ScoreOptions): ScoreOutcome[];
  /** Suggested scores of discretionary criteria, from whatever facts are given so far ("2.2" → 3.2). */
  suggest(facts: unknown): Readonly<Record<string, number | null>>;
  /** Least and most points per criterion, item and total. */
  bounds(): Bounds;
}
