import type { FactInput } from "../../lib/live-score.ts";

/** An answer as a line of text (a conflict's two sides, the history): 是/否, the number, the reason. */
export function factText(value: FactInput | undefined, yes: string, no: string): string {
  if (value === undefined) return "—";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "number") return String(value);
  return value.reason ? `${value.value}（${value.reason}）` : String(value.value);
}
