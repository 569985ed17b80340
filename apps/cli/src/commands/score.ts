// kaoping score <rubric> <facts.json|facts.csv> [--explain] [--json]: scores every record.
// JSON facts are one object or an array; CSV has a header row of input names (a discretionary
// score's reason in a column `<name>.理由`, a record's name in an optional `名称` column).
// Invalid records are reported by record and field and exit with 2; the valid ones are still scored.
import type { FactError, ScoreResult } from "@kaoping/engine";
import type { CommandContext } from "../command.ts";
import { loadRubric, readFactsFile, UsageError } from "../files.ts";
import { table } from "../table.ts";

function errorLines(name: string, errors: readonly FactError[], lang: "zh" | "en"): string[] {
  return errors.map((e) =>
    lang === "zh" ? `记录 ${name}：${e.field ? `${e.field}：` : ""}${e.message.zh}` : `record ${name}: ${e.field ? `${e.field}: ` : ""}${e.message.en}`,
  );
}

/** What --json prints per record. */
function jsonResult(r: ScoreResult): unknown {
  return {
    total: r.total,
    grade: r.grade,
    ...(r.veto ? { veto: r.veto } : {}),
    items: r.items.map((i) => ({
      number: i.number,
      title: i.title,
      standard: i.standard,
      points: i.points,
      criteria: i.criteria.map((c) => (c.reason ? { number: c.number, points: c.points, reason: c.reason } : { number: c.number, points: c.points })),
    })),
  };
}

export function runScore(ctx: CommandContext): number {
  const [rubricPath, factsPath, ...extra] = ctx.positionals;
  if (!rubricPath || !factsPath || extra.length > 0) throw new UsageError("需要一个评分细则文件和一个事实文件 / give one rubric and one facts file");
  const rubric = loadRubric(rubricPath, ctx);
  if (!rubric) return 1;
  const records = readFactsFile(factsPath, rubric);
  const explain = ctx.flags.explain === true;
  const outcomes = rubric.scoreMany(
    records.map((r) => r.facts),
    { explain },
  );
  const lang = ctx.lang;
  let invalid = 0;
  const errors: string[] = [];
  outcomes.forEach((o, i) => {
    if (!o.ok) {
      invalid++;
      errors.push(...errorLines(records[i]?.name ?? `#${i + 1}`, o.errors, lang));
    }
  });
  // Errors go to stderr, so that --json output stays one parseable array.
  if (errors.length > 0) process.stderr.write(`${errors.join("\n")}\n`);

  if (ctx.flags.json) {
    ctx.out(
      JSON.stringify(
        outcomes.map((o) => (o.ok ? jsonResult(o.result) : { errors: o.errors })),
        null,
        2,
      ),
    );
    return invalid > 0 ? 2 : 0;
  }

  const header = [
    lang === "zh" ? "记录" : "record",
    ...rubric.items.map((i) => (lang === "zh" ? `项目${i.number}` : `item ${i.number}`)),
    lang === "zh" ? "总分" : "total",
    lang === "zh" ? "等级" : "grade",
  ];
  const rows: string[][] = [header];
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    const r = o.result;
    rows.push([
      records[i]?.name ?? `#${i + 1}`,
      ...r.items.map((it) => String(it.points)),
      String(r.total),
      (r.grade ?? "") + (r.veto ? (lang === "zh" ? `（否决：${r.veto.reason}）` : ` (vetoed: ${r.veto.reason})`) : ""),
    ]);
  });
  if (rows.length > 1) ctx.out(table(rows));
  if (explain) {
    outcomes.forEach((o, i) => {
      if (!o.ok) return;
      ctx.out("");
      ctx.out(`${records[i]?.name ?? `#${i + 1}`}`);
      for (const item of o.result.items) {
        ctx.out(lang === "zh" ? `  项目 ${item.number} ${item.title}：${item.points} 分（标准分 ${item.standard}）` : `  item ${item.number} ${item.title}: ${item.points} (standard ${item.standard})`);
        for (const c of item.criteria) ctx.out(`    ${item.number}.${c.number}  ${c.points}  ${c.reason ? c.reason[lang] : ""}`);
      }
      if (o.result.veto?.explanation) ctx.out(`  ${o.result.veto.explanation[lang]}`);
    });
  }
  if (invalid > 0) {
    ctx.out(
      lang === "zh"
        ? `${outcomes.length - invalid} 条记录已评分，${invalid} 条记录有误`
        : `${outcomes.length - invalid} record(s) scored, ${invalid} invalid`,
    );
    return 2;
  }
  return 0;
}
