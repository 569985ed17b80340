// Grades run from the highest band down, and only the last band may go without a minimum (KP505).
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import type { CheckContext } from "../context.ts";

export function checkGrades(ctx: CheckContext): void {
  const grades = ctx.rubric.grades;
  let previous = Infinity;
  grades.forEach((grade, index) => {
    const last = index === grades.length - 1;
    if (!grade.min) {
      if (!last) ctx.report(diagnostic("KP505", grade.span, {}));
      return;
    }
    const min = Number(grade.min.value);
    if (min >= previous) ctx.report(diagnostic("KP505", grade.span, {}));
    previous = min;
  });
}
