// Assessments: one per subject and period, pinned to the rubric version published for the
// subject's kind when it was created. Facts are saved with the revision they were based on; the
// score is always computed here, never taken from the client.
import { sql, toJson } from "@kaoping/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { HistoryEntrySchema, historyEntry } from "../assessment-history.ts";
import { assertMayEdit, assertSecondPair } from "../auth/ownership.ts";
import { text } from "../input-policy.ts";
import { AssessmentStatusSchema, IdSchema, PagingInput, RevisionSchema } from "../schemas.ts";
import { checkFacts, missingFacts, noticeOut, NoticesSchema, scoreFacts, ScoreResultSchema } from "../scoring.ts";
import {
  adminProcedure,
  assessorProcedure,
  audit,
  protectedProcedure,
  reviewerProcedure,
  ValidationError,
} from "../trpc.ts";

import {
  SummarySchema,
  AssessmentSchema,
  EDITABLE,
  baseQuery,
  summaryOut,
  loadAssessment,
  computeResult,
  transition,
  FactsInput,
  pinnedRubric,
} from "../assessment-records.ts";
import { refuse } from "../messages.ts";

export const assessmentsRouter = {
  list: protectedProcedure
    .input(
      PagingInput.extend({
        periodId: IdSchema.optional(),
        subjectId: IdSchema.optional(),
        kind: text(50).optional(),
        status: AssessmentStatusSchema.optional(),
        search: z.string().trim().max(100).optional(),
      }).default({ limit: 50, offset: 0 }),
    )
    .output(z.object({ rows: z.array(SummarySchema), total: z.number().int() }))
    .query(async ({ ctx, input }) => {
      let query = baseQuery(ctx.db);
      if (input.periodId) query = query.where("assessment.period_id", "=", input.periodId);
      if (input.subjectId) query = query.where("assessment.subject_id", "=", input.subjectId);
      if (input.kind) query = query.where("subject.kind", "=", input.kind);
      if (input.status) query = query.where("assessment.status", "=", input.status);
      if (input.search) {
        const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb("subject.name", "like", like), eb("subject.code", "like", like)]));
      }
      const [rows, count] = await Promise.all([
        query.orderBy("subject.kind").orderBy("subject.code").limit(input.limit).offset(input.offset).execute(),
        query
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(summaryOut), total: Number(count.n) };
    }),

  get: protectedProcedure
    .input(z.object({ id: IdSchema }))
    .output(AssessmentSchema)
    .query(({ ctx, input }) => loadAssessment(ctx.db, input.id)),

  /**
   * The assessment's steps from the audit log, oldest first: for everyone who may read the
   * assessment, unlike the audit log itself (which shows actors' token names and raw JSON).
   */
  history: protectedProcedure
    .input(z.object({ assessmentId: IdSchema }))
    .output(z.array(HistoryEntrySchema))
    .query(async ({ ctx, input }) => {
      const exists = await ctx.db
        .selectFrom("assessment")
        .select("id")
        .where("id", "=", input.assessmentId)
        .executeTakeFirst();
      if (!exists) throw refuse("NOT_FOUND", "assessmentNotFound", { id: input.assessmentId });
      const id = String(input.assessmentId);
      const rows = await ctx.db
        .selectFrom("audit_log")
        .leftJoin("app_user", "app_user.id", "audit_log.user_id")
        .select([
          "audit_log.id",
          "audit_log.at",
          "audit_log.procedure",
          "audit_log.before",
          "audit_log.after",
          "app_user.display_name",
          "app_user.role",
        ])
        .where((eb) =>
          eb.or([
            eb.and([eb("audit_log.entity", "=", "assessment"), eb("audit_log.entity_id", "=", id)]),
            // Evidence entries are keyed by the file; the assessment is inside the recorded file.
            eb.and([
              eb("audit_log.entity", "=", "evidence"),
              eb.or([
                eb(sql<string>`audit_log.after->>'assessmentId'`, "=", id),
                eb(sql<string>`audit_log.before->>'assessmentId'`, "=", id),
              ]),
            ]),
          ]),
        )
        .orderBy("audit_log.id")
        .execute();
      return rows.flatMap((r) => {
        const entry = historyEntry({
          id: r.id,
          at: r.at,
          procedure: r.procedure,
          before: r.before,
          after: r.after,
          displayName: r.display_name,
          role: r.role,
        });
        return entry ? [entry] : [];
      });
    }),

  /** Opens an assessment for a subject and period with the latest published rubric of its kind. */
  create: assessorProcedure
    .input(z.object({ subjectId: IdSchema, periodId: IdSchema }))
    .output(AssessmentSchema)
    .mutation(async ({ ctx, input }) => {
      const id = await ctx.db.transaction().execute(async (tx) => {
        const subject = await tx
          .selectFrom("subject")
          .select(["id", "kind"])
          .where("id", "=", input.subjectId)
          .executeTakeFirst();
        if (!subject)
          throw new ValidationError([
            {
              path: ["subjectId"],
              message: `no subject ${input.subjectId}`,
              zh: `没有编号为 ${input.subjectId} 的考核对象`,
            },
          ]);
        const period = await tx.selectFrom("period").select("id").where("id", "=", input.periodId).executeTakeFirst();
        if (!period)
          throw new ValidationError([
            { path: ["periodId"], message: `no period ${input.periodId}`, zh: `没有编号为 ${input.periodId} 的考核期` },
          ]);
        const existing = await tx
          .selectFrom("assessment")
          .select(["id", "revision"])
          .where("subject_id", "=", input.subjectId)
          .where("period_id", "=", input.periodId)
          .executeTakeFirst();
        if (existing) {
          throw refuse("CONFLICT", "assessmentExists", { subject: input.subjectId, assessment: existing.id });
        }
        const version = await tx
          .selectFrom("rubric_version")
          .select("id")
          .where("subject_kind", "=", subject.kind)
          .where("status", "=", "published")
          .orderBy("published_at", "desc")
          .orderBy("id", "desc")
          .executeTakeFirst();
        if (!version) {
          throw refuse("PRECONDITION_FAILED", "noPublishedRubric", { kind: subject.kind });
        }
        const row = await tx
          .insertInto("assessment")
          .values({
            subject_id: input.subjectId,
            period_id: input.periodId,
            rubric_version_id: version.id,
            facts: "{}",
            status: "draft",
            result: "null",
            total: null,
            grade: null,
            updated_by: ctx.user.id,
            created_by: ctx.user.id,
            assigned_to: null,
            submitted_by: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(tx, ctx, "assessment", row.id, null, { ...input, rubricVersionId: version.id, status: "draft" });
        return row.id;
      });
      return loadAssessment(ctx.db, id);
    }),

  /**
   * Saves facts (partial facts are fine in a draft; every fact given must be valid) based on
   * `revision`. A stale revision is refused with CONFLICT; invalid facts with BAD_REQUEST.
   */
  saveFacts: assessorProcedure
    .input(z.object({ id: IdSchema, revision: RevisionSchema, facts: FactsInput }))
    .output(AssessmentSchema.extend({ notices: NoticesSchema }))
    .mutation(async ({ ctx, input }) => {
      // The pinned version never changes: read (and compiled, once) outside the transaction.
      const prepared = await pinnedRubric(ctx.db, input.id);
      const notices = await ctx.db.transaction().execute(async (tx) => {
        await assertMayEdit(tx, ctx.user, input.id);
        // Stored under the inputs' own names; keys read as an input they only look like are said.
        const { facts, notices } = prepared.compiled.readKeys(input.facts);
        const issues = checkFacts(prepared, facts, true);
        if (issues.length > 0) throw new ValidationError(issues);
        const { result, total, grade } = computeResult(prepared, facts);
        const { before, revision } = await transition(tx, ctx, input.id, input.revision, EDITABLE, {
          facts: JSON.stringify(facts),
          result: toJson(result),
          total,
          grade,
        });
        await audit(
          tx,
          ctx,
          "assessment",
          input.id,
          { facts: before.facts, revision: before.revision, total: before.total },
          { facts, revision, total },
        );
        return notices;
      });
      return { ...(await loadAssessment(ctx.db, input.id)), notices: notices.map(noticeOut) };
    }),

  /** Scores facts with the assessment's pinned rubric version without saving anything. */
  preview: protectedProcedure
    .input(z.object({ id: IdSchema, facts: FactsInput }))
    .output(z.object({ result: ScoreResultSchema.nullable(), missing: z.array(z.string()), notices: NoticesSchema }))
    .query(async ({ ctx, input }) => {
      const prepared = await pinnedRubric(ctx.db, input.id);
      const { facts, notices } = prepared.compiled.readKeys(input.facts);
      const issues = checkFacts(prepared, facts, true);
      if (issues.length > 0) throw new ValidationError(issues);
      const missing = missingFacts(prepared, facts);
      return {
        result: missing.length === 0 ? scoreFacts(prepared, facts) : null,
        missing,
        notices: notices.map(noticeOut),
      };
    }),

  submit: assessorProcedure
    .input(z.object({ id: IdSchema, revision: RevisionSchema }))
    .output(AssessmentSchema)
    .mutation(async ({ ctx, input }) => {
      const prepared = await pinnedRubric(ctx.db, input.id);
      await ctx.db.transaction().execute(async (tx) => {
        await assertMayEdit(tx, ctx.user, input.id);
        const current = await tx
          .selectFrom("assessment")
          .select("facts")
          .where("id", "=", input.id)
          .executeTakeFirstOrThrow();
        const missing = missingFacts(prepared, current.facts);
        if (missing.length > 0) {
          throw new ValidationError(
            missing.map((name) => ({
              path: ["facts", name],
              message: "required before submitting",
              zh: "提交前必须填写",
            })),
          );
        }
        const { before, revision } = await transition(tx, ctx, input.id, input.revision, EDITABLE, {
          status: "submitted",
          submitted_at: ctx.now(),
          submitted_by: ctx.user.id,
        });
        await audit(
          tx,
          ctx,
          "assessment",
          input.id,
          { status: before.status, revision: before.revision },
          { status: "submitted", revision },
        );
      });
      return loadAssessment(ctx.db, input.id);
    }),

  approve: reviewerProcedure
    .input(z.object({ id: IdSchema, revision: RevisionSchema }))
    .output(AssessmentSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const submitter = await assertSecondPair(tx, ctx.user, input.id);
        const { before, revision } = await transition(tx, ctx, input.id, input.revision, ["submitted"], {
          status: "approved",
          approved_at: ctx.now(),
          approved_by: ctx.user.id,
          return_comment: null,
        });
        // Both people of four-eyes, side by side in one entry.
        await audit(
          tx,
          ctx,
          "assessment",
          input.id,
          { status: before.status, revision: before.revision },
          {
            status: "approved",
            revision,
            submittedBy: submitter?.username ?? null,
            approvedBy: ctx.user.username,
          },
        );
      });
      return loadAssessment(ctx.db, input.id);
    }),

  return: reviewerProcedure
    .input(
      z.object({
        id: IdSchema,
        revision: RevisionSchema,
        comment: z.string().trim().min(1, "say what needs fixing").max(2000),
      }),
    )
    .output(AssessmentSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const { before, revision } = await transition(tx, ctx, input.id, input.revision, ["submitted", "approved"], {
          status: "returned",
          return_comment: input.comment,
          approved_at: null,
          approved_by: null,
        });
        await audit(
          tx,
          ctx,
          "assessment",
          input.id,
          { status: before.status, revision: before.revision },
          { status: "returned", comment: input.comment, revision },
        );
      });
      return loadAssessment(ctx.db, input.id);
    }),

  /** Gives an assessment to an assessor (or takes it back with null): they may then edit it. */
  assign: adminProcedure
    .input(z.object({ id: IdSchema, assessorId: IdSchema.nullable() }))
    .output(AssessmentSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom("assessment")
          .select("assigned_to")
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw refuse("NOT_FOUND", "assessmentNotFound", { id: input.id });
        if (input.assessorId !== null) {
          const assessor = await tx
            .selectFrom("app_user")
            .select(["role", "disabled"])
            .where("id", "=", input.assessorId)
            .executeTakeFirst();
          if (!assessor || assessor.disabled || (assessor.role !== "assessor" && assessor.role !== "admin")) {
            throw new ValidationError([
              {
                path: ["assessorId"],
                message: `user ${input.assessorId} is not an active assessor`,
                zh: `用户 ${input.assessorId} 不是在职的评分员`,
              },
            ]);
          }
        }
        await tx.updateTable("assessment").set({ assigned_to: input.assessorId }).where("id", "=", input.id).execute();
        await audit(
          tx,
          ctx,
          "assessment",
          input.id,
          { assignedTo: before.assigned_to },
          { assignedTo: input.assessorId },
        );
      });
      return loadAssessment(ctx.db, input.id);
    }),
} satisfies TRPCRouterRecord;
