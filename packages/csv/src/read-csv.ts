// CSV files as people save them from Excel or WPS: UTF-8 with or without a BOM, or GBK (Excel on
// Chinese Windows), quoted fields with commas and line breaks, blank rows. The one CSV reader of
// the project: the CLI reads facts files with it and the web app its imports, so a file reads the
// same everywhere. Browser-safe (papaparse has no Node dependency, TextDecoder is in both).
import Papa from "papaparse";

/** A message in both languages; the caller shows the one of its user. */
export interface CsvMessage {
  readonly zh: string;
  readonly en: string;
}

export interface CsvTable {
  /** The first row, each cell trimmed. */
  readonly header: readonly string[];
  /**
   * Data rows with a non-blank cell, as many cells as the header (trimmed, "" where missing);
   * `line` is the row's number as a spreadsheet shows it (the header is 1, blank rows count).
   */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  readonly encoding: "utf-8" | "gbk";
}

/** A file that is not a table: an unclosed quote, a row longer than the header. */
export class CsvError extends Error {
  constructor(
    /** The spreadsheet row it was found in. */
    readonly line: number,
    readonly reason: CsvMessage,
  ) {
    super(reason.en);
    this.name = "CsvError";
  }
}

/** Decodes a text file's bytes: UTF-8 when they are valid UTF-8 (its BOM dropped), GBK otherwise. */
export function decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: "utf-8" | "gbk" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk" };
  }
}

/**
 * Reads CSV bytes into a header and rows. `onProgress` hears, row by row, how many rows are read
 * of about how many (the text's non-blank lines). Throws CsvError for what is not a table.
 */
export function readCsv(bytes: Uint8Array, onProgress?: (rows: number, expected: number) => void): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const expected = onProgress ? text.split("\n").filter((l) => l.trim() !== "").length - 1 : 0;
  let header: string[] | null = null;
  const rows: { line: number; cells: string[] }[] = [];
  let line = 0;
  let failure = null as CsvError | null;
  Papa.parse<string[]>(text, {
    step: (result, parser) => {
      line++;
      // Papaparse guesses the delimiter and says when it cannot (a one-column file): not an error.
      const error = result.errors.find((e) => e.type !== "Delimiter");
      if (error) {
        failure = new CsvError(line, {
          zh: `第 ${line} 行：${error.type === "Quotes" ? "引号未闭合或位置不对" : error.message}`,
          en: `row ${line}: ${error.type === "Quotes" ? "a quote is not closed, or is misplaced" : error.message}`,
        });
        parser.abort();
        return;
      }
      const cells = result.data.map((c) => c.trim());
      if (header === null) {
        header = cells;
        return;
      }
      if (cells.every((c) => c === "")) return;
      const extra = cells.slice(header.length).filter((c) => c !== "").length;
      if (extra > 0) {
        failure = new CsvError(line, {
          zh: `第 ${line} 行有 ${cells.length} 格，比表头的 ${header.length} 列多`,
          en: `row ${line} has ${cells.length} cells, more than the header's ${header.length} columns`,
        });
        parser.abort();
        return;
      }
      rows.push({ line, cells: header.map((_, i) => cells[i] ?? "") });
      onProgress?.(rows.length, expected);
    },
  });
  if (failure) throw failure;
  return { header: header ?? [], rows, encoding };
}
