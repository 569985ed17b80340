// Grades run from the highest band down, and only the last band may go without a minimum (KP505).
// A band above the most the rubric can score, or after a band that every total reaches (a minimum
// of 0 or less), can never be given (KP704, a warning: the rubric still scores).
import type * as A from "../../ast.ts";
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import { printPoints, RangeFinder } from "../bounds.ts";
import type { CheckContext } from "../context.ts";

export function checkGrades(ctx: CheckContext): void {
  const grades = ctx.rubric.grades;
  if (grades.length === 0) return;
  const most = mostTotal(ctx);
  let previous = Infinity;
  let catchAll: A.Grade | null = null;
  grades.forEach((grade, index) => {
    const last = index === grades.length - 1;
    const min = grade.min ? Number(grade.min.value) : null;
    if ((min === null && !last) || (min !== null && min >= previous)) {
      ctx.report(diagnostic("KP505", grade.span, {}));
    } else if (catchAll) {
      const help = {
        zh: `总分不会低于 0，每个总分都已达到「${catchAll.label.value}」`,
        en: `a total is never below 0, so every total already reaches "${catchAll.label.value}"`,
      };
      ctx.report(diagnostic("KP704", grade.label.span, { grade: grade.label.value }, { help }));
    } else if (min !== null && most !== null && min > most + 1e-9) {
      const help = { zh: `总分最多 ${printPoints(most)} 分`, en: `the total is at most ${printPoints(most)}` };
      ctx.report(diagnostic("KP704", grade.label.span, { grade: grade.label.value }, { help }));
    }
    if (min !== null) previous = min;
    if (min !== null && min <= 0 && !catchAll) catchAll = grade;
  });
}

/** The most the total can be (bonuses included), or null when unknown or unbounded. */
function mostTotal(ctx: CheckContext): number | null {
  const ranges = new RangeFinder(ctx.names);
  let most = 0;
  for (const item of ctx.rubric.items) {
    for (const criterion of item.criteria) {
      if (!criterion.rule) return null;
      most += ranges.criterion(criterion.rule).max;
    }
  }
  return Number.isFinite(most) ? most : null;
}
