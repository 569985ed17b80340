// Facts from text cells (CSV, spreadsheets): each cell read by its input's type, so that "是",
// "40%" and "１２" mean what a person meant. What cannot be read is passed on unchanged, and the
// input schema then names the field and says what is wrong.

import type { InputInfo } from "./compile.ts";

const YES = new Set(["是", "yes", "y", "true", "1", "√", "✓"]);
const NO = new Set(["否", "no", "n", "false", "0", "×", "✗"]);
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Full-width digits, point and percent sign to ASCII; thousands separators dropped. */
function normalizeNumber(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/．/g, ".")
    .replace(/[,，](?=\d{3}(?:\D|$))/g, "");
}

function readNumber(text: string): number | string {
  const t = normalizeNumber(text);
  return NUMBER.test(t) ? Number(t) : text;
}

/** The column holding a discretionary score's reason: `<name>.理由` or `<name>.reason`. */
export function reasonColumns(name: string): readonly string[] {
  return [`${name}.理由`, `${name}.reason`];
}

/**
 * Reads one record of text cells into facts for `inputs`. Empty cells are left out (the input's
 * default applies, or it is reported missing). Columns that are not inputs are kept, so that the
 * schema reports them.
 */
export function factsFromStrings(
  inputs: readonly InputInfo[],
  record: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown): void => {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const reasonOf = new Map<string, string>();
  for (const i of inputs) for (const c of reasonColumns(i.name)) reasonOf.set(c, i.name);
  for (const [rawKey, cell] of Object.entries(record)) {
    const key = rawKey.trim().normalize("NFC");
    if (cell === undefined || cell.trim() === "" || reasonOf.has(key)) continue;
    const input = byName.get(key);
    if (!input) {
      set(key, cell);
      continue;
    }
    const text = cell.trim();
    switch (input.kind) {
      case "yesno": {
        const t = text.toLowerCase();
        set(key, YES.has(t) ? true : NO.has(t) ? false : cell);
        break;
      }
      case "percent":
        set(key, readNumber(text.replace(/[%％]$/, "")));
        break;
      case "score": {
        const value = readNumber(text);
        const reason = reasonColumns(key)
          .map((c) => record[c])
          .find((r) => r !== undefined && r.trim() !== "");
        set(key, reason !== undefined && typeof value === "number" ? { value, reason: reason.trim() } : value);
        break;
      }
      default:
        set(key, readNumber(text));
    }
  }
  return out;
}
