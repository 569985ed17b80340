// What a criterion reads: the input slots and derived (let) values its points or its explanation
// can depend on. The reason cache keys on them; the form layout shows them (CriterionInfo.reads).

import type { CriterionIR, Expr, RubricIR, VetoIR } from "./ir.ts";

function collectExpr(e: Expr, inputs: Set<number>, lets: Set<number>, figures?: Set<number>): void {
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
    case "cohort":
      figures?.add(e.figure);
      return;
    case "neg":
    case "not":
    case "round":
      collectExpr(e.a, inputs, lets, figures);
      return;
    case "min":
    case "max":
      for (const a of e.args) collectExpr(a, inputs, lets, figures);
      return;
    case "if":
    case "bif":
      collectExpr(e.cond, inputs, lets, figures);
      collectExpr(e.then, inputs, lets, figures);
      collectExpr(e.else, inputs, lets, figures);
      return;
    default:
      collectExpr(e.a, inputs, lets, figures);
      collectExpr(e.b, inputs, lets, figures);
  }
}

/** Every input and derived value a criterion's points or explanation can depend on. */
export function collectCriterion(c: CriterionIR, inputs: Set<number>, lets: Set<number>, figures?: Set<number>): void {
  const r = c.rule;
  const add = (e: Expr | null): void => {
    if (e) collectExpr(e, inputs, lets, figures);
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
      add(r.cap);
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

/**
 * The names of the inputs a criterion reads, directly or through derived values, in declaration
 * order: what an assessor must fill in for it to be scored.
 */
export function inputsRead(ir: RubricIR, c: CriterionIR): string[] {
  const inputs = new Set<number>();
  const lets = new Set<number>();
  const figures = new Set<number>();
  collectCriterion(c, inputs, lets, figures);
  return inputNames(ir, inputs, lets, figures);
}

/** The names of the inputs a veto's condition reads, directly or through derived values. */
export function inputsReadByVeto(ir: RubricIR, v: VetoIR): string[] {
  const inputs = new Set<number>();
  const lets = new Set<number>();
  const figures = new Set<number>();
  collectExpr(v.cond, inputs, lets, figures);
  return inputNames(ir, inputs, lets, figures);
}

/**
 * The inputs read, with those the derived values and cohort figures read added, by name in
 * declaration order. A figure's argument (`名次(办结率)` reads 办结率) is cohort-free but may read
 * derived values, and a derived value may use a figure, so the two expand each other.
 */
function inputNames(ir: RubricIR, inputs: Set<number>, lets: Set<number>, figures: Set<number>): string[] {
  const expanded = new Set<number>();
  for (;;) {
    // A derived value reads only those declared before it: one pass from the last reaches them all.
    for (let slot = ir.lets.length - 1; slot >= 0; slot--) {
      const l = ir.lets[slot];
      if (l && lets.has(slot)) collectExpr(l.expr, inputs, lets, figures);
    }
    const fresh = [...figures].filter((f) => !expanded.has(f));
    if (fresh.length === 0) break;
    for (const f of fresh) {
      expanded.add(f);
      const arg = ir.cohort.figures[f]?.arg;
      const expr = arg === null || arg === undefined ? undefined : ir.cohort.args[arg];
      if (expr) collectExpr(expr, inputs, lets, figures);
    }
  }
  return ir.inputs.filter((i) => inputs.has(i.slot)).map((i) => i.name);
}
