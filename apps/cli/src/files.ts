// Facts files named on the command line (.json or .csv), read into records.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { factsFromStrings, type CompiledRubric, type FactError } from "@kaoping/engine";
import { UsageError } from "./usage-error.ts";

/** One record of a facts file: a name to show, its facts, and cells that could be read two ways. */
export interface FactsRecord {
  /** Its name column, else `#n` (n counts records from 1). */
  readonly name: string;
  readonly facts: unknown;
  readonly unreadable: readonly FactError[];
  /** The line of a CSV record (the header is line 1). */
  readonly line?: number;
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

/**
 * Reads a .json or .csv facts file into records, named by their position or their name column.
 * `onProgress` hears, while a CSV is parsed, how many records are read of about how many (its lines).
 */
export function readFactsFile(
  path: string,
  rubric: CompiledRubric,
  onProgress?: (records: number, expected: number) => void,
): FactsRecord[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError({ zh: `没有这个文件：${path}`, en: `no such file: ${path}` });
  }
  const text = decode(bytes);
  if (extname(path).toLowerCase() === ".csv") {
    let rows: Record<string, string>[];
    try {
      const expected = onProgress ? text.split("\n").filter((line) => line.trim() !== "").length - 1 : 0;
      rows = parseCsv(text, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        trim: true,
        on_record: (record: Record<string, string>, context) => {
          onProgress?.(context.records, expected);
          return record;
        },
      }) as Record<string, string>[];
    } catch (e) {
      const reason = (e as Error).message;
      throw new UsageError({ zh: `CSV 无法读取：${path}：${reason}`, en: `cannot read the CSV ${path}: ${reason}` });
    }
    const inputs = new Set(rubric.inputs.map((i) => i.name));
    return rows.map((row, i) => {
      const nameColumn = NAME_COLUMNS.find((c) => c in row && !inputs.has(c));
      const cells: Record<string, string> = { ...row };
      let name = `#${i + 1}`;
      if (nameColumn) {
        name = cells[nameColumn] || name;
        delete cells[nameColumn];
      }
      const { facts, errors } = factsFromStrings(rubric.inputs, cells);
      return { name, facts, unreadable: errors, line: i + 2 };
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = (e as Error).message;
    throw new UsageError({ zh: `JSON 无法读取：${path}：${reason}`, en: `cannot read the JSON ${path}: ${reason}` });
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((facts, i) => ({ name: `#${i + 1}`, facts, unreadable: [] }));
}
