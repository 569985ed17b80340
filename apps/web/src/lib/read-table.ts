// Reads the first sheet of an .xlsx file or a CSV file (UTF-8 or GBK, as Excel on Chinese Windows
// saves it: @kaoping/csv) into rows of trimmed strings. Pure apart from the lazy imports, so Node
// tests can run it. A CSV that is not a table throws TableError.

export interface Table {
  readonly header: readonly string[];
  /** Data rows; `line` is the row number as the user sees it in the file (header = 1). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  readonly encoding: "xlsx" | "utf-8" | "gbk";
}

function toTable(matrix: readonly (readonly string[])[]): Table {
  const [head = [], ...rest] = matrix;
  const header = head.map((h) => h.trim());
  const rows = rest
    .map((cells, i) => ({ line: i + 2, cells: header.map((_, c) => (cells[c] ?? "").trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  return { header, rows, encoding: "xlsx" };
}

/** A file that is not a table, with the reason in both languages (the page shows the user's). */
export class TableError extends Error {
  constructor(readonly reason: { readonly zh: string; readonly en: string }) {
    super(reason.en);
    this.name = "TableError";
  }
}

/** Reads CSV with the project's one CSV reader (loaded only when a CSV is imported). */
export async function parseCsv(bytes: Uint8Array): Promise<Table> {
  const { CsvError, readCsv } = await import("@kaoping/csv");
  try {
    return readCsv(bytes);
  } catch (e) {
    throw e instanceof CsvError ? new TableError(e.reason) : e;
  }
}

type CellValue = import("exceljs").CellValue;

/** The text a person sees in a cell, for the value kinds exceljs reports. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return String(value);
}

/** Reads the first worksheet of an .xlsx file. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  const mod = (await import("exceljs")) as typeof import("exceljs") & { default?: typeof import("exceljs") };
  const Excel = mod.default ?? mod;
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [], encoding: "xlsx" };
  const matrix: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix.push(cells);
  }
  return toTable(matrix);
}

/** Reads a table from a file by its extension (.xlsx, else CSV). */
export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  return /\.xlsx$/i.test(name) ? parseXlsx(bytes) : parseCsv(bytes);
}
