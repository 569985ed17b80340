// kaoping score <rubric> <facts.json|facts.csv> [--explain] [--json]: scores every record.
// JSON facts are one object or an array; CSV has a header row of input names (a discretionary
// score's reason in a column `<name>.理由`, a record's name in an optional `名称` column).
// Invalid records are reported by record and field and exit with 2; the valid ones are still scored.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { compile, factsFromStrings, type CompiledRubric, type FactError, type ScoreResult } from "@kaoping/engine";
import { renderDiagnostics, sourceFile } from "@kaoping/language";
import type { CommandContext } from "../command.ts";
import { UsageError } from "../files.ts";

/** Compiles a rubric file; prints its diagnostics (errors and warnings) when it has errors. */
export function loadRubric(path: string, ctx: CommandContext): CompiledRubric | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`没有这个文件 / no such file: ${path}`);
  }
  const { rubric, diagnostics } = compile(text);
  if (!rubric) {
    ctx.out(renderDiagnostics(sourceFile(path, text), diagnostics, { lang: ctx.lang, color: ctx.color }));
  }
  return rubric;
}

/** One record of a facts file: a name to show, and its facts. */
export interface FactsRecord {
  readonly name: string;
  readonly facts: unknown;
}

const NAME_COLUMNS = ["名称", "name", "村名", "企业名称"];

/** Excel saves CSV in GBK on Chinese Windows: decode as UTF-8 when it is valid, else as GBK. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/** Reads a .json or .csv facts file into records, named by their position or their name column. */
export function readFactsFile(path: string, rubric: CompiledRubric): FactsRecord[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`没有这个文件 / no such file: ${path}`);
  }
  const text = decode(bytes);
  if (extname(path).toLowerCase() === ".csv") {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    } catch (e) {
      throw new UsageError(`CSV 无法读取 / cannot read the CSV ${path}: ${(e as Error).message}`);
    }
    const inputs = new Set(rubric.inputs.map((i) => i.name));
    return rows.map((row, i) => {
      const nameColumn = NAME_COLUMNS.find((c) => c in row && !inputs.has(c));
      const cells: Record<string, string> = { ...row };
      let name = `#${i + 1}（第 ${i + 2} 行）`;
      if (nameColumn) {
        name = cells[nameColumn] || name;
        delete cells[nameColumn];
      }
      return { name, facts: factsFromStrings(rubric.inputs, cells) };
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`JSON 无法读取 / cannot read the JSON ${path}: ${(e as Error).message}`);
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((facts, i) => ({ name: `#${i + 1}`, facts }));
}

function errorLines(name: string, errors: readonly FactError[], lang: "zh" | "en"): string[] {
  return errors.map((e) =>
    lang === "zh" ? `记录 ${name}：${e.field ? `${e.field}：` : ""}${e.message.zh}` : `record ${name}: ${e.field ? `${e.field}: ` : ""}${e.message.en}`,
  );
}

/** Display width of a cell: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}

/** A plain text table, columns padded to their widest cell. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows
    .map((row) => row.map((c, i) => (i === 0 ? c + " ".repeat((widths[i] ?? 0) - width(c)) : " ".repeat((widths[i] ?? 0) - width(c)) + c)).join("  "))
    .join("\n");
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
