// Rules: a criterion's 评分方法 (award, discretionary, deduction, bonus) with its clauses and
// knock-outs, CST → AST.
import type { CstNode } from "chevrotain";
import type * as A from "../ast.ts";
import { first, nodeSpan, nodes, token, type Children } from "./cst.ts";
import type { ExpressionLowering } from "./expressions.ts";
import { lowerName } from "./literals.ts";

/** A criterion's rule; null when recovery left too little of it to say which rule it is. */
export function lowerRule(node: CstNode, x: ExpressionLowering): A.Rule | null {
  const c = node.children as Children;
  const knockOuts = nodes(c["knockOut"]).flatMap((k): A.KnockOut[] => {
    const condition = x.exprOf(first((k.children as Children)["expr"]));
    return condition ? [{ kind: "knockout", condition, span: nodeSpan(k) }] : [];
  });
  const span = nodeSpan(node);
  const award = first(c["awardRule"]);
  if (award) {
    const ac = award.children as Children;
    const [amount, otherwise] = nodes(ac["points"]).map((p) => lowerPoints(p, x));
    if (!amount) return null;
    return {
      kind: "award",
      amount,
      condition: x.exprOf(first(ac["expr"])),
      otherwise: otherwise ?? null,
      knockOuts,
      span,
    };
  }
  const discretionary = first(c["discretionaryRule"]);
  if (discretionary) {
    const dc = discretionary.children as Children;
    const input = token(dc["NameToken"]);
    if (!input) return null;
    return {
      kind: "discretionary",
      input: lowerName(input),
      suggestion: x.exprOf(first(dc["expr"])),
      knockOuts,
      span,
    };
  }
  const deduction = first(c["deductionRule"]);
  if (deduction) {
    const dc = deduction.children as Children;
    const [base, floor] = nodes(dc["points"]).map((p) => lowerPoints(p, x));
    if (!base) return null;
    const clauses = nodes(dc["deductClause"]).flatMap((n) => lowerClause(n, x));
    const capNode = first(dc["deductCap"]);
    const cap = capNode ? lowerDeductionCap(capNode, x) : null;
    return { kind: "deduction", base, clauses, cap, floor: floor ?? null, knockOuts, span };
  }
  const bonus = first(c["bonusRule"]);
  if (bonus) {
    const bc = bonus.children as Children;
    const clauses = nodes(bc["bonusClause"]).flatMap((n) => lowerClause(n, x));
    const cap = first(bc["points"]);
    return { kind: "bonus", clauses, cap: cap ? lowerPoints(cap, x) : null, knockOuts, span };
  }
  return null;
}

function lowerClause(node: CstNode, x: ExpressionLowering): A.Clause[] {
  const c = node.children as Children;
  const amountNode = first(c["points"]);
  const amount = amountNode ? lowerPoints(amountNode, x) : null;
  if (!amount) return [];
  const span = nodeSpan(node);
  const tail = first(c["clauseTail"]);
  if (tail) {
    const tc = tail.children as Children;
    const expr = x.exprOf(first(tc["expr"]));
    if (!expr) return [];
    return tc["When"]
      ? [{ kind: "when", condition: expr, amount, span }]
      : [{ kind: "per", count: expr, amount, span }];
  }
  const count = x.exprOf(first(c["expr"]));
  return count ? [{ kind: "per", count, amount, span }] : [];
}

function lowerDeductionCap(node: CstNode, x: ExpressionLowering): A.DeductionCap | null {
  const c = node.children as Children;
  const pointsNode = first(c["points"]);
  const amount = pointsNode ? lowerPoints(pointsNode, x) : null;
  if (!amount) return null;
  const bare = c["DeductCap"] === undefined && c["Deduct"] === undefined;
  return { kind: "deductionCap", amount, bare, span: nodeSpan(node) };
}

function lowerPoints(node: CstNode, x: ExpressionLowering): A.Points | null {
  const c = node.children as Children;
  const expr = x.exprOf(first(c["expr"]));
  if (!expr) return null;
  return { kind: "points", expr, unit: c["PointsUnit"] !== undefined, span: nodeSpan(node) };
}
