// Rankings and per-item statistics of a period, from the results stored at save time.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { text } from "../input-policy.ts";
import { AssessmentStatusSchema, IdSchema } from "../schemas.ts";
import { ScoreResultSchema } from "../scoring.ts";
import { protectedProcedure } from "../trpc.ts";

const round = (x: number) => Number(x.toFixed(4));

export const reportsRouter = {
  /** Scored assessments of a period, best first; equal totals share a rank. */
  ranking: protectedProcedure
    .input(
      z.object({
        periodId: IdSchema,
        kind: text(50).optional(),
        /** Only these statuses (default: every status that has a score). */
        statuses: z.array(AssessmentStatusSchema).optional(),
      }),
    )
    .output(
      z.array(
        z.object({
          rank: z.number().int(),
          assessmentId: IdSchema,
          subjectId: IdSchema,
          subjectCode: z.string(),
          subjectName: z.string(),
          subjectKind: z.string(),
          status: AssessmentStatusSchema,
          total: z.number(),
          grade: z.string().nullable(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("assessment")
        .innerJoin("subject", "subject.id", "assessment.subject_id")
        .select([
          "assessment.id",
          "subject.id as subject_id",
          "subject.code",
          "subject.name",
          "subject.kind",
          "assessment.status",
          "assessment.total",
          "assessment.grade",
        ])
        .where("assessment.period_id", "=", input.periodId)
        .where("assessment.total", "is not", null)
        .orderBy("assessment.total", "desc")
        .orderBy("subject.code");
      if (input.kind) query = query.where("subject.kind", "=", input.kind);
      if (input.statuses && input.statuses.length > 0) query = query.where("assessment.status", "in", input.statuses);
      const rows = await query.execute();
      let rank = 0;
      let previous: number | null = null;
      return rows.map((r, i) => {
        const total = Number(r.total);
        if (total !== previous) rank = i + 1;
        previous = total;
        return {
          rank,
          assessmentId: r.id,
          subjectId: r.subject_id,
          subjectCode: r.code,
          subjectName: r.name,
          subjectKind: r.kind,
          status: r.status,
          total,
          grade: r.grade,
        };
      });
    }),

  /** Per item: how many were scored, and the mean, least and most points, for one rubric. */
  itemStats: protectedProcedure
    .input(z.object({ periodId: IdSchema, rubricKey: text(100) }))
    .output(
      z.object({
        scored: z.number().int(),
        meanTotal: z.number().nullable(),
        items: z.array(
          z.object({
            number: z.number().int(),
            title: z.string(),
            standard: z.number(),
            mean: z.number(),
            min: z.number(),
            max: z.number(),
            /** Share of subjects that got at least the standard points. */
            fullShare: z.number(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .selectFrom("assessment")
        .innerJoin("rubric_version", "rubric_version.id", "assessment.rubric_version_id")
        .select(["assessment.result"])
        .where("assessment.period_id", "=", input.periodId)
        .where("rubric_version.rubric_key", "=", input.rubricKey)
        .where("assessment.total", "is not", null)
        .execute();
      const results = rows.flatMap((r) => {
        const parsed = ScoreResultSchema.safeParse(r.result);
        return parsed.success ? [parsed.data] : [];
      });
      const byItem = new Map<number, { title: string; standard: number; points: number[] }>();
      for (const result of results) {
        for (const item of result.items) {
          const entry = byItem.get(item.number) ?? { title: item.title, standard: item.standard, points: [] };
          entry.points.push(item.points);
          byItem.set(item.number, entry);
        }
      }
      const n = results.length;
      return {
        scored: n,
        meanTotal: n === 0 ? null : round(results.reduce((s, r) => s + r.total, 0) / n),
        items: [...byItem]
          .sort(([a], [b]) => a - b)
          .map(([number, e]) => ({
            number,
            title: e.title,
            standard: e.standard,
            mean: round(e.points.reduce((s, p) => s + p, 0) / e.points.length),
            min: Math.min(...e.points),
            max: Math.max(...e.points),
            fullShare: round(e.points.filter((p) => p >= e.standard).length / e.points.length),
          })),
      };
    }),
} satisfies TRPCRouterRecord;
