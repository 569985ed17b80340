// Every rule is well typed: conditions are yes/no, amounts and counts are numbers, divisors are
// guarded (via ExprChecker); a discretionary rule names its own score input (KP306, KP307); a
// bonus cap is not below its step (KP503). Vetoes' conditions are typed here too.
import type * as A from "../../ast.ts";
import { diagnostic, replaceWith } from "../../diagnostics/diagnostic.ts";
import { DeductCap, Floor, wordOf } from "../../lex/tokens.ts";
import { printPoints, RangeFinder } from "../bounds.ts";
import type { CheckContext } from "../context.ts";
import { ExprChecker, inPercentPoints } from "../types.ts";

export function checkCriteria(ctx: CheckContext): void {
  const types = new ExprChecker(ctx);
  const scoreUsers = new Map<string, A.Name>();
  for (const item of ctx.rubric.items) {
    for (const criterion of item.criteria) {
      const rule = criterion.rule;
      if (!rule) continue;
      checkRule(ctx, types, rule, scoreUsers, `${item.number}.${criterion.number}`);
      for (const knockOut of rule.knockOuts) types.condition(knockOut.condition);
    }
  }
  for (const veto of ctx.rubric.vetoes) types.condition(veto.condition);
}

function checkRule(
  ctx: CheckContext,
  types: ExprChecker,
  rule: A.Rule,
  scoreUsers: Map<string, A.Name>,
  criterion: string,
): void {
  switch (rule.kind) {
    case "award":
      if (rule.condition) {
        types.condition(rule.condition);
      }
      types.number(rule.amount.expr);
      if (rule.otherwise) types.number(rule.otherwise.expr);
      return;
    case "discretionary": {
      const entry = ctx.names.get(rule.input.name);
      if (!entry) {
        types.type(rule.input);
      } else {
        ctx.used.add(rule.input.name);
        if (entry.kind !== "input" || entry.input.type.kind !== "score") {
          ctx.report(diagnostic("KP306", rule.input.span, { name: rule.input.name }));
        } else if (scoreUsers.has(rule.input.name)) {
          ctx.report(diagnostic("KP307", rule.input.span, { name: rule.input.name }));
        } else scoreUsers.set(rule.input.name, rule.input);
      }
      if (rule.suggestion) types.number(rule.suggestion);
      return;
    }
    case "deduction":
      types.number(rule.base.expr);
      if (rule.cap) {
        types.number(rule.cap.amount.expr);
        if (rule.cap.bare) reportBareDeductionCap(ctx, rule.cap);
        else checkDeductionCap(ctx, rule, rule.cap, criterion);
      }
      if (rule.floor) types.number(rule.floor.expr);
      for (const c of rule.clauses) checkClause(ctx, types, c);
      return;
    case "bonus":
      for (const c of rule.clauses) checkClause(ctx, types, c);
      if (rule.cap) {
        types.number(rule.cap.expr);
        checkCap(ctx, rule);
      }
      return;
  }
}

/** A `最多扣` the clauses can never reach does nothing: a slip in the amounts, surely. */
function checkDeductionCap(ctx: CheckContext, rule: A.DeductionRule, cap: A.DeductionCap, criterion: string): void {
  if (cap.amount.expr.kind !== "number") return;
  const limit = Number(cap.amount.expr.value);
  const most = new RangeFinder(ctx.names).deducted({ ...rule, cap: null }).max;
  if (most <= limit) {
    ctx.report(diagnostic("KP521", cap.span, { criterion, cap: printPoints(limit), most: printPoints(most) }));
  }
}

/** `基础 20 分 每 x 扣 3 分 最多 12 分`: a limit that reads two ways, answered with both spellings. */
function reportBareDeductionCap(ctx: CheckContext, cap: A.DeductionCap): void {
  const expr = cap.amount.expr;
  const amount = expr.kind === "number" ? printPoints(Number(expr.value)) : "n";
  const keyword = { start: cap.span.start, end: cap.amount.span.start };
  const deductCap = `${wordOf(DeductCap, ctx.rubric.keywords)} `;
  const floor = `${wordOf(Floor, ctx.rubric.keywords)} `;
  ctx.report(
    diagnostic(
      "KP520",
      cap.span,
      { amount },
      {
        help: {
          zh: `扣分合计的上限写「${deductCap}${amount}」；细则得分的下限写「${floor}${amount}」`,
          en: `write "${deductCap}${amount}" for the most the deductions take, or "${floor}${amount}" for the least the criterion gives`,
        },
        fixes: [
          replaceWith(keyword, deductCap, { zh: `改为 ${deductCap}`, en: `change to ${deductCap}` }),
          replaceWith(keyword, floor, { zh: `改为 ${floor}`, en: `change to ${floor}` }),
        ],
      },
    ),
  );
}

function checkClause(ctx: CheckContext, types: ExprChecker, clause: A.Clause): void {
  types.number(clause.amount.expr);
  if (clause.kind === "when") {
    types.condition(clause.condition);
    return;
  }
  const count = types.number(clause.count);
  if (count.kind === "num" && count.dim === "ratio") {
    ctx.report(
      diagnostic("KP525", clause.count.span, {}, { fixes: [inPercentPoints(clause.count, ctx.rubric.keywords)] }),
    );
  }
}

function checkCap(ctx: CheckContext, rule: A.BonusRule): void {
  const cap = rule.cap?.expr;
  if (cap?.kind !== "number") return;
  for (const clause of rule.clauses) {
    const step = clause.amount.expr;
    if (step.kind === "number" && Number(cap.value) < Number(step.value)) {
      ctx.report(
        diagnostic("KP503", cap.span, { cap: printPoints(Number(cap.value)), step: printPoints(Number(step.value)) }),
      );
      return;
    }
  }
}
