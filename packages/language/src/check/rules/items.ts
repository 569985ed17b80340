// Items and criteria are numbered once each (KP303, KP304), in order from 1 (KP506), and carry the
// sheet's texts (KP507); an item without criteria scores nothing (KP504).
import type * as A from "../../ast.ts";
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import type { CheckContext } from "../context.ts";

export function checkItems(ctx: CheckContext): void {
  const seen = new Map<number, A.Item>();
  ctx.rubric.items.forEach((item, index) => {
    if (item.number === 0) return;
    const first = seen.get(item.number);
    if (first) {
      ctx.report(
        diagnostic(
          "KP303",
          item.numberSpan,
          { item: String(item.number) },
          { related: [{ span: first.numberSpan, message: { zh: "第一次出现在这里", en: "first here" } }] },
        ),
      );
    } else {
      seen.set(item.number, item);
      if (item.number !== index + 1)
        ctx.report(
          diagnostic("KP506", item.numberSpan, {
            what: { zh: "项目", en: "item" },
            expected: String(index + 1),
            found: String(item.number),
          }),
        );
    }
    if (!item.standard)
      ctx.report(
        diagnostic("KP203", item.numberSpan, {
          field: { zh: `项目 ${item.number} 的标准分`, en: `the standard points of item ${item.number}` },
        }),
      );
    if (!item.title)
      ctx.report(
        diagnostic("KP507", item.numberSpan, {
          what: { zh: `项目 ${item.number} 的标题`, en: `a title for item ${item.number}` },
        }),
      );
    if (!item.content)
      ctx.report(
        diagnostic("KP507", item.numberSpan, {
          what: {
            zh: `项目 ${item.number} 的考核内容（内容 "…"）`,
            en: `the content of item ${item.number} (content "…")`,
          },
        }),
      );
    if (item.criteria.length === 0) ctx.report(diagnostic("KP504", item.numberSpan, { item: String(item.number) }));
    checkCriteriaNumbers(ctx, item);
  });
}

function checkCriteriaNumbers(ctx: CheckContext, item: A.Item): void {
  const seen = new Map<number, A.Criterion>();
  item.criteria.forEach((criterion, index) => {
    if (criterion.number === 0) return;
    const first = seen.get(criterion.number);
    if (first) {
      ctx.report(
        diagnostic(
          "KP304",
          criterion.numberSpan,
          { item: String(item.number), criterion: String(criterion.number) },
          { related: [{ span: first.numberSpan, message: { zh: "第一次出现在这里", en: "first here" } }] },
        ),
      );
      return;
    }
    seen.set(criterion.number, criterion);
    if (criterion.number !== index + 1)
      ctx.report(
        diagnostic("KP506", criterion.numberSpan, {
          what: { zh: `项目 ${item.number} 的细则`, en: `item ${item.number}'s criterion` },
          expected: String(index + 1),
          found: String(criterion.number),
        }),
      );
    if (!criterion.text) {
      ctx.report(
        diagnostic("KP507", criterion.numberSpan, {
          what: {
            zh: `细则 ${item.number}.${criterion.number} 的评分方法原文`,
            en: `the scoring text of criterion ${item.number}.${criterion.number}`,
          },
        }),
      );
    }
  });
}
