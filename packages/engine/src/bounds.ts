// bounds: the least and most each criterion, item and the total can score, by interval reasoning
// over the rule kinds. Counts and numbers have no upper end here, so an uncapped bonus has no most.
// The same analysis, run with the input schema's limits instead, tells the code generator which
// sums can never leave the exact range of a double (so they need no overflow check).
// Intervals hold scaled values as doubles: the endpoints are estimates only where × and ÷ of
// non-literals meet, which is where the code generator keeps its checks anyway.

import { SCALE, formatScaled, roundScaled } from "./decimal.ts";
import { engineDiagnostic, type EngineDiagnostic } from "./diagnostics.ts";
import { MAX_FACT } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, InputIR, NumExpr, RubricIR, RuleIR } from "./ir.ts";
import { percentRange } from "./ir.ts";
import type { RuleKind } from "./result.ts";

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export interface BoolRange {
  /** Can be true. */
  readonly t: boolean;
  /** Can be false. */
  readonly f: boolean;
}

const ZERO: Interval = { lo: 0, hi: 0 };
const ANY: Interval = { lo: -Infinity, hi: Infinity };

/** a × b treating 0 × ∞ as 0: an unbounded factor times an exact zero is zero. */
function times(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return a * b;
}

function hull(values: readonly number[]): Interval {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi };
}

function union(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

function mul(a: Interval, b: Interval): Interval {
  const h = hull([times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)]);
  return { lo: h.lo / SCALE, hi: h.hi / SCALE };
}

function div(a: Interval, b: Interval): Interval {
  if (b.lo > 0 || b.hi < 0) {
    const s = { lo: a.lo * SCALE, hi: a.hi * SCALE };
    const h = hull([s.lo / b.lo, s.lo / b.hi, s.hi / b.lo, s.hi / b.hi].map((x) => (Number.isNaN(x) ? 0 : x)));
    return h;
  }
  if (b.lo === 0 && b.hi === 0) return ZERO;
  // The divisor can be 0 (the quotient is then 0) or as small as one millionth: only signs are known.
  const nonNegA = a.lo >= 0;
  const nonPosA = a.hi <= 0;
  const nonNegB = b.lo >= 0;
  const nonPosB = b.hi <= 0;
  if (a.lo === 0 && a.hi === 0) return ZERO;
  if ((nonNegA && nonNegB) || (nonPosA && nonPosB)) return { lo: 0, hi: Infinity };
  if ((nonNegA && nonPosB) || (nonPosA && nonNegB)) return { lo: -Infinity, hi: 0 };
  return ANY;
}

function compareRange(op: string, a: Interval, b: Interval): BoolRange {
  switch (op) {
    case ">=":
      return { t: a.hi >= b.lo, f: a.lo < b.hi };
    case ">":
      return { t: a.hi > b.lo, f: a.lo <= b.hi };
    case "<=":
      return { t: a.lo <= b.hi, f: a.hi > b.lo };
    case "<":
      return { t: a.lo < b.hi, f: a.hi >= b.lo };
    case "=": {
      const overlap = a.lo <= b.hi && b.lo <= a.hi;
      const single = a.lo === a.hi && b.lo === b.hi && a.lo === b.lo;
      return { t: overlap, f: !single };
    }
    default: {
      const overlap = a.lo <= b.hi && b.lo <= a.hi;
      const single = a.lo === a.hi && b.lo === b.hi && a.lo === b.lo;
      return { t: !single, f: overlap };
    }
  }
}

/** The text of an expression without its spans: equal texts compute the same value. */
function shape(e: NumExpr): string {
  return JSON.stringify(e, (k, v: unknown) => (k === "span" ? undefined : typeof v === "bigint" ? `${v}n` : v));
}

/** `e` is the cohort figure `fn` of the argument whose shape is `arg`. */
function figureOf(ir: RubricIR, e: NumExpr, fn: "max" | "min", arg: string): boolean {
  if (e.op !== "cohort") return false;
  const f = ir.cohort.figures[e.figure];
  const a = f?.arg === null || f?.arg === undefined ? undefined : ir.cohort.args[f.arg];
  return f?.fn === fn && a !== undefined && shape(a) === arg;
}

/**
 * Whether a ÷ b is a share of the cohort: "leader" for x ÷ 最高值(x) (in [0, 1] when x ≥ 0),
 * "scaled" for (x − 最低值(x)) ÷ (最高值(x) − 最低值(x)) and (最高值(x) − x) ÷ (…) (in [0, 1]).
 */
function cohortShare(ir: RubricIR, a: NumExpr, b: NumExpr): "leader" | "scaled" | null {
  if (ir.cohort.figures.length === 0) return null;
  if (figureOf(ir, b, "max", shape(a))) return "leader";
  if (a.op !== "sub" || b.op !== "sub") return null;
  const range = (x: string) => figureOf(ir, b.a, "max", x) && figureOf(ir, b.b, "min", x);
  const up = range(shape(a.a)) && figureOf(ir, a.b, "min", shape(a.a));
  const down = range(shape(a.b)) && figureOf(ir, a.a, "max", shape(a.b));
  return up || down ? "scaled" : null;
}

/** Interval analysis of one rubric, for a given range of every input. */
export class Analysis {
  private readonly letRanges: (Interval | BoolRange)[] = [];

  constructor(
    private readonly ir: RubricIR,
    /** Upper end of counts and numbers: Infinity for bounds, the schema's limit for safety. */
    private readonly factMax: number,
  ) {
    for (const l of ir.lets) {
      this.letRanges.push(l.type === "bool" ? this.bool(l.expr as BoolExpr) : this.num(l.expr as NumExpr));
    }
  }

  input(input: InputIR): Interval {
    switch (input.kind) {
      case "count":
      case "number":
        return { lo: 0, hi: this.factMax };
      case "percent": {
        const [lo, hi] = percentRange(input);
        return { lo: Number(lo), hi: Number(hi) };
      }
      case "score":
        return { lo: Number(input.min ?? 0n), hi: Number(input.max ?? 0n) };
      case "yesno":
        return { lo: 0, hi: SCALE };
    }
  }

  num(e: NumExpr): Interval {
    switch (e.op) {
      case "const": {
        const v = Number(e.value);
        return { lo: v, hi: v };
      }
      case "input":
        return this.input(this.ir.inputs[e.slot] as InputIR);
      case "let":
        return (this.letRanges[e.slot] as Interval | undefined) ?? ANY;
      case "neg": {
        const a = this.num(e.a);
        return { lo: -a.hi, hi: -a.lo };
      }
      case "add":
        return add(this.num(e.a), this.num(e.b));
      case "sub":
        return sub(this.num(e.a), this.num(e.b));
      case "mul":
        return mul(this.num(e.a), this.num(e.b));
      case "div": {
        const share = cohortShare(this.ir, e.a, e.b);
        const a = this.num(e.a);
        if (share === "scaled" || (share === "leader" && a.lo >= 0)) return { lo: 0, hi: SCALE };
        return div(a, this.num(e.b));
      }
      case "cohort": {
        // A rank and the size lie in [1, N] (N unknown: the rule's own clamps bound the points);
        // the highest, lowest and mean of x lie within x's range.
        const f = this.ir.cohort.figures[e.figure];
        const arg = f?.arg === null || f?.arg === undefined ? undefined : this.ir.cohort.args[f.arg];
        if (!f || f.fn === "rank" || f.fn === "size" || !arg) return { lo: SCALE, hi: this.factMax };
        return this.num(arg);
      }
      case "min":
      case "max": {
        const rs = e.args.map((a) => this.num(a));
        const pick = e.op === "min" ? Math.min : Math.max;
        return { lo: pick(...rs.map((r) => r.lo)), hi: pick(...rs.map((r) => r.hi)) };
      }
      case "round": {
        // Rounding is monotone: the range's ends, rounded, bound it (whole scaled ends for exactness).
        const a = this.num(e.a);
        const unit = Number(e.unit);
        const end = (v: number, whole: (x: number) => number): number =>
          Number.isFinite(v) ? roundScaled(whole(v), unit, e.mode) : v;
        return { lo: end(a.lo, Math.floor), hi: end(a.hi, Math.ceil) };
      }
      case "if": {
        const c = this.bool(e.cond);
        if (!c.f) return this.num(e.then);
        if (!c.t) return this.num(e.else);
        return union(this.num(e.then), this.num(e.else));
      }
    }
  }

  bool(e: BoolExpr): BoolRange {
    switch (e.op) {
      case "bconst":
        return { t: e.value, f: !e.value };
      case "binput":
        return { t: true, f: true };
      case "blet":
        return (this.letRanges[e.slot] as BoolRange | undefined) ?? { t: true, f: true };
      case "cmp":
        return compareRange(e.cmp, this.num(e.a), this.num(e.b));
      case "beq": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        const t = (a.t && b.t) || (a.f && b.f);
        const f = (a.t && b.f) || (a.f && b.t);
        return e.negate ? { t: f, f: t } : { t, f };
      }
      case "and": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        return { t: a.t && b.t, f: a.f || b.f };
      }
      case "or": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        return { t: a.t || b.t, f: a.f && b.f };
      }
      case "not": {
        const a = this.bool(e.a);
        return { t: a.f, f: a.t };
      }
      case "bif": {
        const c = this.bool(e.cond);
        const t = this.bool(e.then);
        const f = this.bool(e.else);
        if (!c.f) return t;
        if (!c.t) return f;
        return { t: t.t || f.t, f: t.f || f.f };
      }
    }
  }

  clauses(clauses: readonly ClauseIR[]): Interval {
    let sum = ZERO;
    for (const c of clauses) {
      if (c.kind === "per") sum = add(sum, mul(this.num(c.amount), this.num(c.count)));
      else {
        const cond = this.bool(c.cond);
        const amount = this.num(c.amount);
        const r = !cond.t ? ZERO : !cond.f ? amount : union(amount, ZERO);
        sum = add(sum, r);
      }
    }
    return sum;
  }

  /** What a deduction's clauses take together, within its cap (最多扣). */
  deducted(r: Extract<RuleIR, { kind: "deduction" }>): Interval {
    const sum = this.clauses(r.clauses);
    if (r.cap === null) return sum;
    const cap = this.num(r.cap);
    return { lo: Math.min(sum.lo, cap.lo), hi: Math.min(sum.hi, cap.hi) };
  }

  /** The rule's range before knock-outs and the never-negative clamp. */
  raw(c: CriterionIR): Interval {
    const r = c.rule;
    switch (r.kind) {
      case "award": {
        if (r.cond === null) return this.num(r.amount);
        const cond = this.bool(r.cond);
        const other = r.otherwise ? this.num(r.otherwise) : ZERO;
        if (!cond.f) return this.num(r.amount);
        if (!cond.t) return other;
        return union(this.num(r.amount), other);
      }
      case "discretionary":
        return this.input(this.ir.inputs[r.slot] as InputIR);
      case "deduction": {
        const v = sub(this.num(r.base), this.deducted(r));
        const floor = r.floor ? this.num(r.floor) : ZERO;
        return { lo: Math.max(v.lo, floor.lo), hi: Math.max(v.hi, floor.hi) };
      }
      case "bonus": {
        const v = this.clauses(r.clauses);
        if (r.cap === null) return v;
        const cap = this.num(r.cap);
        return { lo: Math.min(v.lo, cap.lo), hi: Math.min(v.hi, cap.hi) };
      }
    }
  }

  criterion(c: CriterionIR): Interval {
    let v = this.raw(c);
    for (const k of c.knockOuts) {
      const b = this.bool(k.cond);
      if (!b.f) return ZERO;
      if (b.t) v = union(v, ZERO);
    }
    return { lo: Math.max(0, v.lo), hi: Math.max(0, v.hi) };
  }

  vetoCanHold(): boolean {
    return this.ir.vetoes.some((v) => this.bool(v.cond).t);
  }

  vetoAlwaysHolds(): boolean {
    return this.ir.vetoes.some((v) => !this.bool(v.cond).f);
  }
}

// ── The public bounds ─────────────────────────────────────────────────────────────────────

export interface CriterionBounds {
  readonly number: number;
  readonly rule: RuleKind;
  readonly least: number;
  /** Null when the criterion has no most (an uncapped bonus). */
  readonly most: number | null;
}

export interface ItemBounds {
  readonly number: number;
  readonly title: string;
  readonly standard: number;
  readonly least: number;
  readonly most: number | null;
  readonly criteria: readonly CriterionBounds[];
}

export interface Bounds {
  readonly least: number;
  readonly most: number | null;
  readonly items: readonly ItemBounds[];
}

function points(scaled: number): number {
  return Math.round(scaled) / SCALE + 0;
}

function most(scaled: number): number | null {
  return Number.isFinite(scaled) ? points(scaled) : null;
}

/** Least and most points per criterion, item and total, whatever the facts. */
export function computeBounds(ir: RubricIR): Bounds {
  const a = new Analysis(ir, Infinity);
  let total = ZERO;
  const items: ItemBounds[] = ir.items.map((item) => {
    let sum = ZERO;
    const criteria = item.criteria.map((c) => {
      const r = a.criterion(c);
      sum = add(sum, r);
      return { number: c.number, rule: c.rule.kind, least: points(r.lo), most: most(r.hi) };
    });
    total = add(total, sum);
    return {
      number: item.number,
      title: item.title,
      standard: points(Number(item.standard)),
      least: points(sum.lo),
      most: most(sum.hi),
      criteria,
    };
  });
  if (a.vetoAlwaysHolds()) total = ZERO;
  else if (a.vetoCanHold()) total = { lo: 0, hi: total.hi };
  return { least: points(total.lo), most: most(total.hi), items };
}

function show(scaled: number): string {
  if (!Number.isFinite(scaled)) return scaled < 0 ? "−∞" : "∞";
  return formatScaled(Math.round(scaled));
}

/** What the bounds say is probably wrong with a rubric (KP801–KP805). */
export function boundsDiagnostics(ir: RubricIR): EngineDiagnostic[] {
  const a = new Analysis(ir, Infinity);
  const out: EngineDiagnostic[] = [];
  for (const item of ir.items) {
    let nonBonusMost = 0;
    for (const c of item.criteria) {
      const name = `${item.number}.${c.number}`;
      const raw = a.raw(c);
      const r = c.rule;
      if (raw.lo < 0) {
        out.push(engineDiagnostic("KP801", c.span, { criterion: name, least: show(raw.lo) }));
      }
      if (r.kind === "bonus" && r.cap !== null) {
        const sum = a.clauses(r.clauses);
        const cap = a.num(r.cap);
        if (Number.isFinite(sum.hi) && sum.hi <= cap.lo) {
          out.push(engineDiagnostic("KP802", r.cap.span, { criterion: name, cap: show(cap.lo), most: show(sum.hi) }));
        }
      }
      if (r.kind === "deduction" && r.floor !== null) {
        const v = sub(a.num(r.base), a.deducted(r));
        const floor = a.num(r.floor);
        if (v.lo >= floor.hi) {
          out.push(
            engineDiagnostic("KP805", r.floor.span, { criterion: name, floor: show(floor.hi), least: show(v.lo) }),
          );
        }
      }
      if (r.kind !== "bonus") nonBonusMost += a.criterion(c).hi;
    }
    const standard = Number(item.standard);
    if (!Number.isFinite(nonBonusMost)) {
      out.push(engineDiagnostic("KP804", item.span, { item: String(item.number), standard: show(standard) }));
    } else if (Math.round(nonBonusMost) !== standard) {
      out.push(
        engineDiagnostic("KP803", item.span, {
          item: String(item.number),
          most: show(nonBonusMost),
          standard: show(standard),
        }),
      );
    }
  }
  return out;
}

/** Whether every value of `e` stays within ±limit for facts within the schema's limits. */
export function safetyAnalysis(ir: RubricIR): Analysis {
  return new Analysis(ir, MAX_FACT * SCALE);
}
