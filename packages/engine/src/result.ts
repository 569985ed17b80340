// What scoring returns. Points are JS numbers that print as their exact decimal (3.2, 109.2):
// they are computed exactly on scaled integers and divided once, at the end.

import type { Span } from "./ast.ts";
import type { FactNotice } from "./schema.ts";

export type RuleKind = "award" | "discretionary" | "deduction" | "bonus";

/** How a criterion's points came about. */
export type Outcome =
  /** An award with no condition. */
  | "awarded"
  /** An award whose condition held. */
  | "met"
  /** An award whose condition did not hold (0, or its `否则` amount). */
  | "unmet"
  /** The assessor's score. */
  | "scored"
  /** Deductions or a bonus, within their floor or cap. */
  | "computed"
  /** Deductions that reached the floor (扣完为止). */
  | "floored"
  /** A bonus that reached its cap, or deductions that reached theirs (最多扣). */
  | "capped"
  /** A knock-out held: 0 whatever else holds. */
  | "knocked-out"
  /** The rule computed less than 0; a criterion is never negative. */
  | "clamped";

/** An input or derived value that a rule read, as the explanation shows it. */
export interface UsedValue {
  readonly name: string;
  /** The input's label (the question on the form); null for derived values. */
  readonly label: string | null;
  /** As in facts: yes/no, a number, percent points for percents. */
  readonly value: boolean | number;
  /** As shown: "是", "40%", "12.5 万元". */
  readonly text: { readonly zh: string; readonly en: string };
}

/** Why a criterion has its points, in words a policy officer can read. */
export interface Reason {
  readonly rule: RuleKind;
  readonly outcome: Outcome;
  /** E.g. "4 − 1 × 1（省抽不合格数 = 1）= 3，得 3 分". */
  readonly zh: string;
  readonly en: string;
  /** Every input and derived value the rule read, in the order it read them. */
  readonly inputs: readonly UsedValue[];
  /** The criterion in the rubric source. */
  readonly span: Span;
  /** Discretionary rules: the suggested score, shown, never applied. */
  readonly suggestion?: number;
  /** Discretionary rules: the assessor's reason, when given. */
  readonly assessorReason?: string;
}

export interface CriterionScore {
  readonly number: number;
  readonly points: number;
  /** Present when scored with `explain`. */
  readonly reason?: Reason;
}

export interface ItemScore {
  readonly number: number;
  readonly title: string;
  readonly standard: number;
  readonly points: number;
  readonly criteria: readonly CriterionScore[];
}

export interface VetoResult {
  readonly reason: string;
  readonly span: Span;
  /** Present when scored with `explain`. */
  readonly explanation?: { readonly zh: string; readonly en: string };
}

export interface ScoreResult {
  readonly total: number;
  /** The first grade band the total reaches; null when the rubric has no grades or none is reached. */
  readonly grade: string | null;
  /** The rubric-wide veto that held (the total is then 0), or null. */
  readonly veto: VetoResult | null;
  readonly items: readonly ItemScore[];
  /** Keys read as the input they differ from only in Unicode form; absent when there are none. */
  readonly notices?: readonly FactNotice[];
}

export interface ScoreOptions {
  /** Attach a Reason to every criterion (slower; the plain path pays nothing for it). */
  readonly explain?: boolean;
}

/** Item points and the total only: what rankings and impact over a period need. */
export interface TotalsResult {
  readonly total: number;
  readonly grade: string | null;
  readonly veto: VetoResult | null;
  /** Points of each item, in the rubric's item order. */
  readonly items: readonly number[];
}
