// The sheet adds up: an item's non-bonus criteria reach exactly its standard points (KP501), and
// the items' standard points make the declared total (KP502); a non-bonus criterion has a
// most (KP508). Bonuses count on top (READING.md).
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import { printPoints, RangeFinder, samePoints } from "../bounds.ts";
import type { CheckContext } from "../context.ts";
import { namesIn } from "./declarations.ts";

export function checkSums(ctx: CheckContext): void {
  const ranges = new RangeFinder(ctx.names);
  let standards = 0;
  let complete = true;
  for (const item of ctx.rubric.items) {
    if (!item.standard) {
      complete = false;
      continue;
    }
    const standard = Number(item.standard.value);
    standards += standard;
    // A criterion that failed to parse or names something unknown was reported already; its
    // points are anyone's guess, so the item's sum would only echo that mistake.
    if (
      item.criteria.length === 0 ||
      item.criteria.some((c) => !c.rule || namesIn(c.rule).some((n) => !ctx.names.has(n.name)))
    )
      continue;
    let most = 0;
    for (const criterion of item.criteria) {
      if (!criterion.rule || criterion.rule.kind === "bonus") continue;
      const max = ranges.criterion(criterion.rule).max;
      // A discretionary rule without a score input is unbounded because of that mistake (KP306).
      if (max === Infinity && criterion.rule.kind !== "discretionary") {
        ctx.report(
          diagnostic(
            "KP508",
            criterion.numberSpan,
            { criterion: `${item.number}.${criterion.number}` },
            {
              help: {
                zh: "用 最小(…, 上限) 限定它，或改写成加分（加 … 最多 …）",
                en: "bound it with min(…, limit), or make it a bonus (bonus … cap …)",
              },
            },
          ),
        );
      }
      most += max;
    }
    if (Number.isFinite(most) && !samePoints(most, standard)) {
      ctx.report(
        diagnostic("KP501", item.standard.span, {
          item: String(item.number),
          sum: printPoints(most),
          standard: item.standard.value,
        }),
      );
    }
  }
  const total = ctx.rubric.header.total;
  if (total && complete && ctx.rubric.items.length > 0 && !samePoints(standards, Number(total.value))) {
    ctx.report(diagnostic("KP502", total.span, { sum: printPoints(standards), total: total.value }));
  }
}
