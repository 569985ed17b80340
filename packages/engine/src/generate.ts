// IR → JavaScript source → one straight-line scoring function: the fastest scorer, used wherever
// the page or runtime allows `new Function` (closures.ts is the fallback).
//
// Injection safety, the way ajv does it: nothing from the rubric text becomes code except
//  - fact keys, emitted only through JSON.stringify (which always yields one valid string literal);
//  - numbers, emitted only after Number.isSafeInteger() (so only digits and a minus sign).
// Every other identifier in the output is made here (s0, l1, c2_3, …); titles, labels, veto
// reasons and spans reach the function as data in arrays, never as source.

import type { Analysis } from "./bounds.ts";
import {
  LIMIT,
  SCALE,
  addChecked,
  compareFractions,
  divScaled,
  mulScaled,
  scaleUp,
  subChecked,
} from "./decimal.ts";
import { MAX_FACT } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, InputIR, NumExpr, RubricIR } from "./ir.ts";
import type { ScoreResult, VetoResult } from "./result.ts";

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

const helpers = { add: addChecked, sub: subChecked, mul: mulScaled, div: divScaled, cmpQV, cmpQQ };

/** A number literal for generated code: only a safe integer ever becomes source. */
function lit(n: number | bigint): string {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new Error("generate: literal outside the safe integer range");
  return v < 0 ? `(${String(v)})` : String(v);
}

function key(name: string): string {
  return JSON.stringify(name);
}

/** A sum of terms: plain + where the analysis proves it exact, else checked. */
function sum(terms: readonly string[], safe: boolean): string {
  if (terms.length === 0) return "0";
  if (safe) return `(${terms.join(" + ")})`;
  return terms.reduce((acc, t) => `H.add(${acc}, ${t})`);
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
        return this.safe(e) ? `(${this.num(e.a)} + ${this.num(e.b)})` : `H.add(${this.num(e.a)}, ${this.num(e.b)})`;
      case "sub":
        return this.safe(e) ? `(${this.num(e.a)} - ${this.num(e.b)})` : `H.sub(${this.num(e.a)}, ${this.num(e.b)})`;
      case "mul":
        return `H.mul(${this.num(e.a)}, ${this.num(e.b)})`;
      case "div":
        return `H.div(${this.num(e.a)}, ${this.num(e.b)})`;
      case "min":
      case "max":
        return `Math.${e.op}(${e.args.map((a) => this.num(a)).join(", ")})`;
      case "if":
        return `(${this.bool(e.cond)} ? ${this.num(e.then)} : ${this.num(e.else)})`;
    }
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
    const terms = clauses.map((c) =>
      c.kind === "per"
        ? `H.mul(${this.num(c.amount)}, ${this.num(c.count)})`
        : `(${this.bool(c.cond)} ? ${this.num(c.amount)} : 0)`,
    );
    const r = this.safety.clauses(clauses);
    return sum(terms, r.lo >= -SAFE && r.hi <= SAFE);
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
        this.emit(`let ${out} = H.sub(${this.num(r.base)}, ${this.clauses(r.clauses)});`);
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
    this.emit(`if (${out} < 0) ${out} = 0;`);
  }

  /** Emits the checked read of one fact into s<slot>; a bad fact returns undefined. */
  private input(input: InputIR): void {
    const s = `s${input.slot}`;
    const def = input.default;
    const missing =
      def === null ? "return undefined;" : `${s} = ${input.kind === "yesno" ? (def !== 0n ? "true" : "false") : lit(def)};`;
    this.emit(`v = f[${key(input.name)}];`);
    this.emit(`let ${s};`);
    this.emit(`if (v === undefined) { ${missing} } else {`);
    switch (input.kind) {
      case "yesno":
        this.emit(`if (v !== true && v !== false) return undefined; ${s} = v;`);
        break;
      case "count":
        this.emit(
          `if (typeof v !== "number" || !Number.isInteger(v) || !(v >= 0 && v <= ${lit(MAX_FACT)})) return undefined;`,
        );
        this.emit(`${s} = v * ${lit(SCALE)} + 0;`);
        break;
      case "number":
        this.emit(`if (typeof v !== "number" || !(v >= 0 && v <= ${lit(MAX_FACT)})) return undefined;`);
        this.emit(`${s} = Math.round(v * ${lit(SCALE)}); if (${s} / ${lit(SCALE)} !== v) return undefined; ${s} += 0;`);
        break;
      case "percent":
        this.emit(`if (typeof v !== "number" || !(v >= 0 && v <= 100)) return undefined;`);
        this.emit(`${s} = Math.round(v * 10000); if (${s} / 10000 !== v) return undefined; ${s} += 0;`);
        break;
      case "score": {
        const min = input.min ?? 0n;
        const max = input.max ?? 0n;
        this.emit(`let x = v, r;`);
        this.emit(`if (typeof v === "object" && v !== null && !Array.isArray(v)) {`);
        this.emit(`x = v.value; r = v.reason; if (r !== undefined && typeof r !== "string") return undefined;`);
        this.emit(`} else if (typeof v !== "number") return undefined;`);
        this.emit(`if (typeof x !== "number" || !(x >= ${lit(-MAX_FACT)} && x <= ${lit(MAX_FACT)})) return undefined;`);
        this.emit(`${s} = Math.round(x * ${lit(SCALE)});`);
        this.emit(`if (${s} / ${lit(SCALE)} !== x || ${s} < ${lit(min)} || ${s} > ${lit(max)}) return undefined;`);
        if (input.step !== null) this.emit(`if ((${s} - ${lit(min)}) % ${lit(input.step)} !== 0) return undefined;`);
        this.emit(`if (${s} < ${lit(max)} && (typeof r !== "string" || r.trim() === "")) return undefined;`);
        this.emit(`${s} += 0;`);
        break;
      }
    }
    this.emit(`}`);
  }

  source(): string {
    const ir = this.ir;
    this.emit(`"use strict";`);
    this.emit(`return function score(f) {`);
    this.emit(`if (typeof f !== "object" || f === null || Array.isArray(f)) return undefined;`);
    this.emit(`let v;`);
    for (const input of ir.inputs) this.input(input);
    for (const l of ir.lets) {
      this.emit(`const l${l.slot} = ${l.type === "bool" ? this.bool(l.expr as BoolExpr) : this.num(l.expr as NumExpr)};`);
    }
    const itemExprs: string[] = [];
    const totalTerms: string[] = [];
    let itemMost = 0;
    ir.items.forEach((item, i) => {
      const names: string[] = [];
      item.criteria.forEach((c, j) => {
        const name = `c${i}_${j}`;
        this.criterion(c, name);
        names.push(name);
      });
      const range = item.criteria.reduce((acc, c) => acc + this.safety.criterion(c).hi, 0);
      itemMost += range;
      this.emit(`const p${i} = ${sum(names, range <= SAFE)};`);
      totalTerms.push(`p${i}`);
      const criteria = item.criteria
        .map((c, j) => `{ number: ${lit(c.number)}, points: c${i}_${j} / ${lit(SCALE)} }`)
        .join(", ");
      itemExprs.push(
        `{ number: ${lit(item.number)}, title: T[${i}], standard: ${lit(item.standard)} / ${lit(SCALE)}, points: p${i} / ${lit(SCALE)}, criteria: [${criteria}] }`,
      );
    });
    this.emit(`let total = ${sum(totalTerms, itemMost <= SAFE)};`);
    this.emit(`let veto = null;`);
    ir.vetoes.forEach((v, i) => {
      this.emit(`${i === 0 ? "" : "else "}if (${this.bool(v.cond)}) { veto = V[${i}]; total = 0; }`);
    });
    this.emit(`let grade = null;`);
    ir.grades.forEach((g, i) => {
      const test = g.min === null ? "true" : `total >= ${lit(g.min)}`;
      this.emit(`${i === 0 ? "" : "else "}if (${test}) grade = G[${i}];`);
    });
    this.emit(`return { total: total / ${lit(SCALE)}, grade, veto, items: [${itemExprs.join(", ")}] };`);
    this.emit(`};`);
    return this.lines.join("\n");
  }
}

/** The generated source of a rubric's scorer (exposed for tests and for reading). */
export function generateSource(ir: RubricIR, safety: Analysis): string {
  return new Generator(ir, safety).source();
}

/** A scorer of raw facts: the result, or undefined when any fact is missing or invalid. */
export type GeneratedScorer = (facts: unknown) => ScoreResult | undefined;

/**
 * Compiles the generated source with `new Function`; null where the runtime forbids it (a page's
 * Content-Security-Policy without 'unsafe-eval').
 */
export function compileGenerated(ir: RubricIR, safety: Analysis): GeneratedScorer | null {
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
    const factory = new Function("H", "T", "V", "G", source) as (
      h: typeof helpers,
      t: readonly string[],
      v: readonly VetoResult[],
      g: readonly string[],
    ) => GeneratedScorer;
    return factory(helpers, titles, vetoes, grades);
  } catch {
    return null;
  }
}
