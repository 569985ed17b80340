// Tree comparison that ignores where things were written: spans are positions, not meaning.
import type { Rubric } from "./ast.ts";

/** A deep copy of a tree without spans, for comparison and snapshots. */
export function stripSpans<T>(node: T): T {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === "span" || key === "numberSpan" || key === "quoted" ? undefined : value,
    ),
  ) as T;
}

/** Whether two rubrics say the same thing, whatever their layout (keyword set aside). */
export function sameTree(a: Rubric, b: Rubric): boolean {
  return JSON.stringify(stripSpans({ ...a, keywords: "" })) === JSON.stringify(stripSpans({ ...b, keywords: "" }));
}
