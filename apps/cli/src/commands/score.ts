// kaoping score <rubric> <facts.json|facts.csv> [--explain] [--json]: scores every record, with a
// progress bar on a terminal for long files.
// JSON facts are one object or an array; CSV has a header row of input names (a discretionary
// score's reason in a column `<name>.理由`, a record's name in an optional `名称` column).
// Invalid records are reported by record and field and exit with 2; the valid ones are still scored.
// Keys read as the input they differ from only in Unicode form are warned of.
// A rubric with cohort rules (名次, 最高值 …) scores the whole file as one cohort, or one cohort per
// value of the `--cohort-by` field (一类/二类乡镇), which is then not a fact.
import type { CohortFigure, CompiledRubric, FactError, FactNotice, ScoreOutcome, ScoreResult } from "@kaoping/engine";
import type { FactsRecord } from "../files.ts";
import type { Command, CommandContext } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { loadRubric } from "../rubric-files.ts";
import { readFacts, recordName } from "../read-facts.ts";
import { table } from "../table.ts";
import { UsageError } from "../usage-error.ts";

function errorLines(name: string, errors: readonly FactError[], lang: "zh" | "en"): string[] {
  return errors.map((e) =>
    lang === "zh"
      ? `记录 ${name}：${e.field ? `${e.field}：` : ""}${e.message.zh}`
      : `record ${name}: ${e.field ? `${e.field}: ` : ""}${e.message.en}`,
  );
}

function noticeLines(name: string, notices: readonly FactNotice[], lang: "zh" | "en"): string[] {
  return notices.map((n) =>
    lang === "zh" ? `注意：记录 ${name}：${n.message.zh}` : `note: record ${name}: ${n.message.en}`,
  );
}

/** What --json prints per record (with the cohort figures it used, in a cohort). */
function jsonResult(r: ScoreResult, figures?: readonly CohortFigure[]): unknown {
  return {
    ...(figures ? { figures } : {}),
    total: r.total,
    grade: r.grade,
    ...(r.veto ? { veto: r.veto } : {}),
    ...(r.notices ? { notices: r.notices } : {}),
    items: r.items.map((i) => ({
      number: i.number,
      title: i.title,
      standard: i.standard,
      points: i.points,
      criteria: i.criteria.map((c) =>
        c.reason ? { number: c.number, points: c.points, reason: c.reason } : { number: c.number, points: c.points },
      ),
    })),
  };
}

/** Scores in slices, so that the progress bar moves while a long file is scored. */
function scoreAll(
  rubric: CompiledRubric,
  facts: readonly unknown[],
  explain: boolean,
  ctx: CommandContext,
): ScoreOutcome[] {
  const progress = ctx.progress({ zh: "评分", en: "scoring" }, facts.length);
  const outcomes: ScoreOutcome[] = [];
  for (let i = 0; i < facts.length; i += 500) {
    outcomes.push(...rubric.scoreMany(facts.slice(i, i + 500), { explain }));
    progress.update(outcomes.length);
  }
  progress.finish();
  return outcomes;
}

/** The category of each record under `--cohort-by field`, and its facts without that field. */
function categorize(records: readonly FactsRecord[], field: string, lang: "zh" | "en") {
  const missing: string[] = [];
  const subjects = records.map((r, i) => {
    const facts = r.facts;
    if (typeof facts !== "object" || facts === null || Array.isArray(facts) || !Object.hasOwn(facts, field)) {
      missing.push(recordName(r, lang));
      return { id: String(i), facts, category: null };
    }
    const { [field]: value, ...rest } = facts as Record<string, unknown>;
    if (typeof value !== "string" && typeof value !== "number") missing.push(recordName(r, lang));
    return { id: String(i), facts: rest, category: String(value) };
  });
  if (missing.length > 0) {
    throw new UsageError({
      zh: `未评分：以下记录没有分组字段「${field}」（文字或数字）：${missing.slice(0, 10).join("、")}${missing.length > 10 ? " 等" : ""}`,
      en: `nothing scored: these records have no "${field}" field (a text or a number) to group by: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? " …" : ""}`,
    });
  }
  return subjects;
}

/** Scores the file as one cohort (or one per `--cohort-by` value): every record sees the others. */
function scoreCohort(
  rubric: CompiledRubric,
  records: readonly FactsRecord[],
  explain: boolean,
  ctx: CommandContext,
): { outcomes: ScoreOutcome[]; figures: (readonly CohortFigure[] | undefined)[] } {
  const field = ctx.flags["cohort-by"];
  const subjects =
    typeof field === "string"
      ? categorize(records, field, ctx.lang)
      : records.map((r, i) => ({ id: String(i), facts: r.facts }));
  const scored = rubric.scoreCohort(subjects, { explain });
  return {
    outcomes: scored.map((o) => (o.ok ? { ok: true, result: o.result } : { ok: false, errors: o.errors })),
    figures: scored.map((o) => (o.ok ? o.figures : undefined)),
  };
}

function runScore(ctx: CommandContext): number {
  const [rubricPath = "", factsPath = ""] = ctx.positionals;
  const rubric = loadRubric(rubricPath, ctx);
  if (!rubric) return EXIT.findings;
  if (typeof ctx.flags["cohort-by"] === "string" && rubric.cohortFigures.length === 0) {
    throw new UsageError({
      zh: "评分细则没有参评统计（名次、最高值等），不需要 --cohort-by",
      en: "the rubric has no cohort rules (rank, cohortmax …): --cohort-by does not apply",
    });
  }
  const records = readFacts(factsPath, rubric, ctx);
  const explain = ctx.flags["explain"] === true;
  const { outcomes, figures } =
    rubric.cohortFigures.length > 0
      ? scoreCohort(rubric, records, explain, ctx)
      : {
          outcomes: scoreAll(
            rubric,
            records.map((r) => r.facts),
            explain,
            ctx,
          ),
          figures: [],
        };
  const lang = ctx.lang;
  let invalid = 0;
  const errors: string[] = [];
  outcomes.forEach((o, i) => {
    const record = records[i];
    const name = record ? recordName(record, lang) : `#${i + 1}`;
    if (!o.ok) {
      invalid++;
      errors.push(...errorLines(name, o.errors, lang));
    } else if (o.result.notices) {
      errors.push(...noticeLines(name, o.result.notices, lang));
    }
  });
  // Errors and notices go to stderr, so that --json output stays one parseable array.
  if (errors.length > 0) ctx.err(errors.join("\n"));

  if (ctx.flags["json"]) {
    ctx.out(
      JSON.stringify(
        outcomes.map((o, i) => (o.ok ? jsonResult(o.result, figures[i]) : { errors: o.errors })),
        null,
        2,
      ),
    );
    return invalid > 0 ? EXIT.usage : EXIT.ok;
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
        ctx.out(
          lang === "zh"
            ? `  项目 ${item.number} ${item.title}：${item.points} 分（标准分 ${item.standard}）`
            : `  item ${item.number} ${item.title}: ${item.points} (standard ${item.standard})`,
        );
        for (const c of item.criteria)
          ctx.out(`    ${item.number}.${c.number}  ${c.points}  ${c.reason ? c.reason[lang] : ""}`);
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
    return EXIT.usage;
  }
  return EXIT.ok;
}

export const scoreCommand: Command = {
  name: "score",
  summary: { zh: "按评分细则为事实文件中的每条记录评分", en: "score every record of a facts file by a rubric" },
  description: {
    zh: "按评分细则为事实文件（.json 或 .csv）中的每条记录评分，输出各项目得分、总分和等级。\nCSV 第一行是输入名；酌情评分的理由写在 “<名称>.理由” 列；记录名可写在 “名称” 列。\n无效记录按记录和字段报告（标准错误输出），有效记录照常评分。在终端上，长文件显示进度条。",
    en: 'Scores every record of a facts file (.json or .csv) by the rubric: item points, total and grade.\nA CSV has a header row of input names; a discretionary score\'s reason goes in a column "<name>.理由",\na record\'s name in an optional "名称" column. Invalid records are reported by record and field (on\nstandard error); the valid ones are still scored. On a terminal a long file shows a progress bar.',
  },
  arguments: [
    {
      placeholder: { zh: "评分细则", en: "rubric" },
      required: true,
      complete: "rubric",
      description: { zh: "评分细则文件", en: "the rubric file" },
    },
    {
      placeholder: { zh: "事实文件", en: "facts" },
      required: true,
      complete: "facts",
      description: { zh: "事实文件（.json 或 .csv）", en: "the facts file (.json or .csv)" },
    },
  ],
  options: [
    { name: "explain", description: { zh: "逐条细则说明得分理由", en: "explain the points of every criterion" } },
    {
      name: "json",
      description: { zh: "以 JSON 输出（每条记录一个元素）", en: "print JSON (one element per record)" },
    },
    {
      name: "cohort-by",
      value: { placeholder: { zh: "字段", en: "field" } },
      description: {
        zh: "含参评统计的评分细则：按这个字段的值分组排名和统计（如 类别），该字段不作为事实",
        en: "rubrics with cohort rules: rank and aggregate within each value of this field (e.g. 类别); the field is not a fact",
      },
    },
  ],
  examples: [
    {
      command: "kaoping score village.rubric villages.csv",
      description: { zh: "为 CSV 中的每个村评分", en: "score every village of the CSV" },
    },
    {
      command: "kaoping score --explain village.rubric 示例村.json",
      description: { zh: "并说明每条细则的得分理由", en: "with the reason of every criterion's points" },
    },
    {
      command: "kaoping score --json village.rubric villages.csv > scores.json",
      description: { zh: "输出 JSON 供脚本读取", en: "write JSON for a script to read" },
    },
    {
      command: "kaoping score --cohort-by 类别 township.rubric townships.csv",
      description: {
        zh: "含名次等参评统计的细则：全文件为一个参评集合，按“类别”分组排名",
        en: "a rubric with ranks and other cohort figures: the file is one cohort, ranked within each 类别",
      },
    },
  ],
  exits: [
    { code: EXIT.ok, meaning: { zh: "全部记录已评分", en: "every record was scored" } },
    { code: EXIT.findings, meaning: { zh: "评分细则有错误", en: "the rubric has errors" } },
    {
      code: EXIT.usage,
      meaning: {
        zh: "用法有误、文件无法读取，或有无效记录（有效记录仍已评分）",
        en: "usage error, unreadable file, or invalid records (the valid ones are still scored)",
      },
    },
  ],
  run: runScore,
};
