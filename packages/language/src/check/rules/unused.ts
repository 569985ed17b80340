// Facts nobody uses waste the assessor's time (KP701, KP702); a rubric with no tests has never
// been checked against the sheet (KP703). Warnings, not errors.
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import type { CheckContext } from "../context.ts";

export function checkUnused(ctx: CheckContext): void {
  for (const input of ctx.rubric.inputs) {
    if (input.name.name && !ctx.used.has(input.name.name))
      ctx.report(diagnostic("KP701", input.name.span, { name: input.name.name }));
  }
  for (const decl of ctx.rubric.lets) {
    if (!ctx.used.has(decl.name.name)) ctx.report(diagnostic("KP702", decl.name.span, { name: decl.name.name }));
  }
  if (ctx.rubric.tests.length === 0 && ctx.rubric.items.length > 0) {
    ctx.report(diagnostic("KP703", { start: 0, end: Math.min(ctx.rubric.span.end, 1) }, {}));
  }
}
