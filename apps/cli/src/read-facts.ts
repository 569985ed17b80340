// Reads a facts file for a command, with a "reading" progress bar on the terminal while a long
// CSV is parsed (score and diff --facts).
import type { CompiledRubric } from "@kaoping/engine";
import type { CommandContext } from "./command.ts";
import { readFactsFile, type FactsRecord } from "./files.ts";
import type { Progress } from "./progress.ts";

/** The records of a facts file; the bar (if one was drawn) is erased before returning. */
export function readFacts(path: string, rubric: CompiledRubric, ctx: CommandContext): FactsRecord[] {
  let reading: Progress | undefined;
  const records = readFactsFile(path, rubric, (done, expected) => {
    reading ??= ctx.progress({ zh: "读取", en: "reading" }, expected);
    reading.update(done);
  });
  reading?.finish();
  return records;
}
