// The generated villages as facts for the compiled rubric: the same values, with the
// discretionary score carrying a reason below its maximum (the input schema requires one).
import type { VillageFacts } from "./village-handwritten.ts";

/** Engine facts of one generated village. */
export function engineFacts(v: VillageFacts): Record<string, unknown> {
  const score = v.责任书评分;
  return { ...v, 责任书评分: score < 4 ? { value: score, reason: "签订不全，按已签比例评定" } : score };
}
