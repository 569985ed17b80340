// Gathers a period's results through the API and writes the summary workbook.
import type { TFunction } from "i18next";
import type { ApiClient } from "../trpc.ts";
import { buildSummaryWorkbook, downloadWorkbook, safeFileName } from "./sheet-export.ts";
import type { SummaryRow, SummarySheet } from "./sheet-model.ts";

/** A rubric of the summary: its subject kind names the sheet and picks the assessments. */
export interface SummaryRubric {
  readonly subjectKind: string;
  readonly title: string;
}

/** Fetches every assessment of the period (500 at a time) with its result, one sheet per rubric. */
export async function exportPeriodSummary(
  client: ApiClient,
  periodId: number,
  periodName: string,
  rubrics: readonly SummaryRubric[],
  t: TFunction,
): Promise<void> {
  const sheets: SummarySheet[] = [];
  for (const rubric of rubrics) {
    const summaries = [];
    for (let offset = 0; ; offset += 500) {
      const page = await client.assessments.list.query({ periodId, kind: rubric.subjectKind, limit: 500, offset });
      summaries.push(...page.rows);
      if (summaries.length >= page.total || page.rows.length === 0) break;
    }
    const ranking = await client.reports.ranking.query({ periodId, kind: rubric.subjectKind });
    const rankOf = new Map(ranking.map((r) => [r.assessmentId, r.rank]));
    const details = await Promise.all(summaries.map((s) => client.assessments.get.query({ id: s.id })));
    const itemHeads = new Map<number, { number: number; title: string; standard: string }>();
    const rows: SummaryRow[] = details.map((d) => {
      const items: Record<number, string | null> = {};
      for (const it of d.result?.items ?? []) {
        itemHeads.set(it.number, { number: it.number, title: it.title, standard: String(it.standard) });
        items[it.number] = String(it.points);
      }
      return {
        rank: rankOf.get(d.id) ?? null,
        code: d.subjectCode,
        name: d.subjectName,
        status: t(`status.${d.status}`),
        items,
        total: d.total === null ? null : String(d.total),
        grade: d.grade,
      };
    });
    rows.sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
    );
    sheets.push({
      name: rubric.subjectKind,
      rubricTitle: rubric.title,
      items: [...itemHeads.values()].sort((a, b) => a.number - b.number),
      rows,
    });
  }
  const wb = await buildSummaryWorkbook(
    { title: t("rankings.summary"), periodName, sheets },
    {
      rank: t("common.rank"),
      code: t("common.code"),
      name: t("common.name"),
      status: t("common.status"),
      total: t("common.total"),
      grade: t("assessment.grade"),
    },
  );
  await downloadWorkbook(wb, safeFileName(`${periodName}-汇总.xlsx`));
}
