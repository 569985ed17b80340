// Facts as the rubric's inputs expect them (docs/language.md, "Types"), read from what people type
// in a spreadsheet cell.

export type FactValue = boolean | number | { readonly value: number; readonly reason: string };

export type InputKind = "yesno" | "count" | "number" | "percent" | "score";

/** What the importer needs to know of one input (from the compiled rubric). */
export interface InputInfo {
  readonly name: string;
  readonly label: string;
  readonly help: string | null;
  readonly kind: InputKind;
  readonly unit: string | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly step: number | null;
  readonly hasDefault: boolean;
  /** The item it is declared in, or null for a rubric-wide input. */
  readonly item: number | null;
}

export type ParsedCell =
  | { readonly ok: true; readonly value: FactValue | undefined }
  | { readonly ok: false; readonly message: string };

const yesWords = new Set(["是", "有", "yes", "y", "true", "1", "√", "✓", "已完成", "完成"]);
const noWords = new Set(["否", "无", "no", "n", "false", "0", "×", "✗", "未完成"]);

/** Full-width digits, signs and percent to their half-width forms, so ４０％ reads as 40%. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
}

function decimal(text: string): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads one spreadsheet cell as the fact an input expects. An empty cell is "not given"
 * (undefined), never a silent zero. Messages are in Chinese and English in one line, since the
 * importer shows them per row.
 */
export function parseFactCell(input: InputInfo, raw: string, reason = ""): ParsedCell {
  const text = halfWidth(raw);
  if (text === "") return { ok: true, value: undefined };
  switch (input.kind) {
    case "yesno": {
      const w = text.toLowerCase();
      if (yesWords.has(w)) return { ok: true, value: true };
      if (noWords.has(w)) return { ok: true, value: false };
      return { ok: false, message: "应为 是/否 (yes/no)" };
    }
    case "count": {
      const n = decimal(text);
      if (n === null || !Number.isInteger(n) || n < 0)
        return { ok: false, message: "应为不小于 0 的整数 (a whole number ≥ 0)" };
      return { ok: true, value: n };
    }
    case "number": {
      const n = decimal(text.replace(/,/g, ""));
      if (n === null || n < 0) return { ok: false, message: "应为不小于 0 的数 (a number ≥ 0)" };
      return { ok: true, value: n };
    }
    case "percent": {
      const n = decimal(text.replace(/%$/, "").trim());
      if (n === null || n < 0 || n > 100) return { ok: false, message: "应为 0 到 100 的百分数 (a percent 0–100)" };
      return { ok: true, value: n };
    }
    case "score": {
      const n = decimal(text);
      const min = input.min ?? 0;
      const max = input.max ?? Number.POSITIVE_INFINITY;
      if (n === null || n < min || n > max)
        return { ok: false, message: `应为 ${min} 到 ${max} 的分数 (a score ${min}–${max})` };
      if (input.step !== null && !onStep(n, min, input.step))
        return { ok: false, message: `步长为 ${input.step} (step ${input.step})` };
      if (n < max) {
        if (reason.trim() === "")
          return { ok: false, message: "低于满分时必须填写理由 (a reason is required below the maximum)" };
        return { ok: true, value: { value: n, reason: reason.trim() } };
      }
      return { ok: true, value: n };
    }
  }
}

/** Whether n lies on the step grid from min, allowing for binary fractions (0.1 steps). */
export function onStep(n: number, min: number, step: number): boolean {
  const k = (n - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}
