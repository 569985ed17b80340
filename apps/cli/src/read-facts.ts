// Reads a facts file for a command, with a "reading" progress bar on the terminal while a long
// CSV is parsed (score and diff --facts). A file with a cell that could be read two ways (0.99 in
// a percent column) is refused whole, each such cell named by record, line and column: the CLI
// never guesses.
import type { CompiledRubric } from "@kaoping/engine";
import type { MessageLanguage } from "@kaoping/language";
import type { CommandContext } from "./command.ts";
import { readFactsFile, type FactsRecord } from "./files.ts";
import type { Progress } from "./progress.ts";
import { UsageError } from "./usage-error.ts";

/** A record's name as messages show it: with its line when it comes from a CSV. */
export function recordName(r: FactsRecord, lang: MessageLanguage): string {
  if (r.line === undefined) return r.name;
  return lang === "zh" ? `${r.name}（第 ${r.line} 行）` : `${r.name} (line ${r.line})`;
}

/** The records of a facts file; the bar (if one was drawn) is erased before returning. */
export function readFacts(path: string, rubric: CompiledRubric, ctx: CommandContext): FactsRecord[] {
  let reading: Progress | undefined;
  const records = readFactsFile(path, rubric, (done, expected) => {
    reading ??= ctx.progress({ zh: "读取", en: "reading" }, expected);
    reading.update(done);
  });
  reading?.finish();
  const lang = ctx.lang;
  const unreadable = records.flatMap((r) =>
    r.unreadable.map((e) =>
      lang === "zh"
        ? `记录 ${recordName(r, lang)}：${e.field}：${e.message.zh}`
        : `record ${recordName(r, lang)}: ${e.field}: ${e.message.en}`,
    ),
  );
  if (unreadable.length > 0) {
    ctx.err(unreadable.join("\n"));
    throw new UsageError({
      zh: `未评分：${unreadable.length} 个单元格可有两种读法，请按上面的提示改写`,
      en: `nothing scored: ${unreadable.length} cell(s) could be read two ways; write them as shown above`,
    });
  }
  return records;
}
