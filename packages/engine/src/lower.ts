// lower: checked AST → IR. Resolves names to slots, parses every number to a scaled integer and
// types every expression as a number or a yes/no. It runs only on rubrics the checker accepted,
// so a failure here means the checker let something through: it is reported (KP899) and no scorer
// is built, rather than guessing what the rubric meant. Names, numbers and expressions are lowered in lower-expr.ts, tests in lower-tests.ts.

import type * as A from "./ast.ts";
import { SCALE_BIG } from "./decimal.ts";
import { engineDiagnostic, type EngineDiagnostic } from "./diagnostics.ts";
import type {
  ClauseIR,
  CriterionIR,
  GradeIR,
  InputIR,
  InputKind,
  ItemIR,
  KnockOutIR,
  LetIR,
  RubricIR,
  RuleIR,
  VetoIR,
} from "./ir.ts";
import { isBool } from "./ir.ts";
import { ExprLowering } from "./lower-expr.ts";
import { lowerTests, type TestIR } from "./lower-tests.ts";

export interface Lowered {
  readonly ir: RubricIR | null;
  readonly tests: readonly TestIR[];
  readonly diagnostics: readonly EngineDiagnostic[];
}

/** Lowers a rubric's inputs, derived values, items, grades and vetoes. */
class Lowering extends ExprLowering {
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
    if (node.type.kind === "percent" && node.type.range) {
      min = this.signedPercent(node.type.range.min);
      max = this.signedPercent(node.type.range.max);
      if (min === null || max === null) return null;
      if (min >= max) return this.fail(node.type.span, "percent range");
    }
    let def: bigint | null = null;
    const d = node.default;
    if (d !== null) {
      // Facts are never negative (but a percent's declared range may be), so neither is a default.
      if (d.kind === "negate" && !(kind === "percent" && min !== null && min < 0n))
        return this.fail(d.span, `negative default of ${name}`);
      if (kind === "yesno") {
        if (d.kind !== "bool") return this.fail(d.span, `default of ${name}`);
        def = d.value ? 1n : 0n;
      } else if (kind === "percent") {
        if (d.kind === "bool") return this.fail(d.span, `default of ${name}`);
        def = d.kind === "negate" ? this.signedPercent(d) : this.percent(d);
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
        const cap = r.cap ? this.points(r.cap.amount) : null;
        const floor = r.floor ? this.points(r.floor) : null;
        if (!base || !clauses || (r.cap && !cap) || (r.floor && !floor)) return null;
        return { kind: "deduction", base, clauses, cap, floor, span: r.span };
      }
      case "bonus": {
        const clauses = this.clauses(r.clauses);
        const cap = r.cap ? this.points(r.cap) : null;
        if (!clauses || (r.cap && !cap)) return null;
        return { kind: "bonus", clauses, cap, span: r.span };
      }
    }
  }

  /** A percent literal, maybe negated (a percent range's bound, a default within it), as a scaled fraction. */
  signedPercent(literal: A.PercentLiteral | A.Negate): bigint | null {
    if (literal.kind === "percent") return this.percent(literal);
    const inner = literal.operand;
    if (inner.kind !== "percent") return this.fail(literal.span, "percent bound");
    const v = this.percent(inner);
    return v === null ? null : -v;
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
      cohort: { args: this.cohortArgs, figures: this.cohortFigures },
    };
  }
}

/** Lowers a checked rubric to IR; returns diagnostics instead when it cannot. */
export function lower(ast: A.Rubric): Lowered {
  const l = new Lowering();
  const ir = l.rubric(ast);
  const tests = ir ? lowerTests(ast, ir, l.diagnostics) : [];
  return { ir, tests, diagnostics: l.diagnostics };
}
