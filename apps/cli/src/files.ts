// Facts files named on the command line (.json or .csv), read into records.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { CsvError, decodeText, readCsv } from "@kaoping/csv";
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
  if (extname(path).toLowerCase() === ".csv") {
    let table: ReturnType<typeof readCsv>;
    try {
      table = readCsv(bytes, onProgress);
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      throw new UsageError({
        zh: `CSV 无法读取：${path}：${e.reason.zh}`,
        en: `cannot read the CSV ${path}: ${e.reason.en}`,
      });
    }
    const inputs = new Set(rubric.inputs.map((i) => i.name));
    const nameColumn = table.header.findIndex((h) => NAME_COLUMNS.includes(h) && !inputs.has(h));
    return table.rows.map((row, i) => {
      // fromEntries: a column named __proto__ is a key like any other.
      const cells = Object.fromEntries(
        table.header.flatMap((h, c) => (c === nameColumn ? [] : [[h, row.cells[c] ?? ""] as const])),
      );
      const name = (nameColumn >= 0 ? row.cells[nameColumn] : "") || `#${i + 1}`;
      const { facts, errors } = factsFromStrings(rubric.inputs, cells);
      return { name, facts, unreadable: errors, line: row.line };
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).text);
  } catch (e) {
    const reason = (e as Error).message;
    throw new UsageError({ zh: `JSON 无法读取：${path}：${reason}`, en: `cannot read the JSON ${path}: ${reason}` });
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((facts, i) => ({ name: `#${i + 1}`, facts, unreadable: [] }));
}
