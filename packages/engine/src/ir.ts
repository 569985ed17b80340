// The engine's intermediate form: a rubric with names resolved to slots, numbers parsed to scaled
// integers (see decimal.ts) and every expression typed as a number or a yes/no. The three
// evaluators (generated code, closures, the explaining interpreter) and the bounds analysis all
// read this form, so they cannot disagree about what a rule means.

import type { Span } from "./ast.ts";

export type { Span };

/** How a number is shown in explanations: 0.6 as "0.6" or as "60%". */
export type Display = "number" | "percent";

export type NumExpr =
  | { readonly op: "const"; readonly value: bigint; readonly display: Display; readonly span: Span }
  | { readonly op: "input"; readonly slot: number; readonly display: Display; readonly span: Span }
  | { readonly op: "let"; readonly slot: number; readonly display: Display; readonly span: Span }
  | { readonly op: "neg"; readonly a: NumExpr; readonly display: Display; readonly span: Span }
  | {
      readonly op: "add" | "sub" | "mul" | "div";
      readonly a: NumExpr;
      readonly b: NumExpr;
      readonly display: Display;
      readonly span: Span;
    }
  | {
      readonly op: "min" | "max";
      readonly args: readonly NumExpr[];
      readonly display: Display;
      readonly span: Span;
    }
  | {
      /** 四舍五入 / 向下取整 / 向上取整 to a multiple of `unit` (scaled: 10^(6 − digits)). */
      readonly op: "round";
      readonly mode: RoundMode;
      readonly digits: number;
      readonly unit: bigint;
      readonly a: NumExpr;
      readonly display: Display;
      readonly span: Span;
    }
  | {
      readonly op: "if";
      readonly cond: BoolExpr;
      readonly then: NumExpr;
      readonly else: NumExpr;
      readonly display: Display;
      readonly span: Span;
    }
  /** A cohort figure of this subject (see CohortIR), bound before the subject is scored. */
  | { readonly op: "cohort"; readonly figure: number; readonly display: Display; readonly span: Span };

export type CompareOp = ">=" | ">" | "<=" | "<" | "=" | "≠";

/** Half away from zero (四舍五入, as offices and Excel do), toward −∞, toward +∞. */
export type RoundMode = "half" | "down" | "up";

export type BoolExpr =
  | { readonly op: "bconst"; readonly value: boolean; readonly span: Span }
  | { readonly op: "binput"; readonly slot: number; readonly span: Span }
  | { readonly op: "blet"; readonly slot: number; readonly span: Span }
  | {
      readonly op: "cmp";
      readonly cmp: CompareOp;
      readonly a: NumExpr;
      readonly b: NumExpr;
      readonly span: Span;
    }
  | {
      /** Equality of two yes/no values. */
      readonly op: "beq";
      readonly negate: boolean;
      readonly a: BoolExpr;
      readonly b: BoolExpr;
      readonly span: Span;
    }
  | { readonly op: "and" | "or"; readonly a: BoolExpr; readonly b: BoolExpr; readonly span: Span }
  | { readonly op: "not"; readonly a: BoolExpr; readonly span: Span }
  | {
      readonly op: "bif";
      readonly cond: BoolExpr;
      readonly then: BoolExpr;
      readonly else: BoolExpr;
      readonly span: Span;
    };

export type Expr = NumExpr | BoolExpr;

export type InputKind = "yesno" | "count" | "number" | "percent" | "score";

/** A fact the assessor supplies. Scaled values are integers (see decimal.ts). */
export interface InputIR {
  readonly slot: number;
  readonly name: string;
  readonly label: string | null;
  readonly help: string | null;
  readonly kind: InputKind;
  readonly unit: string | null;
  /**
   * Score range and step (scaled); null step means any value with at most six decimals. A percent
   * input's declared range (see `percentRange`), null when it has none.
   */
  readonly min: bigint | null;
  readonly max: bigint | null;
  readonly step: bigint | null;
  /** Scaled default (1/0 for yes/no), or null when the fact is required. */
  readonly default: bigint | null;
  readonly item: number | null;
  readonly span: Span;
}

export interface LetIR {
  readonly slot: number;
  readonly name: string;
  readonly type: "number" | "bool";
  readonly expr: Expr;
  readonly span: Span;
}

export type ClauseIR =
  | { readonly kind: "per"; readonly count: NumExpr; readonly amount: NumExpr; readonly span: Span }
  | { readonly kind: "when"; readonly cond: BoolExpr; readonly amount: NumExpr; readonly span: Span };

export type RuleIR =
  | {
      readonly kind: "award";
      readonly amount: NumExpr;
      readonly cond: BoolExpr | null;
      readonly otherwise: NumExpr | null;
      readonly span: Span;
    }
  | {
      readonly kind: "discretionary";
      readonly slot: number;
      readonly suggestion: NumExpr | null;
      readonly span: Span;
    }
  | {
      readonly kind: "deduction";
      readonly base: NumExpr;
      readonly clauses: readonly ClauseIR[];
      /** The most the clauses take together (最多扣). */
      readonly cap: NumExpr | null;
      readonly floor: NumExpr | null;
      readonly span: Span;
    }
  | {
      readonly kind: "bonus";
      readonly clauses: readonly ClauseIR[];
      readonly cap: NumExpr | null;
      readonly span: Span;
    };

export interface KnockOutIR {
  readonly cond: BoolExpr;
  readonly span: Span;
}

export interface CriterionIR {
  readonly item: number;
  readonly number: number;
  readonly text: string;
  readonly rule: RuleIR;
  readonly knockOuts: readonly KnockOutIR[];
  readonly span: Span;
}

export interface ItemIR {
  readonly number: number;
  readonly title: string;
  readonly content: string;
  readonly standard: bigint;
  readonly criteria: readonly CriterionIR[];
  readonly span: Span;
}

export interface GradeIR {
  readonly label: string;
  readonly min: bigint | null;
  readonly span: Span;
}

export interface VetoIR {
  readonly reason: string;
  readonly cond: BoolExpr;
  readonly span: Span;
}

export type CohortFunction = "rank" | "max" | "min" | "average" | "size";

/** One cohort figure a rule reads: `名次(办结率)`, `最高值(产值)`, `参评数`. */
export interface CohortFigureIR {
  readonly fn: CohortFunction;
  /** Index into CohortIR.args; null for the cohort's size. */
  readonly arg: number | null;
  readonly ascending: boolean;
  readonly dense: boolean;
  /** As the rubric writes it, to name it in explanations. */
  readonly text: string;
  readonly span: Span;
}

/**
 * The cohort-relative part of a rubric. Scoring a cohort is two passes: every subject's `args`
 * (cohort-free: the checker refuses a figure of a figure), then the figures of each subject from
 * the args of its category, then each subject's points with its figures bound.
 */
export interface CohortIR {
  readonly args: readonly NumExpr[];
  readonly figures: readonly CohortFigureIR[];
}

export interface RubricIR {
  readonly id: string;
  readonly title: string;
  readonly subject: string | null;
  readonly version: string | null;
  readonly effective: string | null;
  readonly total: bigint | null;
  readonly keywords: "zh" | "en";
  readonly inputs: readonly InputIR[];
  /** In evaluation order: a let only reads lets before it. */
  readonly lets: readonly LetIR[];
  readonly items: readonly ItemIR[];
  readonly grades: readonly GradeIR[];
  readonly vetoes: readonly VetoIR[];
  readonly cohort: CohortIR;
}

/** A percent input's range as scaled fractions: its declared one (`百分比 0% 至 200%`), else 0..100%. */
export function percentRange(input: InputIR): readonly [bigint, bigint] {
  return [input.min ?? 0n, input.max ?? 1_000_000n];
}

/** True for expressions that produce yes/no. */
export function isBool(e: Expr): e is BoolExpr {
  switch (e.op) {
    case "bconst":
    case "binput":
    case "blet":
    case "cmp":
    case "beq":
    case "and":
    case "or":
    case "not":
    case "bif":
      return true;
    default:
      return false;
  }
}
