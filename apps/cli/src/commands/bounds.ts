// kaoping bounds <rubric> [--json]: the least and most points of every criterion, item and the
// total, whatever the facts ("no most" for an uncapped bonus).
import type { CommandContext } from "../command.ts";
import { loadRubric, UsageError } from "../files.ts";
import { table } from "../table.ts";

export function runBounds(ctx: CommandContext): number {
  const [path, ...extra] = ctx.positionals;
  if (!path || extra.length > 0) throw new UsageError("需要一个评分细则文件 / give one rubric file");
  const rubric = loadRubric(path, ctx);
  if (!rubric) return 1;
  const b = rubric.bounds();
  if (ctx.flags.json) {
    ctx.out(JSON.stringify(b, null, 2));
    return 0;
  }
  const zh = ctx.lang === "zh";
  const most = (m: number | null): string => (m === null ? (zh ? "无上限" : "no most") : String(m));
  const rule = (r: string): string =>
    zh ? ({ award: "得分", discretionary: "酌情", deduction: "扣分", bonus: "加分" } as Record<string, string>)[r] ?? r : r;
  const rows: string[][] = [[zh ? "项目/细则" : "item/criterion", zh ? "规则" : "rule", zh ? "标准分" : "standard", zh ? "最少" : "least", zh ? "最多" : "most"]];
  for (const item of b.items) {
    rows.push([`${item.number} ${item.title}`, "", String(item.standard), String(item.least), most(item.most)]);
    for (const c of item.criteria) rows.push([`  ${item.number}.${c.number}`, rule(c.rule), "", String(c.least), most(c.most)]);
  }
  rows.push([zh ? "总分" : "total", "", rubric.total === null ? "" : String(rubric.total), String(b.least), most(b.most)]);
  ctx.out(table(rows));
  return 0;
}
