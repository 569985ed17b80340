// kaoping bounds <rubric> [--json]: the least and most points of every criterion, item and the
// total, whatever the facts ("no most" for an uncapped bonus).
import type { Command, CommandContext } from "../command.ts";
import { EXIT, usageExit } from "../exit-codes.ts";
import { loadRubric } from "../rubric-files.ts";
import { table } from "../table.ts";

function runBounds(ctx: CommandContext): number {
  const rubric = loadRubric(ctx.positionals[0] ?? "", ctx);
  if (!rubric) return EXIT.findings;
  const b = rubric.bounds();
  if (ctx.flags["json"]) {
    ctx.out(JSON.stringify(b, null, 2));
    return EXIT.ok;
  }
  const zh = ctx.lang === "zh";
  const most = (m: number | null): string => (m === null ? (zh ? "无上限" : "no most") : String(m));
  const rule = (r: string): string =>
    zh
      ? (({ award: "得分", discretionary: "酌情", deduction: "扣分", bonus: "加分" } as Record<string, string>)[r] ?? r)
      : r;
  const rows: string[][] = [
    [
      zh ? "项目/细则" : "item/criterion",
      zh ? "规则" : "rule",
      zh ? "标准分" : "standard",
      zh ? "最少" : "least",
      zh ? "最多" : "most",
    ],
  ];
  for (const item of b.items) {
    rows.push([`${item.number} ${item.title}`, "", String(item.standard), String(item.least), most(item.most)]);
    for (const c of item.criteria)
      rows.push([`  ${item.number}.${c.number}`, rule(c.rule), "", String(c.least), most(c.most)]);
  }
  rows.push([
    zh ? "总分" : "total",
    "",
    rubric.total === null ? "" : String(rubric.total),
    String(b.least),
    most(b.most),
  ]);
  ctx.out(table(rows));
  return EXIT.ok;
}

export const boundsCommand: Command = {
  name: "bounds",
  summary: {
    zh: "列出每条细则、项目和总分的最少与最多得分",
    en: "least and most points of every criterion, item and the total",
  },
  description: {
    zh: "不论事实如何，列出每条细则、每个项目和总分可能的最少与最多得分（不封顶的加分显示“无上限”）。",
    en: 'Lists the least and most points every criterion, item and the total can get, whatever the facts\n("no most" for an uncapped bonus).',
  },
  arguments: [
    {
      placeholder: { zh: "评分细则", en: "rubric" },
      required: true,
      complete: "rubric",
      description: { zh: "评分细则文件", en: "the rubric file" },
    },
  ],
  options: [{ name: "json", description: { zh: "以 JSON 输出", en: "print JSON" } }],
  examples: [
    {
      command: "kaoping bounds village.rubric",
      description: { zh: "查看各项目的得分范围", en: "see the range of every item" },
    },
  ],
  exits: [
    { code: EXIT.ok, meaning: { zh: "成功", en: "success" } },
    { code: EXIT.findings, meaning: { zh: "评分细则有错误", en: "the rubric has errors" } },
    usageExit,
  ],
  run: runBounds,
};
