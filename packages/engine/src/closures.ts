// IR → a tree of closures: the fast scorer where a page forbids generated code (CSP without
// 'unsafe-eval'). Same arithmetic as every other evaluator: scaled integers on doubles, checked
// where the safety analysis cannot prove a value stays exact; an overflow throws OVERFLOW and the
// caller re-runs on BigInt.

import type { Analysis } from "./bounds.ts";
import {
  LIMIT,
  SCALE,
  addChecked,
  compareFractions,
  divScaled,
  mulScaled,
  roundScaled,
  scaleUp,
  subChecked,
} from "./decimal.ts";
import type { Slots } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, NumExpr, RubricIR } from "./ir.ts";
import type { CriterionScore, ItemScore, ScoreResult } from "./result.ts";

type Env = { s: Slots; l: (number | boolean)[]; c: readonly number[] };
type NumFn = (env: Env) => number;
type BoolFn = (env: Env) => boolean;

const NO_FIGURES: readonly number[] = [];

/** Values within this bound need no overflow check (half of LIMIT: interval ends are estimates). */
const SAFE = LIMIT / 2;

class ClosureCompiler {
  constructor(
    private readonly ir: RubricIR,
    private readonly safety: Analysis,
  ) {}

  private safe(e: NumExpr): boolean {
    const r = this.safety.num(e);
    return r.lo >= -SAFE && r.hi <= SAFE;
  }

  num(e: NumExpr): NumFn {
    switch (e.op) {
      case "const": {
        const v = Number(e.value);
        return () => v;
      }
      case "input": {
        const i = e.slot;
        return (env) => env.s[i] as number;
      }
      case "let": {
        const i = e.slot;
        return (env) => env.l[i] as number;
      }
      case "neg": {
        const a = this.num(e.a);
        return (env) => 0 - a(env);
      }
      case "add": {
        const a = this.num(e.a);
        const b = this.num(e.b);
        return this.safe(e) ? (env) => a(env) + b(env) : (env) => addChecked(a(env), b(env));
      }
      case "sub": {
        const a = this.num(e.a);
        const b = this.num(e.b);
        return this.safe(e) ? (env) => a(env) - b(env) : (env) => subChecked(a(env), b(env));
      }
      case "mul": {
        const a = this.num(e.a);
        const b = this.num(e.b);
        return (env) => mulScaled(a(env), b(env));
      }
      case "div": {
        const a = this.num(e.a);
        const b = this.num(e.b);
        return (env) => divScaled(a(env), b(env));
      }
      case "round": {
        const a = this.num(e.a);
        const unit = Number(e.unit);
        const mode = e.mode;
        return (env) => roundScaled(a(env), unit, mode);
      }
      case "min":
      case "max": {
        const args = e.args.map((x) => this.num(x));
        const pick = e.op === "min" ? Math.min : Math.max;
        if (args.length === 2) {
          const [a, b] = args as [NumFn, NumFn];
          return (env) => pick(a(env), b(env));
        }
        return (env) => pick(...args.map((f) => f(env)));
      }
      case "if": {
        const c = this.bool(e.cond);
        const t = this.num(e.then);
        const f = this.num(e.else);
        return (env) => (c(env) ? t(env) : f(env));
      }
      case "cohort": {
        const i = e.figure;
        return (env) => env.c[i] as number;
      }
    }
  }

  bool(e: BoolExpr): BoolFn {
    switch (e.op) {
      case "bconst": {
        const v = e.value;
        return () => v;
      }
      case "binput": {
        const i = e.slot;
        return (env) => env.s[i] as boolean;
      }
      case "blet": {
        const i = e.slot;
        return (env) => env.l[i] as boolean;
      }
      case "cmp":
        return this.compare(e.cmp, e.a, e.b);
      case "beq": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        return e.negate ? (env) => a(env) !== b(env) : (env) => a(env) === b(env);
      }
      case "and": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        return (env) => a(env) && b(env);
      }
      case "or": {
        const a = this.bool(e.a);
        const b = this.bool(e.b);
        return (env) => a(env) || b(env);
      }
      case "not": {
        const a = this.bool(e.a);
        return (env) => !a(env);
      }
      case "bif": {
        const c = this.bool(e.cond);
        const t = this.bool(e.then);
        const f = this.bool(e.else);
        return (env) => (c(env) ? t(env) : f(env));
      }
    }
  }

  /** A signed comparison result; quotients are compared exactly by cross-multiplying. */
  private sign(a: NumExpr, b: NumExpr): (env: Env) => number {
    const side = (x: NumExpr): { n: NumFn; d: NumFn | null } => {
      if (x.op !== "div") return { n: this.num(x), d: null };
      const n = this.num(x.a);
      const d = this.num(x.b);
      return { n, d };
    };
    const l = side(a);
    const r = side(b);
    if (!l.d && !r.d) {
      const x = l.n;
      const y = r.n;
      return (env) => {
        const u = x(env);
        const v = y(env);
        return u < v ? -1 : u > v ? 1 : 0;
      };
    }
    // A quotient n/d is the fraction (n × SCALE)/d; a zero divisor makes it 0 (0/1), as ÷ does.
    const frac = (s: { n: NumFn; d: NumFn | null }, env: Env): [number, number] => {
      const n = s.n(env);
      if (!s.d) return [n, 1];
      const d = s.d(env);
      return d === 0 ? [0, 1] : [scaleUp(n), d];
    };
    return (env) => {
      const [n1, d1] = frac(l, env);
      const [n2, d2] = frac(r, env);
      return compareFractions(n1, d1, n2, d2);
    };
  }

  private compare(op: string, a: NumExpr, b: NumExpr): BoolFn {
    if (a.op !== "div" && b.op !== "div") {
      const x = this.num(a);
      const y = this.num(b);
      switch (op) {
        case ">=":
          return (env) => x(env) >= y(env);
        case ">":
          return (env) => x(env) > y(env);
        case "<=":
          return (env) => x(env) <= y(env);
        case "<":
          return (env) => x(env) < y(env);
        case "=":
          return (env) => x(env) === y(env);
        default:
          return (env) => x(env) !== y(env);
      }
    }
    const s = this.sign(a, b);
    switch (op) {
      case ">=":
        return (env) => s(env) >= 0;
      case ">":
        return (env) => s(env) > 0;
      case "<=":
        return (env) => s(env) <= 0;
      case "<":
        return (env) => s(env) < 0;
      case "=":
        return (env) => s(env) === 0;
      default:
        return (env) => s(env) !== 0;
    }
  }

  private clauses(clauses: readonly ClauseIR[]): NumFn {
    const fns: NumFn[] = clauses.map((c): NumFn => {
      const amount = this.num(c.amount);
      if (c.kind === "per") {
        const count = this.num(c.count);
        return (env) => mulScaled(amount(env), count(env));
      }
      const cond = this.bool(c.cond);
      return (env) => (cond(env) ? amount(env) : 0);
    });
    return (env) => {
      let sum = 0;
      for (const f of fns) sum = addChecked(sum, f(env));
      return sum;
    };
  }

  criterion(c: CriterionIR): NumFn {
    const r = c.rule;
    let raw: NumFn;
    switch (r.kind) {
      case "award": {
        const amount = this.num(r.amount);
        const cond = r.cond ? this.bool(r.cond) : null;
        const other = r.otherwise ? this.num(r.otherwise) : null;
        raw =
          cond === null
            ? amount
            : other === null
              ? (env) => (cond(env) ? amount(env) : 0)
              : (env) => (cond(env) ? amount(env) : other(env));
        break;
      }
      case "discretionary": {
        const i = r.slot;
        raw = (env) => env.s[i] as number;
        break;
      }
      case "deduction": {
        const base = this.num(r.base);
        const clauses = this.clauses(r.clauses);
        const cap = r.cap ? this.num(r.cap) : null;
        const sum = cap === null ? clauses : (env: Env) => Math.min(clauses(env), cap(env));
        const floor = r.floor ? this.num(r.floor) : null;
        raw = (env) => {
          const v = subChecked(base(env), sum(env));
          const f = floor ? floor(env) : 0;
          return v < f ? f : v;
        };
        break;
      }
      case "bonus": {
        const sum = this.clauses(r.clauses);
        const cap = r.cap ? this.num(r.cap) : null;
        raw =
          cap === null
            ? sum
            : (env) => {
                const v = sum(env);
                const m = cap(env);
                return v > m ? m : v;
              };
        break;
      }
    }
    const kos = c.knockOuts.map((k) => this.bool(k.cond));
    return (env) => {
      for (const k of kos) if (k(env)) return 0;
      const v = raw(env);
      return v < 0 ? 0 : v;
    };
  }

  /** The scorer; `figures` are the subject's scaled cohort figures (none outside a cohort). */
  rubric(): (slots: Slots, figures?: readonly number[]) => ScoreResult {
    const ir = this.ir;
    const lets = ir.lets.map((l) => (l.type === "bool" ? this.bool(l.expr as BoolExpr) : this.num(l.expr as NumExpr)));
    const items = ir.items.map((item) => ({
      number: item.number,
      title: item.title,
      standard: Number(item.standard) / SCALE,
      criteria: item.criteria.map((c) => ({ number: c.number, fn: this.criterion(c) })),
    }));
    const vetoes = ir.vetoes.map((v) => ({ reason: v.reason, span: v.span, fn: this.bool(v.cond) }));
    const grades = ir.grades.map((g) => ({ label: g.label, min: g.min === null ? -Infinity : Number(g.min) }));
    return (slots, figures = NO_FIGURES) => {
      const env: Env = { s: slots, l: [], c: figures };
      for (const f of lets) env.l.push(f(env));
      let total = 0;
      const out: ItemScore[] = [];
      for (const item of items) {
        let sum = 0;
        const criteria: CriterionScore[] = [];
        for (const c of item.criteria) {
          const p = c.fn(env);
          sum = addChecked(sum, p);
          criteria.push({ number: c.number, points: p / SCALE });
        }
        total = addChecked(total, sum);
        out.push({ number: item.number, title: item.title, standard: item.standard, points: sum / SCALE, criteria });
      }
      let veto: ScoreResult["veto"] = null;
      for (const v of vetoes) {
        if (v.fn(env)) {
          veto = { reason: v.reason, span: v.span };
          total = 0;
          break;
        }
      }
      let grade: string | null = null;
      for (const g of grades) {
        if (total >= g.min) {
          grade = g.label;
          break;
        }
      }
      return { total: total / SCALE, grade, veto, items: out };
    };
  }
}

/** Compiles a rubric's IR to a closure scorer of checked slot values. */
export function compileClosures(
  ir: RubricIR,
  safety: Analysis,
): (slots: Slots, figures?: readonly number[]) => ScoreResult {
  return new ClosureCompiler(ir, safety).rubric();
}
