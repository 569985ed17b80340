// Where each input goes on the assessment form: under the criterion that uses it, so that the
// assessor answers each question beside the sheet's own text; inputs that several items share
// (such as the number of enterprises) go to a general section at the top.
import type { Clause, Expr, KnockOut, Rubric, Rule } from "@kaoping/language";

/** Names an expression reads. */
export function namesIn(expr: Expr | null | undefined, into: Set<string> = new Set()): Set<string> {
  if (!expr) return into;
  switch (expr.kind) {
    case "name":
      into.add(expr.name);
      break;
    case "negate":
    case "not":
      namesIn(expr.operand, into);
      break;
    case "arithmetic":
    case "compare":
    case "logical":
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case "if":
      namesIn(expr.condition, into);
      namesIn(expr.then, into);
      namesIn(expr.otherwise, into);
      break;
    case "call":
      for (const a of expr.args) namesIn(a, into);
      break;
    case "cohort":
      if (expr.arg) namesIn(expr.arg, into);
      break;
    default:
      break;
  }
  return into;
}

function clauseNames(c: Clause, into: Set<string>): void {
  if (c.kind === "per") namesIn(c.count, into);
  else namesIn(c.condition, into);
  namesIn(c.amount.expr, into);
}

function knockOutNames(ks: readonly KnockOut[], into: Set<string>): void {
  for (const k of ks) namesIn(k.condition, into);
}

/** Names a rule reads, directly. */
export function namesInRule(rule: Rule | null): Set<string> {
  const into = new Set<string>();
  if (!rule) return into;
  switch (rule.kind) {
    case "award":
      namesIn(rule.amount.expr, into);
      namesIn(rule.condition, into);
      if (rule.otherwise) namesIn(rule.otherwise.expr, into);
      break;
    case "discretionary":
      into.add(rule.input.name);
      namesIn(rule.suggestion, into);
      break;
    case "deduction":
      namesIn(rule.base.expr, into);
      for (const c of rule.clauses) clauseNames(c, into);
      if (rule.floor) namesIn(rule.floor.expr, into);
      break;
    case "bonus":
      for (const c of rule.clauses) clauseNames(c, into);
      if (rule.cap) namesIn(rule.cap.expr, into);
      break;
  }
  knockOutNames(rule.knockOuts, into);
  return into;
}

export interface FormLayout {
  /** Inputs shown in the general section, in source order. */
  readonly general: readonly string[];
  /** Inputs shown under each criterion, keyed "item.criterion", in source order. */
  readonly byCriterion: ReadonlyMap<string, readonly string[]>;
  /** Every input each criterion reads, directly or through derived values, keyed "item.criterion". */
  readonly reads: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every input the rubric-wide vetoes read. */
  readonly vetoReads: ReadonlySet<string>;
}

/**
 * Places every input once: under the first criterion that reads it (through derived values too)
 * when all its readers are in one item, else in the general section. Inputs nobody reads also go
 * to the general section, so that nothing is hidden.
 */
export function layoutForm(rubric: Rubric): FormLayout {
  const inputs = rubric.inputs.map((i) => i.name.name);
  const inputSet = new Set(inputs);
  const lets = new Map(rubric.lets.map((l) => [l.name.name, l.expr]));

  const resolve = (names: Set<string>): Set<string> => {
    const out = new Set<string>();
    const seen = new Set<string>();
    const visit = (n: string) => {
      if (seen.has(n)) return;
      seen.add(n);
      if (inputSet.has(n)) out.add(n);
      const expr = lets.get(n);
      if (expr) for (const m of namesIn(expr)) visit(m);
    };
    for (const n of names) visit(n);
    return out;
  };

  const readers = new Map<string, { key: string; item: number }[]>();
  const reads = new Map<string, ReadonlySet<string>>();
  for (const item of rubric.items) {
    for (const c of item.criteria) {
      const used = resolve(namesInRule(c.rule));
      reads.set(`${item.number}.${c.number}`, used);
      for (const n of used) {
        const list = readers.get(n) ?? [];
        list.push({ key: `${item.number}.${c.number}`, item: item.number });
        readers.set(n, list);
      }
    }
  }

  const general: string[] = [];
  const byCriterion = new Map<string, string[]>();
  for (const name of inputs) {
    const list = readers.get(name) ?? [];
    const first = list[0];
    if (!first || list.some((r) => r.item !== first.item)) {
      general.push(name);
      continue;
    }
    const at = byCriterion.get(first.key) ?? [];
    at.push(name);
    byCriterion.set(first.key, at);
  }
  const vetoReads = resolve(new Set(rubric.vetoes.flatMap((v) => [...namesIn(v.condition)])));
  return { general, byCriterion, reads, vetoReads };
}
