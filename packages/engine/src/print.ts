// A canonical one-line form of a rule, with names: what `diff` compares and shows. Spans, the
// keyword set and formatting do not matter; what the rule computes does.

import { formatScaled } from "./decimal.ts";
import type { ClauseIR, CriterionIR, Expr, RubricIR } from "./ir.ts";

const CMP = { ">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": "=", "≠": "≠" } as const;

/** An expression in one canonical line, with names. */
export function printExpr(ir: RubricIR, e: Expr): string {
  const p = (x: Expr): string => printExpr(ir, x);
  switch (e.op) {
    case "const":
      return e.display === "percent" ? `${formatScaled(e.value * 100n)}%` : formatScaled(e.value);
    case "bconst":
      return e.value ? "yes" : "no";
    case "input":
    case "binput":
      return ir.inputs[e.slot]?.name ?? "?";
    case "let":
    case "blet":
      return ir.lets[e.slot]?.name ?? "?";
    case "neg":
      return `-(${p(e.a)})`;
    case "add":
      return `(${p(e.a)} + ${p(e.b)})`;
    case "sub":
      return `(${p(e.a)} - ${p(e.b)})`;
    case "mul":
      return `(${p(e.a)} × ${p(e.b)})`;
    case "div":
      return `(${p(e.a)} / ${p(e.b)})`;
    case "min":
    case "max":
      return `${e.op}(${e.args.map(p).join(", ")})`;
    case "if":
    case "bif":
      return `(if ${p(e.cond)} then ${p(e.then)} else ${p(e.else)})`;
    case "cmp":
      return `(${p(e.a)} ${CMP[e.cmp]} ${p(e.b)})`;
    case "beq":
      return `(${p(e.a)} ${e.negate ? "≠" : "="} ${p(e.b)})`;
    case "and":
    case "or":
      return `(${p(e.a)} ${e.op} ${p(e.b)})`;
    case "not":
      return `not ${p(e.a)}`;
  }
}

/** The rule of a criterion in one canonical line, e.g. `base 4 deduct 1 per 省抽不合格数`. */
export function printRule(ir: RubricIR, c: CriterionIR): string {
  const p = (e: Expr): string => printExpr(ir, e);
  const clauses = (list: readonly ClauseIR[], verb: string): string =>
    list
      .map((cl) =>
        cl.kind === "per" ? `${verb} ${p(cl.amount)} per ${p(cl.count)}` : `${verb} ${p(cl.amount)} when ${p(cl.cond)}`,
      )
      .join(" ");
  const r = c.rule;
  let text: string;
  switch (r.kind) {
    case "award":
      text = `award ${p(r.amount)}${r.cond ? ` when ${p(r.cond)}` : ""}${r.otherwise ? ` else ${p(r.otherwise)}` : ""}`;
      break;
    case "discretionary":
      text = `discretionary ${ir.inputs[r.slot]?.name ?? "?"}${r.suggestion ? ` suggest ${p(r.suggestion)}` : ""}`;
      break;
    case "deduction":
      text = `base ${p(r.base)} ${clauses(r.clauses, "deduct")}${r.floor ? ` floor ${p(r.floor)}` : ""}`;
      break;
    case "bonus":
      text = `${clauses(r.clauses, "bonus")}${r.cap ? ` cap ${p(r.cap)}` : ""}`;
      break;
  }
  for (const k of c.knockOuts) text += ` zero when ${p(k.cond)}`;
  return text;
}
