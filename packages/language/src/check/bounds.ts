// Interval reasoning over rules: the least and most points a criterion can give, used by the
// sum checks. Numbers are floats here; comparisons allow for their rounding (see `samePoints`).
import type * as A from "../ast.ts";
import { cohortShare } from "./cohort.ts";
import type { SymbolEntry } from "./context.ts";
import { exprKey } from "./types.ts";

export interface Range {
  readonly min: number;
  /** Infinity when unbounded (an uncapped bonus). */
  readonly max: number;
}

const unbounded: Range = { min: -Infinity, max: Infinity };

export class RangeFinder {
  private readonly letRanges = new Map<string, Range>();

  constructor(private readonly names: ReadonlyMap<string, SymbolEntry>) {}

  /** The points a criterion's rule can give (never below 0). */
  criterion(rule: A.Rule): Range {
    const raw = this.rule(rule);
    const min = rule.knockOuts.length > 0 ? 0 : Math.max(0, raw.min);
    return { min: Math.min(min, Math.max(0, raw.max)), max: Math.max(0, raw.max) };
  }

  private rule(rule: A.Rule): Range {
    switch (rule.kind) {
      case "award": {
        const amount = this.expr(rule.amount.expr);
        const otherwise = rule.otherwise ? this.expr(rule.otherwise.expr) : { min: 0, max: 0 };
        return rule.condition ? hull(amount, otherwise) : amount;
      }
      case "discretionary": {
        const input = this.names.get(rule.input.name);
        if (input?.kind === "input" && input.input.type.kind === "score") {
          const range = { min: Number(input.input.type.min.value), max: Number(input.input.type.max.value) };
          // An empty range is reported once (KP406); read as unknown, it adds no sum errors.
          return range.min < range.max ? range : unbounded;
        }
        return unbounded;
      }
      case "deduction": {
        const base = this.expr(rule.base.expr);
        const taken = this.deducted(rule);
        const floor = rule.floor ? this.expr(rule.floor.expr).min : 0;
        return { min: Math.max(floor, base.min - taken.max), max: Math.max(floor, base.max - taken.min) };
      }
      case "bonus": {
        const sum = rule.clauses.map((c) => this.clause(c)).reduce(add, { min: 0, max: 0 });
        return rule.cap ? lesser(sum, this.expr(rule.cap.expr)) : sum;
      }
    }
  }

  /** The points a deduction's clauses take together, within its `最多扣` cap. */
  deducted(rule: A.DeductionRule): Range {
    const sum = rule.clauses.map((c) => this.clause(c)).reduce(add, { min: 0, max: 0 });
    return rule.cap ? lesser(sum, this.expr(rule.cap.amount.expr)) : sum;
  }

  /** The range of one clause's points. */
  clause(clause: A.Clause): Range {
    const amount = this.expr(clause.amount.expr);
    if (clause.kind === "when") return hull(amount, { min: 0, max: 0 });
    return multiply(amount, this.expr(clause.count));
  }

  /** The range of an expression's value (yes/no as 0..1). */
  expr(expr: A.Expr): Range {
    switch (expr.kind) {
      case "number":
        return point(Number(expr.value));
      case "percent":
        return point(Number(expr.value) / 100);
      case "bool":
      case "compare":
      case "logical":
      case "not":
        return { min: 0, max: 1 };
      case "negate": {
        const r = this.expr(expr.operand);
        return { min: -r.max, max: -r.min };
      }
      case "name":
        return this.name(expr.name);
      case "if":
        return hull(this.expr(expr.then), this.expr(expr.otherwise));
      case "cohort":
        return this.cohort(expr);
      case "call": {
        const ranges = expr.args.map((a) => this.expr(a));
        const pick = expr.fn === "min" ? Math.min : Math.max;
        return { min: pick(...ranges.map((r) => r.min)), max: pick(...ranges.map((r) => r.max)) };
      }
      case "round": {
        // Rounding is monotone: the range's ends, rounded, bound it.
        const r = this.expr(expr.operand);
        const digits = expr.digits?.kind === "number" ? Number(expr.digits.value) : 0;
        return { min: rounded(r.min, digits, expr.mode), max: rounded(r.max, digits, expr.mode) };
      }
      case "percentPoints":
        return multiply(this.expr(expr.operand), point(100));
      case "arithmetic": {
        const l = this.expr(expr.left);
        const r = this.expr(expr.right);
        switch (expr.op) {
          case "+":
            return add(l, r);
          case "-":
            return { min: l.min - r.max, max: l.max - r.min };
          case "×":
            return multiply(l, r);
          case "/":
            {
              const share = cohortShare(expr.left, expr.right, exprKey);
              if (share === "scaled" || (share === "leader" && l.min >= 0)) return { min: 0, max: 1 };
            }
            if (r.min > 0 || r.max < 0) return multiply(l, { min: 1 / r.max, max: 1 / r.min });
            return unbounded;
        }
      }
    }
  }

  /**
   * A rank lies in [1, N] and the cohort's size in [1, N], N unknown here (the rule's own clamps
   * bound what it makes of them); the highest, lowest and mean of x lie within x's range.
   */
  private cohort(expr: A.CohortCall): Range {
    if (expr.arg === null || expr.fn === "rank") return { min: 1, max: Infinity };
    return this.expr(expr.arg);
  }

  private name(name: string): Range {
    const entry = this.names.get(name);
    if (!entry) return unbounded;
    if (entry.kind === "let") {
      const known = this.letRanges.get(name);
      if (known) return known;
      this.letRanges.set(name, unbounded); // a cycle (reported elsewhere) reads as unbounded
      const range = this.expr(entry.let.expr);
      this.letRanges.set(name, range);
      return range;
    }
    const type = entry.input.type;
    switch (type.kind) {
      case "yesno":
        return { min: 0, max: 1 };
      case "percent":
        return type.range
          ? { min: this.expr(type.range.min).min, max: this.expr(type.range.max).max }
          : { min: 0, max: 1 };
      case "score":
        return { min: Number(type.min.value), max: Number(type.max.value) };
      default:
        return { min: 0, max: Infinity };
    }
  }
}

function point(value: number): Range {
  return { min: value, max: value };
}

function hull(a: Range, b: Range): Range {
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** A value rounded as the engine does (half away from zero, toward −∞, toward +∞), in floats. */
function rounded(value: number, digits: number, mode: A.RoundMode): number {
  if (!Number.isFinite(value)) return value;
  const scaled = Number((value * 10 ** digits).toFixed(6));
  const whole =
    mode === "down"
      ? Math.floor(scaled)
      : mode === "up"
        ? Math.ceil(scaled)
        : Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5);
  return whole / 10 ** digits;
}

/** The range of min(a, b). */
function lesser(a: Range, b: Range): Range {
  return { min: Math.min(a.min, b.min), max: Math.min(a.max, b.max) };
}

function add(a: Range, b: Range): Range {
  return { min: a.min + b.min, max: a.max + b.max };
}

function multiply(a: Range, b: Range): Range {
  const products = [a.min * b.min, a.min * b.max, a.max * b.min, a.max * b.max].map((p) => (Number.isNaN(p) ? 0 : p));
  return { min: Math.min(...products), max: Math.max(...products) };
}

/** Whether two point totals are equal, allowing for float rounding of decimal points. */
export function samePoints(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** Prints a point total without float noise: 9.200000000000001 → "9.2". */
export function printPoints(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  return String(Number(value.toFixed(6)));
}
