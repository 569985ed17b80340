// The cohort figures of a rubric's cohort rules: from every subject's cohort arguments (the first
// pass), each subject's figures within its category (the second). A pure function of the
// arguments and categories: the input order never matters, ties are decided by value only.
//
// Decisions stated here, as the rubric language documents them: ranks are highest first unless
// `升序`; equal values share a rank and the next rank is skipped (1, 2, 2, 4) unless `密集`
// (1, 2, 2, 3); the mean is rounded to six decimals, half away from zero, like ÷; every subject
// whose facts are valid counts, and only those.

import { SCALE, formatScaled } from "./decimal.ts";
import type { CohortFigureIR, RubricIR } from "./ir.ts";

/** A scaled value: a double while exact, else a BigInt. */
export type Scaled = number | bigint;

/** One figure of one subject: its scaled value, whether its rank is shared, and the cohort size. */
export interface Figure {
  readonly value: Scaled;
  readonly tied: boolean;
  readonly of: number;
}

/** A figure as the result reports it. */
export interface CohortFigure {
  /** As the rubric writes it: "名次(办结率)". */
  readonly figure: string;
  readonly value: number;
  /** Ranks: the rank is shared with another subject. */
  readonly tied: boolean;
  /** How many subjects the figure was taken over (the subject's category). */
  readonly of: number;
}

function compare(a: Scaled, b: Scaled): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every value of one argument column as the same type, so that equal values compare equal. */
function column(values: readonly Scaled[]): readonly Scaled[] {
  return values.some((v) => typeof v === "bigint") ? values.map((v) => BigInt(v)) : values;
}

/** Sum ÷ count, rounded to six decimals half away from zero, like ÷. */
function mean(values: readonly Scaled[]): Scaled {
  let sum = 0n;
  for (const v of values) sum += BigInt(v);
  const n = BigInt(values.length);
  const q = sum / n;
  const r = sum % n;
  const rounded = 2n * (r < 0n ? -r : r) >= n ? q + (sum < 0n ? -1n : 1n) : q;
  return narrow(rounded);
}

function narrow(v: bigint): Scaled {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Each member's rank and whether it is shared: sort once, then one sweep. */
function ranks(values: readonly Scaled[], f: CohortFigureIR): Figure[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    const c = compare(values[i] as Scaled, values[j] as Scaled);
    return f.ascending ? c : -c;
  });
  const out = new Array<Figure>(n);
  let dense = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    const v = values[order[start] as number] as Scaled;
    while (end < n && compare(values[order[end] as number] as Scaled, v) === 0) end++;
    dense++;
    const rank = f.dense ? dense : start + 1;
    const figure: Figure = { value: rank * SCALE, tied: end - start > 1, of: n };
    for (let k = start; k < end; k++) out[order[k] as number] = figure;
    start = end;
  }
  return out;
}

/** One figure for every member of one category, given the members' argument columns. */
function figureOf(f: CohortFigureIR, columns: readonly (readonly Scaled[])[], n: number): Figure[] {
  if (f.fn === "size") return new Array<Figure>(n).fill({ value: n * SCALE, tied: false, of: n });
  const values = columns[f.arg as number] as readonly Scaled[];
  if (f.fn === "rank") return ranks(values, f);
  let value: Scaled;
  if (f.fn === "average") value = mean(values);
  else {
    value = values[0] as Scaled;
    for (const v of values) if (f.fn === "max" ? v > value : v < value) value = v;
  }
  return new Array<Figure>(n).fill({ value, tied: false, of: n });
}

/**
 * The figures of every subject: `args[i]` are subject i's cohort arguments (the first pass),
 * `categories[i]` the category it is ranked in. Returns `figures[i][k]`, figure k of subject i.
 */
export function cohortFigures(
  ir: RubricIR,
  args: readonly (readonly Scaled[])[],
  categories: readonly string[],
): Figure[][] {
  const groups = new Map<string, number[]>();
  categories.forEach((c, i) => {
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const out: Figure[][] = args.map(() => []);
  for (const members of groups.values()) {
    const columns = ir.cohort.args.map((_, k) =>
      column(members.map((i) => (args[i] as readonly Scaled[])[k] as Scaled)),
    );
    ir.cohort.figures.forEach((f, k) => {
      const figures = figureOf(f, columns, members.length);
      members.forEach((i, m) => {
        (out[i] as Figure[])[k] = figures[m] as Figure;
      });
    });
  }
  return out;
}

/** The figures as the result reports them, in points (a percent as its ratio: 97.2% is 0.972). */
export function reportFigures(ir: RubricIR, figures: readonly Figure[]): CohortFigure[] {
  // A loop, not map(): under tsx every closure made per subject costs a defineProperty.
  const out = new Array<CohortFigure>(figures.length);
  for (let k = 0; k < figures.length; k++) {
    const f = figures[k] as Figure;
    out[k] = {
      figure: (ir.cohort.figures[k] as CohortFigureIR).text,
      value: typeof f.value === "number" ? f.value / SCALE : Number(formatScaled(f.value)),
      tied: f.tied,
      of: f.of,
    };
  }
  return out;
}

/** Scaled figures for the fast scorers, or null when one is past their exact range. */
export function fastFigures(figures: readonly Figure[], limit: number): number[] | null {
  const out = new Array<number>(figures.length);
  for (let k = 0; k < figures.length; k++) {
    const v = (figures[k] as Figure).value;
    if (typeof v === "bigint" || v > limit || v < -limit) return null;
    out[k] = v;
  }
  return out;
}

/** The cohort rules of a rubric, named for an error when it is scored without a cohort. */
export function cohortRulesError(ir: RubricIR): Error {
  const names = ir.cohort.figures.map((f) => f.text).join("、");
  const e = new Error(
    `评分细则含参评统计（${names}），须按参评对象整体评分（scoreCohort）；the rubric has cohort rules (${names}): score it as a cohort (scoreCohort)`,
  );
  e.name = "CohortRequiredError";
  return e;
}
