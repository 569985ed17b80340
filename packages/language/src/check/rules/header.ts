// The header says what the sheet is: its id, title, subject kind and declared total (KP203).
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import type { CheckContext } from "../context.ts";

export function checkHeader(ctx: CheckContext): void {
  const { rubric } = ctx;
  const at = { start: 0, end: Math.min(rubric.span.end, 1) };
  const missing = (zh: string, en: string) => ctx.report(diagnostic("KP203", at, { field: { zh, en } }));
  if (!rubric.id) missing("评分细则的编号（如 village_quality）", "the rubric's id (such as village_quality)");
  if (!rubric.title) missing("评分细则的标题", "the rubric's title");
  if (!rubric.header.subject) missing('考核对象（对象 "行政村"）', 'the subject kind (subject "…")');
  if (!rubric.header.total) missing("满分（满分 100）", "the declared total (total 100)");
}
