// The explaining interpreter: walks the IR for one subject and, when asked, says why each
// criterion has its points. Generic over the arithmetic, so the same walk runs on checked doubles
// (explain) and on BigInt (the exact fallback when a number op overflows, and the oracle the fast
// evaluators are tested against).

import type { Arith } from "./arith.ts";
import type { Span } from "./ast.ts";
import { scoreReason } from "./facts.ts";
import type { Slots } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, Expr, InputIR, NumExpr, RubricIR } from "./ir.ts";
import { isBool } from "./ir.ts";
import type { CriterionScore, ItemScore, Outcome, Reason, ScoreResult, UsedValue, VetoResult } from "./result.ts";

type Lang = "zh" | "en";

/** Thrown when a suggestion reads a fact not given yet. */
const MISSING: unique symbol = Symbol("kaoping.missing");

const CMP_TEXT = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "≠": "≠" } as const;
const WORDS = {
  zh: { yes: "是", no: "否", and: "且", or: "或", not: "非", min: "最小", max: "最大", sep: "，" },
  en: { yes: "yes", no: "no", and: "and", or: "or", not: "not", min: "min", max: "max", sep: ", " },
} as const;

/** Binding strength, for parentheses in rendered formulas. */
function precedence(e: Expr): number {
  switch (e.op) {
    case "if":
    case "bif":
      return 0;
    case "or":
      return 1;
    case "and":
      return 2;
    case "not":
      return 3;
    case "cmp":
    case "beq":
    case "binput":
    case "blet":
      return 4;
    case "add":
    case "sub":
      return 5;
    case "mul":
    case "div":
      return 6;
    case "neg":
      return 7;
    default:
      return 9;
  }
}

function isLeaf(e: NumExpr): boolean {
  return e.op === "const" || e.op === "input" || e.op === "let";
}

export class Interpreter<T> {
  private vals: (T | boolean | undefined)[] = [];
  private lets: (T | boolean | undefined)[] = [];
  private used: UsedValue[] = [];
  private facts: Readonly<Record<string, unknown>> = {};

  /** Per criterion: the slots its explanation depends on, and explanations already made. */
  private readonly memo = new Map<
    CriterionIR,
    {
      inputs: number[];
      lets: number[];
      discretionary: string | null;
      cache: Map<unknown, Reason>;
      size: number;
      pending: { level: Map<unknown, unknown>; key: unknown } | null;
    }
  >();

  constructor(
    private readonly ir: RubricIR,
    private readonly A: Arith<T>,
  ) {
    for (const item of ir.items) {
      for (const c of item.criteria) {
        const inputs = new Set<number>();
        const lets = new Set<number>();
        collectCriterion(c, inputs, lets);
        const discretionary = c.rule.kind === "discretionary" ? (ir.inputs[c.rule.slot]?.name ?? null) : null;
        this.memo.set(c, {
          inputs: [...inputs],
          lets: [...lets],
          discretionary,
          cache: new Map(),
          size: 0,
          pending: null,
        });
      }
    }
  }

  /**
   * A criterion's reason is a pure function of the values it reads (and the assessor's reason of
   * a discretionary score), so reasons are kept per criterion and shared, frozen, between results
   * with the same values: scoring a period explains each distinct case once.
   */
  private reason(c: CriterionIR, points: T): Reason {
    const m = this.memo.get(c);
    if (!m) return this.explain(c, points);
    // A lookup whose explanation threw (OVERFLOW, re-done on BigInt) must not leave its slot behind.
    m.pending = null;
    // Nested maps, one level per value read: no key strings to build and hash.
    let level: Map<unknown, unknown> = m.cache as Map<unknown, unknown>;
    const n = m.inputs.length + m.lets.length + (m.discretionary === null ? 0 : 1);
    let k = 0;
    let hit: unknown = level;
    for (const i of m.inputs) {
      hit = this.step(level, this.vals[i], ++k === n, m);
      if (hit === undefined) break;
      level = hit as Map<unknown, unknown>;
    }
    if (hit !== undefined) {
      for (const i of m.lets) {
        hit = this.step(level, this.lets[i], ++k === n, m);
        if (hit === undefined) break;
        level = hit as Map<unknown, unknown>;
      }
    }
    if (hit !== undefined && m.discretionary !== null) {
      hit = this.step(level, scoreReason(this.facts[m.discretionary]) ?? "", true, m);
    }
    if (hit instanceof Map || hit === undefined || n === 0) {
      // A miss (or a criterion that reads nothing): explain and remember it.
      // Shared between results: the types are readonly (freezing would cost more than explaining).
      const r = this.explain(c, points);
      this.remember(m, r);
      return r;
    }
    return hit as Reason;
  }

  /** One level of the reason cache: the next map, the reason at the last level, or undefined. */
  private step(
    level: Map<unknown, unknown>,
    key: unknown,
    last: boolean,
    m: { pending: { level: Map<unknown, unknown>; key: unknown } | null },
  ): unknown {
    const next = level.get(key);
    if (next !== undefined) return next;
    if (last) {
      m.pending = { level, key };
      return undefined;
    }
    const created = new Map<unknown, unknown>();
    level.set(key, created);
    return created;
  }

  private remember(
    m: { cache: Map<unknown, Reason>; size: number; pending: { level: Map<unknown, unknown>; key: unknown } | null },
    r: Reason,
  ): void {
    if (m.pending === null) return;
    if (m.size >= 4096) {
      // Bounded: a period with many distinct cases starts the cache over rather than grow it.
      m.cache.clear();
      m.size = 0;
    } else {
      m.pending.level.set(m.pending.key, r);
      m.size++;
    }
    m.pending = null;
  }

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

  /** Sets the subject whose criteria `reasonOf` explains: its slot values and facts. */
  prepare(slots: Slots, facts: Readonly<Record<string, unknown>>): void {
    this.facts = facts;
    this.vals = this.toVals(slots);
    this.lets = [];
    for (const l of this.ir.lets) this.lets.push(isBool(l.expr) ? this.bool(l.expr) : this.num(l.expr));
  }

  /** The reason of one criterion of the prepared subject. */
  reasonOf(c: CriterionIR): Reason {
    return this.reason(c, this.A.zero);
  }

  /** The explanation of a veto that held for the prepared subject. */
  vetoExplanation(v: { reason: string; cond: BoolExpr }): { zh: string; en: string } {
    return this.explainVeto(v.reason, v.cond);
  }

  /** Scores one subject from its checked slot values (see facts.ts). */
  run(slots: Slots, facts: Readonly<Record<string, unknown>>, explain: boolean): ScoreResult {
    const A = this.A;
    this.facts = facts;
    this.vals = this.toVals(slots);
    this.lets = [];
    for (const l of this.ir.lets) this.lets.push(isBool(l.expr) ? this.bool(l.expr) : this.num(l.expr));

    let total = A.zero;
    const items: ItemScore[] = [];
    for (const item of this.ir.items) {
      let sum = A.zero;
      const criteria: CriterionScore[] = [];
      for (const c of item.criteria) {
        const points = this.criterion(c);
        sum = A.add(sum, points);
        criteria.push(
          explain
            ? { number: c.number, points: A.toPoints(points), reason: this.reason(c, points) }
            : { number: c.number, points: A.toPoints(points) },
        );
      }
      total = A.add(total, sum);
      items.push({
        number: item.number,
        title: item.title,
        standard: A.toPoints(A.fromScaled(item.standard)),
        points: A.toPoints(sum),
        criteria,
      });
    }
    let veto: VetoResult | null = null;
    for (const v of this.ir.vetoes) {
      if (this.bool(v.cond)) {
        veto = explain
          ? { reason: v.reason, span: v.span, explanation: this.explainVeto(v.reason, v.cond) }
          : { reason: v.reason, span: v.span };
        total = A.zero;
        break;
      }
    }
    return { total: A.toPoints(total), grade: this.grade(total), veto, items };
  }

  private grade(total: T): string | null {
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

  private slot(v: T | boolean | undefined): T | boolean {
    if (v === undefined) throw MISSING;
    return v;
  }

  // ── Evaluation ──────────────────────────────────────────────────────────────────────────

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
      case "if":
        return this.bool(e.cond) ? this.num(e.then) : this.num(e.else);
    }
  }

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
  private compare(op: keyof typeof CMP_TEXT, a: NumExpr, b: NumExpr): boolean {
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

  private clauses(clauses: readonly ClauseIR[]): T {
    const A = this.A;
    let sum = A.zero;
    for (const c of clauses) {
      if (c.kind === "per") sum = A.add(sum, A.mul(this.num(c.amount), this.num(c.count)));
      else if (this.bool(c.cond)) sum = A.add(sum, this.num(c.amount));
    }
    return sum;
  }

  /** The rule's value before knock-outs and the never-negative clamp. */
  private raw(c: CriterionIR): T {
    const A = this.A;
    const r = c.rule;
    switch (r.kind) {
      case "award":
        if (r.cond === null || this.bool(r.cond)) return this.num(r.amount);
        return r.otherwise ? this.num(r.otherwise) : A.zero;
      case "discretionary":
        return this.vals[r.slot] as T;
      case "deduction": {
        const v = A.sub(this.num(r.base), this.clauses(r.clauses));
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

  criterion(c: CriterionIR): T {
    for (const k of c.knockOuts) if (this.bool(k.cond)) return this.A.zero;
    const v = this.raw(c);
    return this.A.compare(v, this.A.zero) < 0 ? this.A.zero : v;
  }

  // ── Explanation ─────────────────────────────────────────────────────────────────────────

  private use(name: string, label: string | null, value: boolean | number, zh: string, en: string): void {
    // A rule reads a handful of values: a scan is cheaper than a Set per explanation.
    for (const u of this.used) if (u.name === name) return;
    this.used.push({ name, label, value, text: { zh, en } });
  }

  private inputOf(slot: number): InputIR {
    return this.ir.inputs[slot] as InputIR;
  }

  /** A value as shown: "40%" for ratios and percents, "12.5" otherwise, units added for inputs. */
  private show(v: T, percent: boolean): string {
    return percent ? `${this.A.percentPoints(v)}%` : this.A.format(v);
  }

  private yesNo(v: boolean, lang: Lang): string {
    return v ? WORDS[lang].yes : WORDS[lang].no;
  }

  private leafInput(slot: number, lang: Lang): string {
    const input = this.inputOf(slot);
    const v = this.vals[slot] as T | boolean;
    if (typeof v === "boolean") {
      this.use(input.name, input.label, v, this.yesNo(v, "zh"), this.yesNo(v, "en"));
      return `${input.name} = ${this.yesNo(v, lang)}`;
    }
    const text = this.show(v, input.kind === "percent");
    const withUnit = input.unit ? `${text} ${input.unit}` : text;
    const value = input.kind === "percent" ? Number(this.A.percentPoints(v)) : this.A.toPoints(v);
    this.use(input.name, input.label, value, withUnit, withUnit);
    return text;
  }

  private leafLet(slot: number, display: "number" | "percent" | "bool", lang: Lang): string {
    const l = this.ir.lets[slot];
    const v = this.lets[slot] as T | boolean;
    if (!l) return "?";
    if (typeof v === "boolean") {
      this.use(l.name, null, v, this.yesNo(v, "zh"), this.yesNo(v, "en"));
      return `${l.name} = ${this.yesNo(v, lang)}`;
    }
    const text = this.show(v, display === "percent");
    this.use(l.name, null, this.A.toPoints(v), text, text);
    return text;
  }

  private readonly childZh = (x: Expr, min: number): string => this.child(x, min, "zh");
  private readonly childEn = (x: Expr, min: number): string => this.child(x, min, "en");

  private childFor(lang: Lang): (x: Expr, min: number) => string {
    return lang === "zh" ? this.childZh : this.childEn;
  }

  /** A sub-formula, in parentheses when it binds more loosely than its place needs. */
  private child(x: Expr, min: number, lang: Lang): string {
    const s = this.render(x, lang);
    return precedence(x) < min ? `(${s})` : s;
  }

  /** A formula with every name replaced by its value; `if` shows only the branch taken. */
  render(e: Expr, lang: Lang): string {
    const W = WORDS[lang];
    const child = this.childFor(lang);
    switch (e.op) {
      case "const":
        return this.show(this.A.fromScaled(e.value), e.display === "percent");
      case "input":
      case "binput":
        return this.leafInput(e.slot, lang);
      case "let":
        return this.leafLet(e.slot, e.display, lang);
      case "blet":
        return this.leafLet(e.slot, "bool", lang);
      case "bconst":
        return this.yesNo(e.value, lang);
      case "neg":
        return `−${child(e.a, 8)}`;
      case "add":
        return `${child(e.a, 5)} + ${child(e.b, 5)}`;
      case "sub":
        return `${child(e.a, 5)} − ${child(e.b, 6)}`;
      case "mul":
        return `${child(e.a, 6)} × ${child(e.b, 6)}`;
      case "div":
        return `${child(e.a, 6)} ÷ ${child(e.b, 7)}`;
      case "min":
      case "max": {
        let args = "";
        for (const a of e.args) args += `${args === "" ? "" : ", "}${this.render(a, lang)}`;
        return `${W[e.op]}(${args})`;
      }
      case "if":
        return this.render(this.bool(e.cond) ? e.then : e.else, lang);
      case "bif":
        return this.render(this.bool(e.cond) ? e.then : e.else, lang);
      case "cmp":
        return `${this.side(e.a, lang)} ${CMP_TEXT[e.cmp]} ${this.side(e.b, lang)}`;
      case "beq":
        return `${child(e.a, 5)} ${e.negate ? "≠" : "="} ${child(e.b, 5)}`;
      case "and":
        return `${child(e.a, 2)} ${W.and} ${child(e.b, 2)}`;
      case "or":
        return `${child(e.a, 1)} ${W.or} ${child(e.b, 1)}`;
      case "not":
        return `${W.not} ${child(e.a, 5)}`;
    }
  }

  /** One side of a comparison: a value, or "(formula = value)". */
  private side(e: NumExpr, lang: Lang): string {
    const formula = this.render(e, lang);
    if (isLeaf(e)) return formula;
    return `(${formula} = ${this.show(this.num(e), e.display === "percent")})`;
  }

  private legend(lang: Lang): string {
    let parts = "";
    const sep = lang === "zh" ? "，" : ", ";
    for (const u of this.used) {
      // Yes/no values are already spelled out in the formula.
      if (typeof u.value === "boolean") continue;
      parts += `${parts === "" ? "" : sep}${u.name} = ${u.text[lang]}`;
    }
    if (parts === "") return "";
    return lang === "zh" ? `（${parts}）` : ` (${parts})`;
  }

  /** Renders `e` in both languages, then its legend; collects used values on the way. */
  private both(e: Expr): { zh: string; en: string } {
    const zh = this.render(e, "zh");
    const en = this.render(e, "en");
    return { zh, en };
  }

  private clausesFormula(base: string | null, clauses: readonly ClauseIR[], lang: Lang): string {
    const parts: string[] = base === null ? [] : [base];
    for (const c of clauses) {
      const amount = this.render(c.amount, lang);
      let term: string;
      if (c.kind === "per") {
        const count = this.render(c.count, lang);
        term = `${isLeaf(c.amount) ? amount : `(${amount})`} × ${isLeaf(c.count) ? count : `(${count})`}`;
      } else {
        // A "when" clause counts its amount when its condition holds, else nothing.
        const cond = this.render(c.cond, lang);
        term = this.bool(c.cond) ? `${amount}［${cond}］` : `0［${cond}］`;
      }
      if (parts.length === 0) parts.push(term);
      else parts.push(base === null ? `+ ${term}` : `− ${term}`);
    }
    return parts.join(" ");
  }

  private pts(v: T, lang: Lang): string {
    return lang === "zh"
      ? `${this.A.format(v)} 分`
      : `${this.A.format(v)} ${this.A.format(v) === "1" ? "point" : "points"}`;
  }

  explain(c: CriterionIR, points: T): Reason {
    const A = this.A;
    this.used = [];
    const r = c.rule;
    let outcome: Outcome;
    let zh: string;
    let en: string;
    let suggestion: number | undefined;
    let assessorReason: string | undefined;

    const raw = this.raw(c);
    switch (r.kind) {
      case "award": {
        const amountLeaf = isLeaf(r.amount);
        const amountZh = amountLeaf ? "" : `${this.render(r.amount, "zh")} = `;
        const amountEn = amountLeaf ? "" : `${this.render(r.amount, "en")} = `;
        if (r.cond === null) {
          outcome = "awarded";
          const lz = this.legend("zh");
          const le = this.legend("en");
          zh = `得 ${amountZh}${this.pts(raw, "zh")}${lz}`;
          en = `${amountEn}${this.pts(raw, "en")}${le}`;
          break;
        }
        const met = this.bool(r.cond);
        const cond = this.both(r.cond);
        const o = !met && r.otherwise ? this.both(r.otherwise) : null;
        const lz = this.legend("zh");
        const le = this.legend("en");
        if (met) {
          outcome = "met";
          zh = `条件成立：${cond.zh}${lz}，得 ${amountZh}${this.pts(raw, "zh")}`;
          en = `condition met: ${cond.en}${le}, so ${amountEn}${this.pts(raw, "en")}`;
        } else if (o && r.otherwise) {
          outcome = "unmet";
          const oLeaf = isLeaf(r.otherwise);
          zh = `条件不成立：${cond.zh}${lz}，得 ${oLeaf ? "" : `${o.zh} = `}${this.pts(raw, "zh")}`;
          en = `condition not met: ${cond.en}${le}, so ${oLeaf ? "" : `${o.en} = `}${this.pts(raw, "en")}`;
        } else {
          outcome = "unmet";
          zh = `条件不成立：${cond.zh}${lz}，不得分`;
          en = `condition not met: ${cond.en}${le}, so 0 points`;
        }
        break;
      }
      case "discretionary": {
        outcome = "scored";
        const input = this.inputOf(r.slot);
        const given = scoreReason(this.facts[input.name]);
        if (given !== null && given.trim() !== "") assessorReason = given;
        zh = `评定 ${this.pts(raw, "zh")}${assessorReason ? `（理由：${assessorReason}）` : ""}`;
        en = `assessed at ${this.pts(raw, "en")}${assessorReason ? ` (reason: ${assessorReason})` : ""}`;
        if (r.suggestion) {
          const s = this.num(r.suggestion);
          suggestion = A.toPoints(s);
          const f = this.both(r.suggestion);
          const leaf = isLeaf(r.suggestion);
          zh += `；建议 ${leaf ? "" : `${f.zh} = `}${this.pts(s, "zh")}${this.legend("zh")}`;
          en += `; suggested ${leaf ? "" : `${f.en} = `}${this.pts(s, "en")}${this.legend("en")}`;
        }
        // Listed last: the legend above is about the suggestion.
        this.use(input.name, input.label, A.toPoints(raw), A.format(raw), A.format(raw));
        break;
      }
      case "deduction": {
        const base = this.render(r.base, "zh");
        const baseEn = this.render(r.base, "en");
        const unfloored = A.sub(this.num(r.base), this.clauses(r.clauses));
        const floor = r.floor ? this.num(r.floor) : A.zero;
        const fz = this.clausesFormula(isLeaf(r.base) ? base : `(${base})`, r.clauses, "zh");
        const fe = this.clausesFormula(isLeaf(r.base) ? baseEn : `(${baseEn})`, r.clauses, "en");
        const floored = A.compare(unfloored, floor) < 0;
        outcome = floored ? "floored" : "computed";
        const legendZh = this.legend("zh");
        const legendEn = this.legend("en");
        if (floored) {
          const fl = r.floor ? `不低于 ${this.pts(floor, "zh")}` : "扣完为止";
          const flEn = r.floor ? `not below ${this.pts(floor, "en")}` : "deductions stop at 0";
          zh = `${fz}${legendZh}${eqZh(legendZh)}${A.format(unfloored)}，${fl}，得 ${this.pts(raw, "zh")}`;
          en = `${fe}${legendEn} = ${A.format(unfloored)}; ${flEn}, so ${this.pts(raw, "en")}`;
        } else {
          zh = `${fz}${legendZh}${eqZh(legendZh)}${this.pts(raw, "zh")}`;
          en = `${fe}${legendEn} = ${this.pts(raw, "en")}`;
        }
        break;
      }
      case "bonus": {
        const sum = this.clauses(r.clauses);
        const fz = this.clausesFormula(null, r.clauses, "zh");
        const fe = this.clausesFormula(null, r.clauses, "en");
        const legendZh = this.legend("zh");
        const legendEn = this.legend("en");
        const capped = r.cap !== null && A.compare(sum, this.num(r.cap)) > 0;
        outcome = capped ? "capped" : "computed";
        if (capped && r.cap) {
          const cap = this.num(r.cap);
          zh = `加分 ${fz}${legendZh}${eqZh(legendZh)}${A.format(sum)}，最多 ${this.pts(cap, "zh")}，得 ${this.pts(raw, "zh")}`;
          en = `bonus ${fe}${legendEn} = ${A.format(sum)}, capped at ${this.pts(cap, "en")}, so ${this.pts(raw, "en")}`;
        } else {
          zh = `加分 ${fz}${legendZh}${eqZh(legendZh)}${this.pts(raw, "zh")}`;
          en = `bonus ${fe}${legendEn} = ${this.pts(raw, "en")}`;
        }
        break;
      }
    }
    let knocked: (typeof c.knockOuts)[number] | undefined;
    for (const k of c.knockOuts) {
      if (this.bool(k.cond)) {
        knocked = k;
        break;
      }
    }
    if (knocked) {
      outcome = "knocked-out";
      const k = this.both(knocked.cond);
      zh = `不得分：${k.zh}（未触发时：${zh}）`;
      en = `scores 0: ${k.en} (otherwise: ${en})`;
    } else if (A.compare(raw, A.zero) < 0) {
      outcome = "clamped";
      zh = `${zh}；细则得分不为负，按 0 分计`;
      en = `${en}; a criterion is never negative, so 0 points`;
    }
    void points;
    const reason: Reason = {
      rule: r.kind,
      outcome,
      zh,
      en,
      inputs: this.used,
      span: c.span,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(assessorReason !== undefined ? { assessorReason } : {}),
    };
    return reason;
  }

  private explainVeto(reason: string, cond: BoolExpr): { zh: string; en: string } {
    this.used = [];
    const c = this.both(cond);
    return {
      zh: `一票否决（${reason}）：${c.zh}${this.legend("zh")}，总分计 0 分`,
      en: `vetoed (${reason}): ${c.en}${this.legend("en")}, so the total is 0`,
    };
  }
}

function collectExpr(e: Expr, inputs: Set<number>, lets: Set<number>): void {
  switch (e.op) {
    case "input":
    case "binput":
      inputs.add(e.slot);
      return;
    case "let":
    case "blet":
      lets.add(e.slot);
      return;
    case "const":
    case "bconst":
      return;
    case "neg":
    case "not":
      collectExpr(e.a, inputs, lets);
      return;
    case "min":
    case "max":
      for (const a of e.args) collectExpr(a, inputs, lets);
      return;
    case "if":
    case "bif":
      collectExpr(e.cond, inputs, lets);
      collectExpr(e.then, inputs, lets);
      collectExpr(e.else, inputs, lets);
      return;
    default:
      collectExpr(e.a, inputs, lets);
      collectExpr(e.b, inputs, lets);
  }
}

/** Every input and derived value a criterion's points or explanation can depend on. */
function collectCriterion(c: CriterionIR, inputs: Set<number>, lets: Set<number>): void {
  const r = c.rule;
  const add = (e: Expr | null): void => {
    if (e) collectExpr(e, inputs, lets);
  };
  switch (r.kind) {
    case "award":
      add(r.amount);
      add(r.cond);
      add(r.otherwise);
      break;
    case "discretionary":
      inputs.add(r.slot);
      add(r.suggestion);
      break;
    case "deduction":
      add(r.base);
      add(r.floor);
      for (const cl of r.clauses) {
        add(cl.amount);
        add(cl.kind === "per" ? cl.count : cl.cond);
      }
      break;
    case "bonus":
      add(r.cap);
      for (const cl of r.clauses) {
        add(cl.amount);
        add(cl.kind === "per" ? cl.count : cl.cond);
      }
      break;
  }
  for (const k of c.knockOuts) add(k.cond);
}

/** "= " after a full-width legend, " = " otherwise: "4 − 1 × 1（省抽不合格数 = 1）= 3". */
function eqZh(legend: string): string {
  return legend === "" ? " = " : "= ";
}

export type { Span };
