// kaoping diff <old.rubric> <new.rubric> [--facts file] [--json]: what changed between two
// versions (inputs, items, criteria: added, removed, changed) and, over the given facts, each
// subject's old and new total with the items that moved.
import { diff, type RubricDiff } from "@kaoping/engine";
import type { Command, CommandContext } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { readFacts } from "../read-facts.ts";
import { loadRubric } from "../rubric-files.ts";
import { table } from "../table.ts";

const CHANGE_ZH = { added: "新增", removed: "删除", changed: "修改", unchanged: "未变" } as const;

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function printDiff(d: RubricDiff, names: readonly string[], ctx: CommandContext): void {
  const zh = ctx.lang === "zh";
  const ch = (c: keyof typeof CHANGE_ZH): string => (zh ? CHANGE_ZH[c] : c);
  for (const i of d.inputs) {
    if (i.change === "unchanged") continue;
    ctx.out(`${ch(i.change)} ${zh ? "输入" : "input"} ${i.name}${i.new?.label ? `：${i.new.label}` : ""}`);
  }
  for (const item of d.items) {
    if (item.change === "unchanged") continue;
    const title = item.title.new ?? item.title.old ?? "";
    const std =
      item.standard.old !== item.standard.new
        ? `（${zh ? "标准分" : "standard"} ${item.standard.old ?? "—"} → ${item.standard.new ?? "—"}）`
        : "";
    ctx.out(`${ch(item.change)} ${zh ? "项目" : "item"} ${item.number} ${title}${std}`);
    for (const c of item.criteria) {
      if (c.change === "unchanged") continue;
      ctx.out(`  ${ch(c.change)} ${zh ? "细则" : "criterion"} ${item.number}.${c.number}`);
      if (c.text.old !== c.text.new) {
        if (c.text.old !== null) ctx.out(`    - ${c.text.old}`);
        if (c.text.new !== null) ctx.out(`    + ${c.text.new}`);
      }
      if (c.rule.old !== c.rule.new) {
        if (c.rule.old !== null) ctx.out(`    - ${c.rule.old}`);
        if (c.rule.new !== null) ctx.out(`    + ${c.rule.new}`);
      }
    }
  }
  if (d.gradesChanged) ctx.out(zh ? "等级划分有变化" : "grades changed");
  if (d.vetoesChanged) ctx.out(zh ? "一票否决有变化" : "vetoes changed");
  if (d.subjects.length === 0) return;
  ctx.out("");
  const rows: string[][] = [
    [
      zh ? "记录" : "record",
      zh ? "原总分" : "old",
      zh ? "新总分" : "new",
      zh ? "变化" : "delta",
      zh ? "变动项目" : "items moved",
    ],
  ];
  for (const s of d.subjects) {
    const moved = s.items
      .filter((i) => i.delta !== 0)
      .map(
        (i) =>
          `${i.number}:${i.delta === null ? (i.old === null ? (zh ? "新增" : "added") : zh ? "删除" : "removed") : signed(i.delta)}`,
      )
      .join(" ");
    rows.push([
      names[s.index] ?? `#${s.index + 1}`,
      s.old ? String(s.old.total) : zh ? "无效" : "invalid",
      s.new ? String(s.new.total) : zh ? "无效" : "invalid",
      s.delta === null ? "" : signed(s.delta),
      moved,
    ]);
  }
  ctx.out(table(rows));
  const m = d.summary;
  ctx.out(
    zh
      ? `${m.subjects} 条记录：${m.raised} 条升高，${m.lowered} 条降低，${m.unchanged} 条不变，${m.invalid} 条无法同时按两版评分`
      : `${m.subjects} record(s): ${m.raised} up, ${m.lowered} down, ${m.unchanged} unchanged, ${m.invalid} not scorable by both`,
  );
}

function runDiff(ctx: CommandContext): number {
  const [oldPath = "", newPath = ""] = ctx.positionals;
  const oldRubric = loadRubric(oldPath, ctx);
  const newRubric = loadRubric(newPath, ctx);
  if (!oldRubric || !newRubric) return EXIT.findings;
  const factsPath = ctx.flags["facts"];
  const records = typeof factsPath === "string" ? readFacts(factsPath, newRubric, ctx) : [];
  const d = diff(
    oldRubric,
    newRubric,
    records.map((r) => r.facts),
  );
  if (ctx.flags["json"]) ctx.out(JSON.stringify(d, null, 2));
  else
    printDiff(
      d,
      records.map((r) => r.name),
      ctx,
    );
  return EXIT.ok;
}

export const diffCommand: Command = {
  name: "diff",
  summary: {
    zh: "比较评分细则的两个版本，及其对各记录得分的影响",
    en: "compare two versions of a rubric, and what it does to scores",
  },
  description: {
    zh: "列出两个版本之间的变化（输入、项目、细则：新增、删除、修改）；给出 --facts 时，\n再按两个版本为每条记录评分，列出新旧总分和变动的项目。",
    en: "Lists what changed between two versions (inputs, items, criteria: added, removed, changed); with\n--facts, also scores every record by both and lists each old and new total with the items that moved.",
  },
  arguments: [
    {
      placeholder: { zh: "旧版", en: "old" },
      required: true,
      complete: "rubric",
      description: { zh: "旧版评分细则文件", en: "the old rubric file" },
    },
    {
      placeholder: { zh: "新版", en: "new" },
      required: true,
      complete: "rubric",
      description: { zh: "新版评分细则文件", en: "the new rubric file" },
    },
  ],
  options: [
    {
      name: "facts",
      value: { placeholder: { zh: "事实文件", en: "facts" }, complete: "facts" },
      description: {
        zh: "按两个版本为此文件中的记录评分并比较",
        en: "score the records of this file by both versions and compare",
      },
    },
    { name: "json", description: { zh: "以 JSON 输出", en: "print JSON" } },
  ],
  examples: [
    {
      command: "kaoping diff old.rubric new.rubric",
      description: { zh: "查看规则的变化", en: "see what the rules changed" },
    },
    {
      command: "kaoping diff old.rubric new.rubric --facts villages.csv",
      description: { zh: "并查看每个村总分的变化", en: "and how every village's total moves" },
    },
  ],
  exits: [
    { code: EXIT.ok, meaning: { zh: "成功", en: "success" } },
    { code: EXIT.findings, meaning: { zh: "有评分细则存在错误", en: "a rubric has errors" } },
    { code: EXIT.usage, meaning: { zh: "用法有误，或文件无法读取", en: "usage error, or a file cannot be read" } },
  ],
  run: runDiff,
};
