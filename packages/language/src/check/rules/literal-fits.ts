// Whether a literal (a default or a test's given value) is a value of an input's type.
import type * as A from "../../ast.ts";
import type { Message } from "../../diagnostics/diagnostic.ts";

/** A user's name as quoted in messages. */
export function quotedName(name: string): Message {
  return { zh: `「${name}」`, en: `"${name}"` };
}

/** The percent a range bound stands for, e.g. -100 for -100%. */
export function percentBound(bound: A.PercentLiteral | A.Negate): number {
  return bound.kind === "negate" ? -Number((bound.operand as A.PercentLiteral).value) : Number(bound.value);
}

/** Null when the literal fits; otherwise what the input's values look like. */
export function literalFits(input: A.Input, value: A.Literal | A.Negate): Message | null {
  const type = input.type;
  const negative = value.kind === "negate";
  const plain = value.kind === "number" ? Number(value.value) : null;
  switch (type.kind) {
    case "yesno":
      return value.kind === "bool" ? null : { zh: "是或否", en: "yes or no" };
    case "count":
      return plain !== null && Number.isInteger(plain)
        ? null
        : { zh: "不小于 0 的整数", en: "a whole number, 0 or more" };
    case "number":
      return plain !== null && !negative ? null : { zh: "不小于 0 的数", en: "a number, 0 or more" };
    case "percent": {
      const [lo, hi] = type.range ? [percentBound(type.range.min), percentBound(type.range.max)] : [0, 100];
      // A reversed range is reported once, as KP527.
      if (lo >= hi) return null;
      const percent = value.kind === "negate" ? value.operand : value;
      const v = percent.kind === "percent" ? (negative ? -1 : 1) * Number(percent.value) : null;
      return v !== null && v >= lo && v <= hi
        ? null
        : { zh: `${lo}% 至 ${hi}% 的百分数（带 %）`, en: `a percentage from ${lo}% to ${hi}% (with %)` };
    }
    case "score": {
      const lo = Number(type.min.value);
      const hi = Number(type.max.value);
      // A range whose minimum is not below its maximum is reported once, as KP406.
      if (lo >= hi) return null;
      const fits =
        plain !== null && plain >= lo && plain <= hi && onStep(plain, lo, type.step ? Number(type.step.value) : null);
      return fits
        ? null
        : {
            zh: `${type.min.value} 至 ${type.max.value} 的分数${type.step ? `（步长 ${type.step.value}）` : ""}`,
            en: `a score from ${type.min.value} to ${type.max.value}${type.step ? ` in steps of ${type.step.value}` : ""}`,
          };
    }
  }
}

function onStep(value: number, min: number, step: number | null): boolean {
  if (!step || step <= 0) return true;
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}
