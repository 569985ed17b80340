// Facts from text cells (CSV, spreadsheets, the web app's import): each cell read by its input's
// type, so that "是", "有", "40%" and "１２" mean what a person meant. The one reader of facts from
// text: the CLI and the web app both call it. What cannot be read is passed on unchanged, and the
// input schema then names the field and says what is wrong; what could be read two ways (0.99 in
// a percent column) is an error here, never a guess.

import type { InputInfo } from "./compiled-rubric.ts";
import type { FactError } from "./schema.ts";

const YES = new Set(["是", "有", "yes", "y", "true", "1", "√", "✓", "已完成", "完成"]);
const NO = new Set(["否", "无", "no", "n", "false", "0", "×", "✗", "未完成"]);
const NUMBER = /^\d+(?:\.\d+)?$/;

/** How a percent column writes its numbers: percent points (40 = 40%) or fractions (0.4 = 40%). */
export type PercentForm = "points" | "ratio";

/** Full-width digits, point and percent sign to ASCII; thousands separators dropped. */
function normalizeNumber(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/．/g, ".")
    .replace(/％/g, "%")
    .replace(/[−－]/g, "-")
    .replace(/[,，](?=\d{3}(?:\D|$))/g, "");
}

function readNumber(text: string): number | string {
  const t = normalizeNumber(text);
  return NUMBER.test(t) ? Number(t) : text;
}

/** A decimal written in percent points, exactly: "0.995" → 99.5 (no binary rounding). */
function ratioToPoints(decimal: string): number {
  const [whole = "0", fraction = ""] = decimal.split(".");
  const f = fraction.padEnd(2, "0");
  return Number(`${whole}${f.slice(0, 2)}.${f.slice(2) || "0"}`);
}

/** The column holding a discretionary score's reason: `<name>.理由` or `<name>.reason`. */
export function reasonColumns(name: string): readonly string[] {
  return [`${name}.理由`, `${name}.reason`];
}

/**
 * A header's name and the percent form it states: `培训率(%)`, `培训率%` → points; `培训率（比例）`,
 * `培训率 (ratio)` → fractions; anything else as it is.
 */
export function readHeader(header: string): { readonly name: string; readonly percent: PercentForm | null } {
  const h = header.trim().normalize("NFC");
  const marked = /^(.+?)\s*[(（]\s*(%|％|百分比|百分数|percent|比例|小数|ratio|fraction)\s*[)）]$/iu.exec(h);
  if (marked) {
    const word = (marked[2] as string).toLowerCase();
    return {
      name: marked[1] as string,
      percent: ["比例", "小数", "ratio", "fraction"].includes(word) ? "ratio" : "points",
    };
  }
  const sign = /^(.+?)\s*[%％]$/u.exec(h);
  return sign ? { name: sign[1] as string, percent: "points" } : { name: h, percent: null };
}

export type CellReading =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: FactError };

/**
 * Reads one cell as `input`'s fact: undefined for an empty cell (the default applies, or it is
 * missing), the value when it reads as the input's type, the text unchanged when it does not (the
 * schema says why), or an error when it could be read two ways.
 */
export function readFactCell(
  input: InputInfo,
  cell: string,
  options: { reason?: string; percent?: PercentForm | null } = {},
): CellReading {
  const text = cell.trim();
  if (text === "") return { ok: true, value: undefined };
  switch (input.kind) {
    case "yesno": {
      const t = text.toLowerCase();
      return { ok: true, value: YES.has(t) ? true : NO.has(t) ? false : cell };
    }
    case "percent": {
      const t = normalizeNumber(text);
      // A declared range may be negative (增长率 -100% 至 1000%): a leading minus is read, the range checks it.
      const sign = t.startsWith("-") ? -1 : 1;
      if (sign < 0 && t.endsWith("%")) {
        const n = readNumber(t.slice(1, -1));
        return { ok: true, value: typeof n === "number" ? -n : cell };
      }
      if (t.endsWith("%")) return { ok: true, value: readNumber(t.slice(0, -1)) };
      if (!NUMBER.test(t)) return { ok: true, value: cell };
      const n = Number(t);
      if (options.percent === "ratio") return { ok: true, value: ratioToPoints(t) };
      if (options.percent === "points" || n === 0 || n > 1) return { ok: true, value: n };
      const label = input.label ?? input.name;
      const points = ratioToPoints(t);
      return {
        ok: false,
        error: {
          field: input.name,
          label,
          code: "ambiguous",
          message: {
            zh: `「${label}」的 ${t} 不明确：是 ${points}% 还是 ${t}%？请写成 ${points}% 或 ${t}%，或在列名后注明（%）或（比例）`,
            en: `"${label}": ${t} is ambiguous: ${points}% or ${t}%? Write ${points}% or ${t}%, or mark the column "(%)" or "(ratio)"`,
          },
        },
      };
    }
    case "score": {
      const value = readNumber(text);
      const reason = options.reason?.trim() ?? "";
      return { ok: true, value: reason !== "" && typeof value === "number" ? { value, reason } : value };
    }
    default:
      return { ok: true, value: readNumber(text) };
  }
}

/**
 * Reads one record of text cells into facts for `inputs`, headers first (see readHeader). Empty
 * cells are left out. Columns that are not inputs are kept, so that the schema reports them (or
 * reads them as the input they differ from only in Unicode form). `errors` has the cells that
 * could be read two ways.
 */
export function factsFromStrings(
  inputs: readonly InputInfo[],
  record: Readonly<Record<string, string | undefined>>,
): { readonly facts: Record<string, unknown>; readonly errors: readonly FactError[] } {
  const facts: Record<string, unknown> = {};
  const set = (k: string, v: unknown): void => {
    Object.defineProperty(facts, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const reasonOf = new Map<string, string>();
  for (const i of inputs) for (const c of reasonColumns(i.name)) reasonOf.set(c, i.name);
  const errors: FactError[] = [];
  for (const [rawKey, cell] of Object.entries(record)) {
    const header = readHeader(rawKey);
    const input = byName.get(header.name);
    const key = input ? header.name : rawKey.trim().normalize("NFC");
    if (cell === undefined || cell.trim() === "" || reasonOf.has(key)) continue;
    if (!input) {
      set(key, cell);
      continue;
    }
    const reason = reasonColumns(key)
      .map((c) => record[c])
      .find((r) => r !== undefined && r.trim() !== "");
    const read = readFactCell(input, cell, { percent: header.percent, ...(reason !== undefined ? { reason } : {}) });
    if (read.ok) set(key, read.value);
    else errors.push(read.error);
  }
  return { facts, errors };
}
