// IR → JavaScript source → one straight-line scoring function: the fastest scorer, used wherever
// the page or runtime allows `new Function` (closures.ts is the fallback).
//
// Injection safety, the way ajv does it: nothing from the rubric text becomes code except
//  - fact keys, emitted only through JSON.stringify (which always yields one valid string literal);
//  - numbers, emitted only after Number.isSafeInteger() (so only digits and a minus sign).
// Every other identifier in the output is made here (s0, l1, c2_3, …); titles, labels, veto
// reasons and spans reach the function as data in arrays, never as source.

import type { Analysis } from "./bounds.ts";
import type { Figure } from "./cohort.ts";
import { LIMIT, OVERFLOW, SCALE, compareFractions, divScaled, mulScaled, roundScaled, scaleUp } from "./decimal.ts";
import { keyCount, MAX_FACT } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, InputIR, NumExpr, RubricIR } from "./ir.ts";
import { percentRange } from "./ir.ts";
import type { LazyReasons } from "./lazy-reason.ts";
import type { ScoreResult, TotalsResult, VetoResult } from "./result.ts";

/** Values within this bound need no overflow check (half of LIMIT: interval ends are estimates). */
const SAFE = LIMIT / 2;

/** Sign of (n ÷ d) − v, exactly; a zero divisor makes the quotient 0, as ÷ does. */
function cmpQV(n: number, d: number, v: number): number {
  if (d === 0) return 0 < v ? -1 : 0 > v ? 1 : 0;
  return compareFractions(scaleUp(n), d, v, 1);
}

/** Sign of (n1 ÷ d1) − (n2 ÷ d2), exactly. */
function cmpQQ(n1: number, d1: number, n2: number, d2: number): number {
  const a: [number, number] = d1 === 0 ? [0, 1] : [scaleUp(n1), d1];
  const b: [number, number] = d2 === 0 ? [0, 1] : [scaleUp(n2), d2];
  return compareFractions(a[0], a[1], b[0], b[1]);
}

/** What a checked value past LIMIT calls: the caller re-scores on BigInt. */
function overflow(): never {
  throw OVERFLOW;
}

const helpers = { mul: mulScaled, div: divScaled, round: roundScaled, cmpQV, cmpQQ, overflow, keys: keyCount };

/** A number literal for generated code: only a safe integer ever becomes source. */
function lit(n: number | bigint): string {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new Error("generate: literal outside the safe integer range");
  return v < 0 ? `(${String(v)})` : String(v);
}

/** Points of a scaled constant as code: a whole number as a literal (a constant in V8's literal). */
function points(scaled: bigint): string {
  return scaled % BigInt(SCALE) === 0n ? lit(scaled / BigInt(SCALE)) : `${lit(scaled)} / ${lit(SCALE)}`;
}

function key(name: string): string {
  return JSON.stringify(name);
}

/**
 * `x`, checked against the exact range: the overflow test written out, not a helper call, so
 * that V8's inlining budget goes to the result's own constructors (a reason per criterion). One
 * temporary `t` serves every check: it is read only right after it is set.
 */
function checked(x: string): string {
  return `((t = ${x}) > ${lit(LIMIT)} || t < ${lit(-LIMIT)} ? O() : t)`;
}

/**
 * A sum of terms: plain + where the analysis proves it exact, else checked. Terms that are never
 * negative (criteria, items) need one check of the whole sum: their partial sums only grow, so if
 * the last is within LIMIT every earlier one was, and exact.
 */
function sum(terms: readonly string[], safe: boolean, nonNegative = false): string {
  if (terms.length === 0) return "0";
  if (safe) return `(${terms.join(" + ")})`;
  if (nonNegative) return checked(terms.join(" + "));
  return terms.reduce((acc, t) => checked(`${acc} + ${t}`));
}

const CMP_JS = { ">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": "===", "≠": "!==" } as const;
const FLIP = { ">=": "<=", ">": "<", "<=": ">=", "<": ">", "=": "=", "≠": "≠" } as const;

class Generator {
  private readonly lines: string[] = [];
  private temp = 0;

  constructor(
    private readonly ir: RubricIR,
    private readonly safety: Analysis,
  ) {}

  private emit(line: string): void {
    this.lines.push(line);
  }

  private fresh(): string {
    return `t${this.temp++}`;
  }

  private safe(e: NumExpr): boolean {
    const r = this.safety.num(e);
    return r.lo >= -SAFE && r.hi <= SAFE;
  }

  /** Code for the unscaled value of an expression that is always a whole number, or null. */
  private whole(e: NumExpr): string | null {
    if (e.op === "const" && e.value % BigInt(SCALE) === 0n) return lit(e.value / BigInt(SCALE));
    if (e.op === "input" && this.ir.inputs[e.slot]?.kind === "count") return `n${e.slot}`;
    return null;
  }

  num(e: NumExpr): string {
    switch (e.op) {
      case "const":
        return lit(e.value);
      case "input":
        return `s${e.slot}`;
      case "let":
        return `l${e.slot}`;
      case "neg":
        return `(0 - ${this.num(e.a)})`;
      case "add":
        return this.safe(e) ? `(${this.num(e.a)} + ${this.num(e.b)})` : checked(`${this.num(e.a)} + ${this.num(e.b)}`);
      case "sub":
        return this.safe(e) ? `(${this.num(e.a)} - ${this.num(e.b)})` : checked(`${this.num(e.a)} - ${this.num(e.b)}`);
      case "mul":
        return this.product(e.a, e.b, this.safe(e));
      case "div":
        return `H.div(${this.num(e.a)}, ${this.num(e.b)})`;
      case "min":
      case "max":
        return `Math.${e.op}(${e.args.map((a) => this.num(a)).join(", ")})`;
      case "round":
        return `H.round(${this.num(e.a)}, ${Number(e.unit)}, "${e.mode}")`;
      case "if":
        return `(${this.bool(e.cond)} ? ${this.num(e.then)} : ${this.num(e.else)})`;
      case "cohort":
        return `C[${lit(e.figure)}]`;
    }
  }

  /** a × b; `safe` when the analysis proves the product stays within the exact range. */
  private product(a: NumExpr, b: NumExpr, safe: boolean): string {
    // × a whole number (a count, or a literal like 5) needs no rounding: scaled × integer.
    const ub = this.whole(b);
    const ua = ub === null ? this.whole(a) : null;
    if (ub !== null || ua !== null) {
      const product = ub !== null ? `${this.num(a)} * ${ub}` : `${ua} * ${this.num(b)}`;
      return safe ? `(${product})` : checked(product);
    }
    return `H.mul(${this.num(a)}, ${this.num(b)})`;
  }

  bool(e: BoolExpr): string {
    switch (e.op) {
      case "bconst":
        return e.value ? "true" : "false";
      case "binput":
        return `s${e.slot}`;
      case "blet":
        return `l${e.slot}`;
      case "cmp": {
        const { a, b } = e;
        if (a.op === "div" && b.op === "div") {
          return `(H.cmpQQ(${this.num(a.a)}, ${this.num(a.b)}, ${this.num(b.a)}, ${this.num(b.b)}) ${CMP_JS[e.cmp]} 0)`;
        }
        if (a.op === "div") return `(H.cmpQV(${this.num(a.a)}, ${this.num(a.b)}, ${this.num(b)}) ${CMP_JS[e.cmp]} 0)`;
        if (b.op === "div") {
          return `(H.cmpQV(${this.num(b.a)}, ${this.num(b.b)}, ${this.num(a)}) ${CMP_JS[FLIP[e.cmp]]} 0)`;
        }
        return `(${this.num(a)} ${CMP_JS[e.cmp]} ${this.num(b)})`;
      }
      case "beq":
        return `(${this.bool(e.a)} ${e.negate ? "!==" : "==="} ${this.bool(e.b)})`;
      case "and":
        return `(${this.bool(e.a)} && ${this.bool(e.b)})`;
      case "or":
        return `(${this.bool(e.a)} || ${this.bool(e.b)})`;
      case "not":
        return `(!${this.bool(e.a)})`;
      case "bif":
        return `(${this.bool(e.cond)} ? ${this.bool(e.then)} : ${this.bool(e.else)})`;
    }
  }

  private clauses(clauses: readonly ClauseIR[]): string {
    let safe = true;
    const terms = clauses.map((c) => {
      const r = this.safety.clauses([c]);
      const termSafe = r.lo >= -SAFE && r.hi <= SAFE;
      safe &&= termSafe;
      return c.kind === "per"
        ? this.product(c.amount, c.count, termSafe)
        : `(${this.bool(c.cond)} ? ${this.num(c.amount)} : 0)`;
    });
    const r = this.safety.clauses(clauses);
    return sum(terms, safe && r.lo >= -SAFE && r.hi <= SAFE);
  }

  /** Emits the statements that compute criterion `c` into variable `out`. */
  private criterion(c: CriterionIR, out: string): void {
    const r = c.rule;
    switch (r.kind) {
      case "award": {
        const amount = this.num(r.amount);
        if (r.cond === null) this.emit(`let ${out} = ${amount};`);
        else this.emit(`let ${out} = ${this.bool(r.cond)} ? ${amount} : ${r.otherwise ? this.num(r.otherwise) : "0"};`);
        break;
      }
      case "discretionary":
        this.emit(`let ${out} = s${r.slot};`);
        break;
      case "deduction": {
        const f = this.fresh();
        const base = this.num(r.base);
        const clauses = this.clauses(r.clauses);
        let taken = clauses;
        if (r.cap) {
          const m = this.fresh();
          taken = this.fresh();
          this.emit(`const ${m} = ${this.num(r.cap)};`);
          this.emit(`const ${taken} = ${clauses} > ${m} ? ${m} : ${clauses};`);
        }
        const b = this.safety.num(r.base);
        const t = this.safety.deducted(r);
        const exact = b.lo - t.hi >= -SAFE && b.hi - t.lo <= SAFE && t.hi <= SAFE && t.lo >= -SAFE;
        this.emit(exact ? `let ${out} = ${base} - ${taken};` : `let ${out} = ${checked(`${base} - ${taken}`)};`);
        this.emit(`const ${f} = ${r.floor ? this.num(r.floor) : "0"};`);
        this.emit(`if (${out} < ${f}) ${out} = ${f};`);
        break;
      }
      case "bonus": {
        this.emit(`let ${out} = ${this.clauses(r.clauses)};`);
        if (r.cap) {
          const m = this.fresh();
          this.emit(`const ${m} = ${this.num(r.cap)};`);
          this.emit(`if (${out} > ${m}) ${out} = ${m};`);
        }
        break;
      }
    }
    const kos = c.knockOuts.map((k) => this.bool(k.cond));
    if (kos.length > 0) this.emit(`if (${kos.join(" || ")}) ${out} = 0;`);
    // A criterion is never negative; only rules that can go below 0 need the clamp.
    if (this.safety.raw(c).lo < 0) this.emit(`if (${out} < 0) ${out} = 0;`);
  }

  /**
   * Emits the checked read of one fact into s<slot> (and n<slot>, the unscaled whole number, for
   * counts); a bad fact returns undefined. The common case (a valid fact) is tested first.
   */
  private input(input: InputIR): void {
    const s = `s${input.slot}`;
    const n = `n${input.slot}`;
    const def = input.default;
    const S = lit(SCALE);
    const missing =
      def === null
        ? "return undefined;"
        : input.kind === "yesno"
          ? `${s} = ${def !== 0n ? "true" : "false"};`
          : input.kind === "count"
            ? `${s} = ${lit(def)}; ${n} = ${lit(def / BigInt(SCALE))};`
            : `${s} = ${lit(def)};`;
    const r = `r${input.slot}`;
    this.emit(`v = f[${key(input.name)}]; if (v !== undefined) k++;`);
    this.emit(input.kind === "count" ? `let ${s}, ${n};` : input.kind === "score" ? `let ${s}, ${r};` : `let ${s};`);
    const otherwise = `else if (v === undefined) { ${missing} } else return undefined;`;
    switch (input.kind) {
      case "yesno":
        this.emit(`if (v === true || v === false) ${s} = v; ${otherwise}`);
        break;
      case "count":
        // (v >>> 0) === v: a whole number from 0 to 2^32 − 1 (no NaN, no string, no fraction).
        this.emit(`if ((v >>> 0) === v && v <= ${lit(MAX_FACT)}) { ${n} = v + 0; ${s} = ${n} * ${S}; } ${otherwise}`);
        break;
      case "number":
        this.emit(
          `if (typeof v === "number" && v >= 0 && v <= ${lit(MAX_FACT)}) { ${s} = Math.round(v * ${S}); if (${s} / ${S} !== v) return undefined; ${s} += 0; } ${otherwise}`,
        );
        break;
      case "percent": {
        const [lo, hi] = percentRange(input).map((x) => Number(x) / 10_000);
        this.emit(
          `if (typeof v === "number" && v >= ${lo} && v <= ${hi}) { ${s} = Math.round(v * 10000); if (${s} / 10000 !== v) return undefined; ${s} += 0; } ${otherwise}`,
        );
        break;
      }
      case "score": {
        const min = input.min ?? 0n;
        const max = input.max ?? 0n;
        this.emit(`if (v === undefined) { ${missing} } else {`);
        this.emit(`let x = v;`);
        this.emit(`if (typeof v === "object" && v !== null && !Array.isArray(v)) {`);
        this.emit(
          `x = v.value; ${r} = v.reason; if (${r} !== undefined && typeof ${r} !== "string") return undefined;`,
        );
        this.emit(`} else if (typeof v !== "number") return undefined;`);
        this.emit(`if (typeof x !== "number" || !(x >= ${lit(-MAX_FACT)} && x <= ${lit(MAX_FACT)})) return undefined;`);
        this.emit(`${s} = Math.round(x * ${S});`);
        this.emit(`if (${s} / ${S} !== x || ${s} < ${lit(min)} || ${s} > ${lit(max)}) return undefined;`);
        if (input.step !== null) this.emit(`if ((${s} - ${lit(min)}) % ${lit(input.step)} !== 0) return undefined;`);
        this.emit(`if (${s} < ${lit(max)} && (typeof ${r} !== "string" || ${r}.trim() === "")) return undefined;`);
        this.emit(`${s} += 0;`);
        this.emit(`}`);
        break;
      }
    }
  }

  /**
   * Emits one scoring function: "full" returns a ScoreResult, "totals" only item points, and
   * "explain" a ScoreResult whose reasons are R objects (lazy-reason.ts) over one snapshot of the
   * subject's values: explaining costs an array per subject and a small object per criterion, and
   * the words are made only when read.
   */
  private fn(name: string, shape: "full" | "totals" | "explain"): void {
    const ir = this.ir;
    this.temp = 0;
    // C: the subject's scaled cohort figures, F: the figures with their ties (cohort.ts); unused
    // by rubrics without cohort rules.
    this.emit(`function ${name}(f, C, F) {`);
    this.emit(`if (typeof f !== "object" || f === null || Array.isArray(f)) return undefined;`);
    this.emit(`let v, t, k = 0;`);
    for (const input of ir.inputs) this.input(input);
    // A key that is no input's name: the schema reports it (or reads it as the input it means).
    this.emit(`if (H.keys(f) !== k) return undefined;`);
    for (const l of ir.lets) {
      this.emit(
        `const l${l.slot} = ${l.type === "bool" ? this.bool(l.expr as BoolExpr) : this.num(l.expr as NumExpr)};`,
      );
    }
    if (shape === "explain") {
      // The snapshot (see lazy-reason.ts): slot values, then each discretionary fact's reason.
      const values = ir.inputs.map((i) => `s${i.slot}`);
      const notes = ir.inputs.filter((i) => i.kind === "score").map((i) => `r${i.slot}`);
      const figures = ir.cohort.figures.length > 0 ? ["F"] : [];
      this.emit(`const SN = [${[...values, ...notes, ...figures].join(", ")}];`);
    }
    let k = 0;
    const itemExprs: string[] = [];
    const totalTerms: string[] = [];
    let itemMost = 0;
    ir.items.forEach((item, i) => {
      const names: string[] = [];
      item.criteria.forEach((c, j) => {
        const cname = `c${i}_${j}`;
        this.criterion(c, cname);
        names.push(cname);
      });
      const range = item.criteria.reduce((acc, c) => acc + this.safety.criterion(c).hi, 0);
      itemMost += range;
      this.emit(`const p${i} = ${sum(names, range <= SAFE, true)};`);
      totalTerms.push(`p${i}`);
      if (shape === "totals") {
        itemExprs.push(`p${i} / ${lit(SCALE)}`);
        return;
      }
      const reason = (): string => (shape === "explain" ? `, reason: new R(SN, ${lit(k++)})` : "");
      const criteria = item.criteria
        .map((c, j) => `{ number: ${lit(c.number)}, points: c${i}_${j} / ${lit(SCALE)}${reason()} }`)
        .join(", ");
      itemExprs.push(
        `{ number: ${lit(item.number)}, title: T[${i}], standard: ${points(item.standard)}, points: p${i} / ${lit(SCALE)}, criteria: [${criteria}] }`,
      );
    });
    this.emit(`let total = ${sum(totalTerms, itemMost <= SAFE, true)};`);
    this.emit(`let veto = null;`);
    ir.vetoes.forEach((v, i) => {
      const veto =
        shape === "explain"
          ? `{ reason: V[${i}].reason, span: V[${i}].span, explanation: X.veto(SN, ${i}) }`
          : `V[${i}]`;
      this.emit(`${i === 0 ? "" : "else "}if (${this.bool(v.cond)}) { veto = ${veto}; total = 0; }`);
    });
    this.emit(`let grade = null;`);
    ir.grades.forEach((g, i) => {
      const test = g.min === null ? "true" : `total >= ${lit(g.min)}`;
      this.emit(`${i === 0 ? "" : "else "}if (${test}) grade = G[${i}];`);
    });
    this.emit(`return { total: total / ${lit(SCALE)}, grade, veto, items: [${itemExprs.join(", ")}] };`);
    this.emit(`}`);
  }

  source(): string {
    this.emit(`"use strict";`);
    this.emit(`const R = X.Reason, O = H.overflow;`);
    this.fn("score", "full");
    this.fn("totals", "totals");
    this.fn("explained", "explain");
    this.emit(`return { score, totals, explained };`);
    return this.lines.join("\n");
  }
}

/** The generated source of a rubric's scorer (exposed for tests and for reading). */
export function generateSource(ir: RubricIR, safety: Analysis): string {
  return new Generator(ir, safety).source();
}

/**
 * A scorer of raw facts: the result, or undefined when any fact is missing or invalid. In a
 * cohort, `figures` are the subject's scaled figures and `notes` the same with their ties.
 */
export type GeneratedScorer = (
  facts: unknown,
  figures?: readonly number[],
  notes?: readonly Figure[],
) => ScoreResult | undefined;
export type GeneratedTotals = (facts: unknown, figures?: readonly number[]) => TotalsResult | undefined;

export interface Generated {
  readonly score: GeneratedScorer;
  readonly totals: GeneratedTotals;
  readonly explained: GeneratedScorer;
}

/**
 * Compiles the generated source with `new Function`; null where the runtime forbids it (a page's
 * Content-Security-Policy without 'unsafe-eval').
 */
export function compileGenerated(ir: RubricIR, safety: Analysis, reasons: LazyReasons): Generated | null {
  let source: string;
  try {
    source = generateSource(ir, safety);
  } catch {
    return null;
  }
  const titles = ir.items.map((i) => i.title);
  const vetoes: VetoResult[] = ir.vetoes.map((v) => Object.freeze({ reason: v.reason, span: v.span }));
  const grades = ir.grades.map((g) => g.label);
  try {
    const factory = new Function("H", "T", "V", "G", "X", source) as (
      h: typeof helpers,
      t: readonly string[],
      v: readonly VetoResult[],
      g: readonly string[],
      x: LazyReasons,
    ) => Generated;
    return factory(helpers, titles, vetoes, grades, reasons);
  } catch {
    return null;
  }
}
