// lower: checked AST → IR. Resolves names to slots, parses every number to a scaled integer and
// types every expression as a number or a yes/no. It runs only on rubrics the checker accepted,
// so a failure here means the checker let something through: it is reported (KP899) and no scorer
// is built, rather than guessing what the rubric meant.

import { testFacts } from "@kaoping/language";
import type * as A from "./ast.ts";
import { SCALE_BIG, parseDecimal } from "./decimal.ts";
import { engineDiagnostic, type EngineDiagnostic } from "./diagnostics.ts";
import type {
  BoolExpr,
  ClauseIR,
  CriterionIR,
  Display,
  Expr,
  GradeIR,
  InputIR,
  InputKind,
  ItemIR,
  KnockOutIR,
  LetIR,
  NumExpr,
  RubricIR,
  RuleIR,
  VetoIR,
} from "./ir.ts";
import { isBool } from "./ir.ts";

/** The largest number a literal or a fact may hold: keeps every sum of facts exact in a double. */
export const MAX_VALUE = 1_000_000_000n;

/** A fact as JSON carries it (see the input schema). */
export type FactValue = boolean | number | { readonly value: number; readonly reason: string };

export interface TestIR {
  readonly name: string;
  readonly span: A.Span;
  /** Facts as an assessor would send them, built from the test's 已知 block. */
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly expect: readonly ExpectIR[];
}

export interface ExpectIR {
  readonly target: A.ExpectTarget;
  /** Scaled points, or a grade label. */
  readonly value: bigint | string;
  readonly span: A.Span;
}

export interface Lowered {
  readonly ir: RubricIR | null;
  readonly tests: readonly TestIR[];
  readonly diagnostics: readonly EngineDiagnostic[];
}

type Binding =
  | { readonly kind: "input"; readonly input: InputIR }
  | { readonly kind: "let"; readonly slot: number; readonly type: "number" | "bool"; readonly display: Display };

class Lowering {
  readonly diagnostics: EngineDiagnostic[] = [];
  private readonly names = new Map<string, Binding>();

  fail(span: A.Span, what: string): null {
    this.diagnostics.push(engineDiagnostic("KP899", span, { what }));
    return null;
  }

  decimal(literal: A.NumberLiteral): bigint | null {
    const v = parseDecimal(literal.value);
    if (v === null || v > MAX_VALUE * SCALE_BIG) {
      this.diagnostics.push(engineDiagnostic("KP806", literal.span, { text: literal.value }));
      return null;
    }
    return v;
  }

  /** "60" (from 60%) → the ratio 0.6, scaled. */
  percent(literal: A.PercentLiteral | A.NumberLiteral): bigint | null {
    const points = parseDecimal(literal.value);
    if (points === null || points % 100n !== 0n || points > MAX_VALUE * SCALE_BIG) {
      this.diagnostics.push(engineDiagnostic("KP806", literal.span, { text: `${literal.value}%` }));
      return null;
    }
    return points / 100n;
  }

  input(node: A.Input, slot: number): InputIR | null {
    const name = node.name.name;
    if (name === "__proto__") {
      this.diagnostics.push(engineDiagnostic("KP807", node.name.span, { name }));
      return null;
    }
    const kind: InputKind = node.type.kind;
    let min: bigint | null = null;
    let max: bigint | null = null;
    let step: bigint | null = null;
    if (node.type.kind === "score") {
      min = this.decimal(node.type.min);
      max = this.decimal(node.type.max);
      step = node.type.step ? this.decimal(node.type.step) : null;
      if (min === null || max === null || (node.type.step && step === null)) return null;
      if (min > max || (step !== null && step <= 0n)) return this.fail(node.type.span, "score range");
    }
    let def: bigint | null = null;
    const d = node.default;
    if (d !== null) {
      // Facts are never negative, so neither is a default.
      if (d.kind === "negate") return this.fail(d.span, `negative default of ${name}`);
      if (kind === "yesno") {
        if (d.kind !== "bool") return this.fail(d.span, `default of ${name}`);
        def = d.value ? 1n : 0n;
      } else if (kind === "percent") {
        if (d.kind === "bool") return this.fail(d.span, `default of ${name}`);
        def = this.percent(d);
      } else {
        if (d.kind !== "number") return this.fail(d.span, `default of ${name}`);
        def = this.decimal(d);
        if (def !== null && kind === "count" && def % SCALE_BIG !== 0n) {
          return this.fail(d.span, `default of ${name}`);
        }
      }
      if (def === null) return null;
    }
    return {
      slot,
      name,
      label: node.label?.value ?? null,
      help: node.help?.value ?? null,
      kind,
      unit: node.type.kind === "number" ? (node.type.unit?.value ?? null) : null,
      min,
      max,
      step,
      default: def,
      item: node.item,
      span: node.span,
    };
  }

  expr(e: A.Expr): Expr | null {
    switch (e.kind) {
      case "number": {
        const value = this.decimal(e);
        return value === null ? null : { op: "const", value, display: "number", span: e.span };
      }
      case "percent": {
        const value = this.percent(e);
        return value === null ? null : { op: "const", value, display: "percent", span: e.span };
      }
      case "bool":
        return { op: "bconst", value: e.value, span: e.span };
      case "name": {
        const b = this.names.get(e.name);
        if (!b) return this.fail(e.span, `unknown name ${e.name}`);
        if (b.kind === "input") {
          if (b.input.kind === "yesno") return { op: "binput", slot: b.input.slot, span: e.span };
          const display: Display = b.input.kind === "percent" ? "percent" : "number";
          return { op: "input", slot: b.input.slot, display, span: e.span };
        }
        return b.type === "bool"
          ? { op: "blet", slot: b.slot, span: e.span }
          : { op: "let", slot: b.slot, display: b.display, span: e.span };
      }
      case "negate": {
        const a = this.num(e.operand);
        return a && { op: "neg", a, display: a.display, span: e.span };
      }
      case "arithmetic": {
        const a = this.num(e.left);
        const b = this.num(e.right);
        if (!a || !b) return null;
        const op = e.op === "+" ? "add" : e.op === "-" ? "sub" : e.op === "×" ? "mul" : "div";
        let display: Display = a.display;
        if (op === "mul") display = a.display === "percent" && b.display === "percent" ? "percent" : "number";
        if (op === "div") display = a.display === b.display ? "percent" : a.display;
        return { op, a, b, display, span: e.span };
      }
      case "compare": {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        if (!l || !r) return null;
        if (isBool(l) && isBool(r)) {
          if (e.op !== "=" && e.op !== "≠") return this.fail(e.span, "ordering of yes/no values");
          return { op: "beq", negate: e.op === "≠", a: l, b: r, span: e.span };
        }
        if (isBool(l) || isBool(r)) return this.fail(e.span, "comparison of a yes/no with a number");
        return { op: "cmp", cmp: e.op, a: l, b: r, span: e.span };
      }
      case "logical": {
        const a = this.bool(e.left);
        const b = this.bool(e.right);
        return a && b && { op: e.op, a, b, span: e.span };
      }
      case "not": {
        const a = this.bool(e.operand);
        return a && { op: "not", a, span: e.span };
      }
      case "if": {
        const cond = this.bool(e.condition);
        const t = this.expr(e.then);
        const f = this.expr(e.otherwise);
        if (!cond || !t || !f) return null;
        if (isBool(t) && isBool(f)) return { op: "bif", cond, then: t, else: f, span: e.span };
        if (isBool(t) || isBool(f)) return this.fail(e.span, "branches of different types");
        return { op: "if", cond, then: t, else: f, display: t.display, span: e.span };
      }
      case "call": {
        const args: NumExpr[] = [];
        for (const arg of e.args) {
          const a = this.num(arg);
          if (!a) return null;
          args.push(a);
        }
        const first = args[0];
        if (!first) return this.fail(e.span, `${e.fn} of nothing`);
        return { op: e.fn, args, display: first.display, span: e.span };
      }
    }
  }

  num(e: A.Expr): NumExpr | null {
    const x = this.expr(e);
    if (x === null) return null;
    if (isBool(x)) return this.fail(e.span, "a yes/no where a number is needed");
    return x;
  }

  bool(e: A.Expr): BoolExpr | null {
    const x = this.expr(e);
    if (x === null) return null;
    if (!isBool(x)) return this.fail(e.span, "a number where a yes/no is needed");
    return x;
  }

  points(p: A.Points): NumExpr | null {
    return this.num(p.expr);
  }

  clauses(list: readonly A.Clause[]): ClauseIR[] | null {
    const out: ClauseIR[] = [];
    for (const c of list) {
      const amount = this.points(c.amount);
      if (c.kind === "per") {
        const count = this.num(c.count);
        if (!amount || !count) return null;
        out.push({ kind: "per", count, amount, span: c.span });
      } else {
        const cond = this.bool(c.condition);
        if (!amount || !cond) return null;
        out.push({ kind: "when", cond, amount, span: c.span });
      }
    }
    return out;
  }

  rule(r: A.Rule): RuleIR | null {
    switch (r.kind) {
      case "award": {
        const amount = this.points(r.amount);
        const cond = r.condition ? this.bool(r.condition) : null;
        const otherwise = r.otherwise ? this.points(r.otherwise) : null;
        if (!amount || (r.condition && !cond) || (r.otherwise && !otherwise)) return null;
        return { kind: "award", amount, cond, otherwise, span: r.span };
      }
      case "discretionary": {
        const b = this.names.get(r.input.name);
        if (!b || b.kind !== "input" || b.input.kind !== "score") {
          return this.fail(r.input.span, `${r.input.name} is not a score input`);
        }
        const suggestion = r.suggestion ? this.num(r.suggestion) : null;
        if (r.suggestion && !suggestion) return null;
        return { kind: "discretionary", slot: b.input.slot, suggestion, span: r.span };
      }
      case "deduction": {
        const base = this.points(r.base);
        const clauses = this.clauses(r.clauses);
        const floor = r.floor ? this.points(r.floor) : null;
        if (!base || !clauses || (r.floor && !floor)) return null;
        return { kind: "deduction", base, clauses, floor, span: r.span };
      }
      case "bonus": {
        const clauses = this.clauses(r.clauses);
        const cap = r.cap ? this.points(r.cap) : null;
        if (!clauses || (r.cap && !cap)) return null;
        return { kind: "bonus", clauses, cap, span: r.span };
      }
    }
  }

  knockOuts(list: readonly A.KnockOut[]): KnockOutIR[] | null {
    const out: KnockOutIR[] = [];
    for (const k of list) {
      const cond = this.bool(k.condition);
      if (!cond) return null;
      out.push({ cond, span: k.span });
    }
    return out;
  }

  rubric(ast: A.Rubric): RubricIR | null {
    let ok = true;
    const inputs: InputIR[] = [];
    for (const node of ast.inputs) {
      const input = this.input(node, inputs.length);
      if (!input) {
        ok = false;
        continue;
      }
      inputs.push(input);
      this.names.set(input.name, { kind: "input", input });
    }
    const lets: LetIR[] = [];
    for (const node of ast.lets) {
      // Bound only after its expression is lowered: a let reads only what comes before it.
      const expr = this.expr(node.expr);
      if (!expr) {
        ok = false;
        continue;
      }
      const slot = lets.length;
      const type = isBool(expr) ? "bool" : "number";
      lets.push({ slot, name: node.name.name, type, expr, span: node.span });
      this.names.set(node.name.name, {
        kind: "let",
        slot,
        type,
        display: isBool(expr) ? "number" : expr.display,
      });
    }
    const items: ItemIR[] = [];
    for (const item of ast.items) {
      const criteria: CriterionIR[] = [];
      for (const c of item.criteria) {
        if (!c.rule) {
          ok = this.fail(c.span, `criterion ${item.number}.${c.number} has no rule`) ?? false;
          continue;
        }
        const rule = this.rule(c.rule);
        const knockOuts = this.knockOuts(c.rule.knockOuts);
        if (!rule || !knockOuts) {
          ok = false;
          continue;
        }
        criteria.push({
          item: item.number,
          number: c.number,
          text: c.text?.value ?? "",
          rule,
          knockOuts,
          span: c.span,
        });
      }
      const standard = item.standard ? this.decimal(item.standard) : null;
      if (standard === null) {
        ok = this.fail(item.span, `item ${item.number} has no standard points`) ?? false;
        continue;
      }
      items.push({
        number: item.number,
        title: item.title?.value ?? "",
        content: item.content?.value ?? "",
        standard,
        criteria,
        span: item.span,
      });
    }
    const grades: GradeIR[] = [];
    for (const g of ast.grades) {
      const min = g.min ? this.decimal(g.min) : null;
      if (g.min && min === null) ok = false;
      grades.push({ label: g.label.value, min, span: g.span });
    }
    const vetoes: VetoIR[] = [];
    for (const v of ast.vetoes) {
      const cond = this.bool(v.condition);
      if (!cond) {
        ok = false;
        continue;
      }
      vetoes.push({ reason: v.reason.value, cond, span: v.span });
    }
    const total = ast.header.total ? this.decimal(ast.header.total) : null;
    if (!ok || this.diagnostics.length > 0) return null;
    return {
      id: ast.id?.name ?? "",
      title: ast.title?.value ?? "",
      subject: ast.header.subject?.value ?? null,
      version: ast.header.version?.value ?? null,
      effective: ast.header.effective?.value ?? null,
      total,
      keywords: ast.keywords,
      inputs,
      lets,
      items,
      grades,
      vetoes,
    };
  }

  tests(ast: A.Rubric, ir: RubricIR): TestIR[] {
    const byName = new Map(ir.inputs.map((i) => [i.name, i]));
    return ast.tests.map((t, index) => {
      const facts: Record<string, FactValue> = {};
      for (const g of testFacts(ast, t)) {
        const input = byName.get(g.name.name);
        const value = givenValue(g.value, input?.kind);
        const fact: FactValue =
          g.reason !== null && typeof value === "number" ? { value, reason: g.reason.value } : value;
        Object.defineProperty(facts, g.name.name, {
          value: fact,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      const expect: ExpectIR[] = [];
      for (const e of t.expect) {
        if (e.value.kind === "text") {
          expect.push({ target: e.target, value: e.value.value, span: e.span });
          continue;
        }
        const negative = e.value.kind === "negate";
        const literal = e.value.kind === "negate" ? e.value.operand : e.value;
        const parsed = literal.kind === "number" ? parseDecimal(literal.value) : null;
        if (parsed === null) {
          this.diagnostics.push(engineDiagnostic("KP806", e.value.span, { text: literalText(literal) }));
          continue;
        }
        expect.push({ target: e.target, value: negative ? -parsed : parsed, span: e.span });
      }
      return { name: t.name?.value ?? `#${index + 1}`, span: t.span, facts, expect };
    });
  }
}

function literalText(e: A.Expr): string {
  return e.kind === "number" || e.kind === "percent" ? e.value : e.kind;
}

/** A test's given literal as the JSON fact an assessor would send (percent as percent points). */
function givenValue(v: A.Literal | A.Negate, kind: InputKind | undefined): boolean | number {
  switch (v.kind) {
    case "bool":
      return v.value;
    case "number":
    case "percent":
      // Percent facts are percent points whatever way the test writes them (40% or 40).
      return kind === "percent" || v.kind === "number" ? Number(v.value) : Number(v.value) / 100;
    case "negate": {
      const inner = v.operand;
      return inner.kind === "number" || inner.kind === "percent" ? -Number(inner.value) : Number.NaN;
    }
  }
}

/** Lowers a checked rubric to IR; returns diagnostics instead when it cannot. */
export function lower(ast: A.Rubric): Lowered {
  const l = new Lowering();
  const ir = l.rubric(ast);
  const tests = ir ? l.tests(ast, ir) : [];
  return { ir, tests, diagnostics: l.diagnostics };
}
