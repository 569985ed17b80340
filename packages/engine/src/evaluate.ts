// Evaluation: the values of one subject's formulas, walked over the IR. Generic over the
// arithmetic, so the same walk runs on checked doubles and on BigInt (the exact fallback when a
// number op overflows, and the oracle the fast evaluators are tested against).

import type { Arith } from "./arith.ts";
import type { Figure } from "./cohort.ts";
import type { Slots } from "./facts.ts";
import type { BoolExpr, ClauseIR, CompareOp, CriterionIR, NumExpr, RubricIR, RuleIR } from "./ir.ts";
import { isBool } from "./ir.ts";

/** Thrown when a suggestion reads a fact not given yet. */
const MISSING: unique symbol = Symbol("kaoping.missing");

/** One subject's slot values, derived values and facts, and the formulas evaluated on them. */
export class Evaluator<T> {
  /** Slot values of the subject, in this arithmetic (undefined: not given, for suggestions). */
  vals: (T | boolean | undefined)[] = [];
  /** Derived (let) values, in declaration order. */
  lets: (T | boolean | undefined)[] = [];
  /** The facts as given: the assessors' reasons are read from them. */
  facts: Readonly<Record<string, unknown>> = {};
  /** The subject's cohort figures (see cohort.ts), in this arithmetic; empty outside a cohort. */
  figures: T[] = [];
  figureNotes: readonly Figure[] = [];

  constructor(
    private readonly ir: RubricIR,
    readonly A: Arith<T>,
  ) {}

  /**
   * Slot values in this arithmetic. Written as loops, not closures: under tsx (the CLI, the
   * server) every closure created in a hot path costs a defineProperty for its name.
   */
  private toVals(slots: Slots): (T | boolean)[] {
    // Doubles are their own values: no copy.
    if (this.A.identity) return slots as (T | boolean)[];
    const out = new Array<T | boolean>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i] as number | boolean;
      out[i] = typeof v === "boolean" ? v : this.A.fromScaled(v);
    }
    return out;
  }

  /** Sets the subject the formulas are evaluated for: its slot values and facts. */
  setSubject(slots: Slots, facts: Readonly<Record<string, unknown>>, figures: readonly Figure[] = []): void {
    this.facts = facts;
    this.vals = this.toVals(slots);
    this.figureNotes = figures;
    this.figures = figures.map((f) => this.A.fromScaled(f.value));
    this.lets = [];
    for (const l of this.ir.lets) this.lets.push(isBool(l.expr) ? this.bool(l.expr) : this.num(l.expr));
  }

  /** The grade a total earns: the first band whose minimum it reaches. */
  grade(total: T): string | null {
    for (const g of this.ir.grades) {
      if (g.min === null || this.A.compare(total, this.A.fromScaled(g.min)) >= 0) return g.label;
    }
    return null;
  }

  /** A suggestion from whatever facts are known; null when it reads a missing one. */
  suggestion(slots: readonly (number | boolean | undefined)[], e: NumExpr): number | null {
    const A = this.A;
    this.vals = slots.map((v) => (v === undefined || typeof v === "boolean" ? v : A.fromScaled(v)));
    this.lets = [];
    for (const l of this.ir.lets) {
      try {
        this.lets.push(isBool(l.expr) ? this.bool(l.expr) : this.num(l.expr));
      } catch {
        this.lets.push(undefined);
      }
    }
    try {
      return A.toPoints(this.num(e));
    } catch {
      return null;
    }
  }

  /**
   * The first pass of cohort scoring: the subject's cohort arguments. They are cohort-free, but a
   * derived value may read a figure: such a value is left unset (no argument reads it).
   */
  cohortArguments(slots: Slots): T[] {
    this.vals = this.toVals(slots);
    this.figures = [];
    this.lets = [];
    for (const l of this.ir.lets) {
      try {
        this.lets.push(isBool(l.expr) ? this.bool(l.expr) : this.num(l.expr));
      } catch (e) {
        if (e !== MISSING) throw e;
        this.lets.push(undefined);
      }
    }
    return this.ir.cohort.args.map((a) => this.num(a));
  }

  private slot(v: T | boolean | undefined): T | boolean {
    if (v === undefined) throw MISSING;
    return v;
  }

  /** A number formula's value. */
  num(e: NumExpr): T {
    const A = this.A;
    switch (e.op) {
      case "const":
        return A.fromScaled(e.value);
      case "input":
        return this.slot(this.vals[e.slot]) as T;
      case "let":
        return this.slot(this.lets[e.slot]) as T;
      case "neg":
        return A.neg(this.num(e.a));
      case "add":
        return A.add(this.num(e.a), this.num(e.b));
      case "sub":
        return A.sub(this.num(e.a), this.num(e.b));
      case "mul":
        return A.mul(this.num(e.a), this.num(e.b));
      case "div":
        return A.div(this.num(e.a), this.num(e.b));
      case "min":
      case "max": {
        let best = this.num(e.args[0] as NumExpr);
        for (let i = 1; i < e.args.length; i++) {
          const v = this.num(e.args[i] as NumExpr);
          const c = A.compare(v, best);
          if (e.op === "min" ? c < 0 : c > 0) best = v;
        }
        return best;
      }
      case "round":
        return A.round(this.num(e.a), e.unit, e.mode);
      case "if":
        return this.bool(e.cond) ? this.num(e.then) : this.num(e.else);
      case "cohort": {
        const v = this.figures[e.figure];
        if (v === undefined) throw MISSING;
        return v;
      }
    }
  }

  /** A yes/no formula's value. */
  bool(e: BoolExpr): boolean {
    switch (e.op) {
      case "bconst":
        return e.value;
      case "binput":
        return this.slot(this.vals[e.slot]) as boolean;
      case "blet":
        return this.slot(this.lets[e.slot]) as boolean;
      case "cmp":
        return this.compare(e.cmp, e.a, e.b);
      case "beq":
        return (this.bool(e.a) === this.bool(e.b)) !== e.negate;
      case "and":
        return this.bool(e.a) && this.bool(e.b);
      case "or":
        return this.bool(e.a) || this.bool(e.b);
      case "not":
        return !this.bool(e.a);
      case "bif":
        return this.bool(e.cond) ? this.bool(e.then) : this.bool(e.else);
    }
  }

  /** Comparisons with a quotient on either side are decided exactly, never on a rounding. */
  private compare(op: CompareOp, a: NumExpr, b: NumExpr): boolean {
    const A = this.A;
    let c: number;
    const qa = a.op === "div" ? this.quotient(a.a, a.b) : null;
    const qb = b.op === "div" ? this.quotient(b.a, b.b) : null;
    if (qa && qb) c = A.compareQuotients(qa[0], qa[1], qb[0], qb[1]);
    else if (qa) c = A.compareQuotient(qa[0], qa[1], this.num(b));
    else if (qb) c = -A.compareQuotient(qb[0], qb[1], this.num(a));
    else c = A.compare(this.num(a), this.num(b));
    switch (op) {
      case ">=":
        return c >= 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      case "<":
        return c < 0;
      case "=":
        return c === 0;
      case "≠":
        return c !== 0;
    }
  }

  /** Numerator and denominator of a quotient; a zero divisor makes it 0/1, like ÷ itself. */
  private quotient(a: NumExpr, b: NumExpr): [T, T] {
    const n = this.num(a);
    const d = this.num(b);
    if (this.A.isZero(d)) return [this.A.zero, this.A.fromScaled(1_000_000)];
    return [n, d];
  }

  /** The sum of a deduction's or a bonus's clauses. */
  clauses(clauses: readonly ClauseIR[]): T {
    const A = this.A;
    let sum = A.zero;
    for (const c of clauses) {
      if (c.kind === "per") sum = A.add(sum, A.mul(this.num(c.amount), this.num(c.count)));
      else if (this.bool(c.cond)) sum = A.add(sum, this.num(c.amount));
    }
    return sum;
  }

  /** What a deduction's clauses take together, within its cap (最多扣). */
  deducted(r: Extract<RuleIR, { kind: "deduction" }>): T {
    const sum = this.clauses(r.clauses);
    if (r.cap === null) return sum;
    const cap = this.num(r.cap);
    return this.A.compare(sum, cap) > 0 ? cap : sum;
  }

  /** The rule's value before knock-outs and the never-negative clamp. */
  raw(c: CriterionIR): T {
    const A = this.A;
    const r = c.rule;
    switch (r.kind) {
      case "award":
        if (r.cond === null || this.bool(r.cond)) return this.num(r.amount);
        return r.otherwise ? this.num(r.otherwise) : A.zero;
      case "discretionary":
        return this.vals[r.slot] as T;
      case "deduction": {
        const v = A.sub(this.num(r.base), this.deducted(r));
        const floor = r.floor ? this.num(r.floor) : A.zero;
        return A.compare(v, floor) < 0 ? floor : v;
      }
      case "bonus": {
        const v = this.clauses(r.clauses);
        if (r.cap === null) return v;
        const cap = this.num(r.cap);
        return A.compare(v, cap) > 0 ? cap : v;
      }
    }
  }

  /** A criterion's points: zero when knocked out, never negative. */
  criterion(c: CriterionIR): T {
    for (const k of c.knockOuts) if (this.bool(k.cond)) return this.A.zero;
    const v = this.raw(c);
    return this.A.compare(v, this.A.zero) < 0 ? this.A.zero : v;
  }
}
