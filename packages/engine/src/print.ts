// A canonical one-line form of a rule, with names: what `diff` compares and shows. Spans, the
// keyword set and formatting do not matter; what the rule computes does.

import { translateKeyword, type KeywordSet } from "@kaoping/language";
import { formatScaled } from "./decimal.ts";
import type { ClauseIR, CriterionIR, Expr, RubricIR } from "./ir.ts";

const ROUND_WORDS = { half: "round", down: "rounddown", up: "roundup" } as const;
const CMP = { ">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": "=", "≠": "≠" } as const;

/** An expression in one canonical line, with names, in a keyword set (English by default). */
export function printExpr(ir: RubricIR, e: Expr, set: KeywordSet = "en"): string {
  const p = (x: Expr): string => printExpr(ir, x, set);
  const w = (word: string): string => (set === "en" ? word : translateKeyword(word, set));
  switch (e.op) {
    case "const":
      return e.display === "percent" ? `${formatScaled(e.value * 100n)}%` : formatScaled(e.value);
    case "bconst":
      return w(e.value ? "yes" : "no");
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
      return `${w(e.op)}(${e.args.map(p).join(", ")})`;
    case "round":
      return `${w(ROUND_WORDS[e.mode])}(${p(e.a)}, ${e.digits})`;
    case "if":
    case "bif":
      return `(${w("if")} ${p(e.cond)} ${w("then")} ${p(e.then)} ${w("else")} ${p(e.else)})`;
    case "cmp":
      return `(${p(e.a)} ${CMP[e.cmp]} ${p(e.b)})`;
    case "beq":
      return `(${p(e.a)} ${e.negate ? "≠" : "="} ${p(e.b)})`;
    case "and":
    case "or":
      return `(${p(e.a)} ${w(e.op)} ${p(e.b)})`;
    case "not":
      return `${w("not")} ${p(e.a)}`;
    case "cohort": {
      const f = ir.cohort.figures[e.figure];
      if (!f) return "?";
      const word = { rank: "rank", max: "cohortmax", min: "cohortmin", average: "cohortavg", size: "cohortsize" }[f.fn];
      const arg = f.arg === null ? undefined : ir.cohort.args[f.arg];
      if (!arg) return w(word);
      const options = `${f.ascending ? `, ${w("ascending")}` : ""}${f.dense ? `, ${w("dense")}` : ""}`;
      return `${w(word)}(${p(arg)}${options})`;
    }
  }
}

/**
 * The rule of a criterion in one canonical line, e.g. `base 4 deduct 1 per 省抽不合格数`, or in
 * Chinese keywords `基础 4 扣 1 每 省抽不合格数` (the amount-first order both sets accept).
 */
export function printRule(ir: RubricIR, c: CriterionIR, set: KeywordSet = "en"): string {
  const p = (e: Expr): string => printExpr(ir, e, set);
  const w = (word: string): string => (set === "en" ? word : translateKeyword(word, set));
  const clauses = (list: readonly ClauseIR[], verb: string): string =>
    list
      .map((cl) =>
        cl.kind === "per"
          ? `${w(verb)} ${p(cl.amount)} ${w("per")} ${p(cl.count)}`
          : `${w(verb)} ${p(cl.amount)} ${w("when")} ${p(cl.cond)}`,
      )
      .join(" ");
  const r = c.rule;
  let text: string;
  switch (r.kind) {
    case "award":
      text = `${w("award")} ${p(r.amount)}${r.cond ? ` ${w("when")} ${p(r.cond)}` : ""}${r.otherwise ? ` ${w("else")} ${p(r.otherwise)}` : ""}`;
      break;
    case "discretionary":
      text = `${w("discretionary")} ${ir.inputs[r.slot]?.name ?? "?"}${r.suggestion ? ` ${w("suggest")} ${p(r.suggestion)}` : ""}`;
      break;
    case "deduction":
      text = `${w("base")} ${p(r.base)} ${clauses(r.clauses, "deduct")}${r.cap ? ` ${w("deduct at most")} ${p(r.cap)}` : ""}${r.floor ? ` ${w("floor")} ${p(r.floor)}` : ""}`;
      break;
    case "bonus":
      text = `${clauses(r.clauses, "bonus")}${r.cap ? ` ${w("cap")} ${p(r.cap)}` : ""}`;
      break;
  }
  for (const k of c.knockOuts) text += ` ${w("zero")} ${w("when")} ${p(k.cond)}`;
  return text;
}
