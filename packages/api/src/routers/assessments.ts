// Why this file is long (476 lines): every assessment procedure (read, preview, save, workflow,
// assign) shares one set of loaders and checks here; issue 14 splits reads from the workflow.
// Assessments: one per subject and period, pinned to the rubric version published for the
// subject's kind when it was created. Facts are saved with the revision they were based on; the
// score is always computed here, never taken from the client.
import { sql, toJson, type AssessmentStatus, type Database, type Json, type Transaction } from "@kaoping/db";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { HistoryEntrySchema, historyEntry } from "../assessment-history.ts";
import { assertMayEdit, assertSecondPair } from "../auth/ownership.ts";
import { conflict } from "../errors.ts";
import { FactsRecord, text } from "../input-policy.ts";
import {
  AssessmentStatusSchema,
  IdSchema,
  IsoDateTime,
  JsonObjectSchema,
  PagingInput,
  RevisionSchema,
  RoleSchema,
} from "../schemas.ts";
import {
  cacheFor,
  checkFacts,
  missingFacts,
  noticeOut,
  NoticesSchema,
  preparedVersion,
  scoreFacts,
  ScoreResultSchema,
  type Prepared,
} from "../scoring.ts";
import {
  adminProcedure,
  assessorProcedure,
  audit,
  protectedProcedure,
  reviewerProcedure,
  ValidationError,
} from "../trpc.ts";

const SummarySchema = z.object({
  id: IdSchema,
  subjectId: IdSchema,
  subjectCode: z.string(),
  subjectName: z.string(),
  subjectKind: z.string(),
  periodId: IdSchema,
  rubricVersionId: IdSchema,
  rubricKey: z.string(),
  rubricVersion: z.number().int().nullable(),
  status: AssessmentStatusSchema,
  total: z.number().nullable(),
  grade: z.string().nullable(),
  revision: RevisionSchema,
  updatedAt: IsoDateTime,
});

const AssessmentSchema = SummarySchema.extend({
  periodName: z.string(),
  rubricTitle: z.string(),
  facts: JsonObjectSchema,
  result: ScoreResultSchema.nullable(),
  /** Inputs still to be filled in before the assessment can be scored and submitted. */
  missing: z.array(z.string()),
  returnComment: z.string().nullable(),
  submittedAt: IsoDateTime.nullable(),
  approvedAt: IsoDateTime.nullable(),
  /** Who made the last change (a save or a workflow step), so a conflict can say who it was. */
  updatedBy: z.object({ displayName: z.string(), role: RoleSchema }).nullable(),
  /** The users it belongs to: assessors edit only assessments they opened or are assigned. */
  createdById: IdSchema.nullable(),
  assignedToId: IdSchema.nullable(),
  /** Who submitted it last: under the period's four-eyes rule, not the one who approves it. */
  submittedById: IdSchema.nullable(),
});
type AssessmentOut = z.infer<typeof AssessmentSchema>;

const EDITABLE: readonly AssessmentStatus[] = ["draft", "returned"];

type Db = Transaction<Database> | import("@kaoping/db").Kysely<Database>;

function baseQuery(db: Db) {
  return db
    .selectFrom("assessment")
    .innerJoin("subject", "subject.id", "assessment.subject_id")
    .innerJoin("period", "period.id", "assessment.period_id")
    .innerJoin("rubric_version", "rubric_version.id", "assessment.rubric_version_id")
    .select([
      "assessment.id",
      "assessment.subject_id",
      "subject.code as subject_code",
      "subject.name as subject_name",
      "subject.kind as subject_kind",
      "assessment.period_id",
      "period.name as period_name",
      "assessment.rubric_version_id",
      "rubric_version.rubric_key",
      "rubric_version.version as rubric_version",
      "rubric_version.title as rubric_title",
      "assessment.status",
      "assessment.total",
      "assessment.grade",
      "assessment.revision",
      "assessment.updated_at",
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function summaryOut(r: SummaryRow): z.infer<typeof SummarySchema> {
  return {
    id: r.id,
    subjectId: r.subject_id,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    subjectKind: r.subject_kind,
    periodId: r.period_id,
    rubricVersionId: r.rubric_version_id,
    rubricKey: r.rubric_key,
    rubricVersion: r.rubric_version,
    status: r.status,
    // numeric comes back as text from pg; the stored value is the engine's exact decimal.
    total: r.total === null ? null : Number(r.total),
    grade: r.grade,
    revision: r.revision,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The full assessment, with what is still missing. */
async function loadAssessment(db: Db, id: number): Promise<AssessmentOut> {
  const row = await baseQuery(db)
    .select([
      "assessment.facts",
      "assessment.result",
      "assessment.return_comment",
      "assessment.submitted_at",
      "assessment.approved_at",
      "assessment.created_by",
      "assessment.assigned_to",
      "assessment.submitted_by",
    ])
    .leftJoin("app_user as updater", "updater.id", "assessment.updated_by")
    .select(["updater.display_name as updater_name", "updater.role as updater_role"])
    .where("assessment.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `no assessment ${id}` });
  const prepared = await preparedVersion(db as import("@kaoping/db").Kysely<Database>, row.rubric_version_id);
  const parsed = ScoreResultSchema.nullable().safeParse(row.result);
  return {
    ...summaryOut(row),
    periodName: row.period_name,
    rubricTitle: row.rubric_title,
    facts: row.facts,
    result: parsed.success ? parsed.data : null,
    missing: missingFacts(prepared, row.facts),
    returnComment: row.return_comment,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    updatedBy:
      row.updater_name !== null && row.updater_role !== null
        ? { displayName: row.updater_name, role: row.updater_role }
        : null,
    createdById: row.created_by,
    assignedToId: row.assigned_to,
    submittedById: row.submitted_by,
  };
}

/** The stored result of `facts`: scored when complete and valid, otherwise empty. */
function computeResult(
  prepared: Prepared,
  facts: Record<string, unknown>,
): { result: Json; total: string | null; grade: string | null } {
  if (missingFacts(prepared, facts).length > 0 || checkFacts(prepared, facts, false).length > 0) {
    return { result: null, total: null, grade: null };
  }
  const result = scoreFacts(prepared, facts);
  return { result: JSON.parse(JSON.stringify(result)) as Json, total: String(result.total), grade: result.grade };
}

/**
 * Moves an assessment from one of `from` to `to` if its revision is still `revision`: one
 * compare-and-set UPDATE, so that two writers (or two server processes) cannot both win.
 */
async function transition(
  tx: Transaction<Database>,
  ctx: { user: { id: number }; now: () => Date },
  id: number,
  revision: number,
  from: readonly AssessmentStatus[],
  set: Partial<{
    status: AssessmentStatus;
    facts: string;
    result: string;
    total: string | null;
    grade: string | null;
    return_comment: string | null;
    submitted_at: Date | null;
    submitted_by: number | null;
    approved_at: Date | null;
    approved_by: number | null;
  }>,
): Promise<{
  before: { status: AssessmentStatus; facts: Record<string, Json>; revision: number; total: string | null };
  revision: number;
}> {
  const before = await tx
    .selectFrom("assessment")
    .select(["status", "facts", "revision", "total"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!before) throw new TRPCError({ code: "NOT_FOUND", message: `no assessment ${id}` });
  if (before.revision !== revision) throw conflict("assessment", id, before.revision, revision);
  if (!from.includes(before.status)) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `assessment ${id} is ${before.status}; this needs ${from.join(" or ")}`,
    });
  }
  const updated = await tx
    .updateTable("assessment")
    .set({ ...set, revision: revision + 1, updated_at: ctx.now(), updated_by: ctx.user.id })
    .where("id", "=", id)
    .where("revision", "=", revision)
    .returning("revision")
    .executeTakeFirst();
  if (!updated) {
    const now = await tx.selectFrom("assessment").select("revision").where("id", "=", id).executeTakeFirstOrThrow();
    throw conflict("assessment", id, now.revision, revision);
  }
  return { before, revision: updated.revision };
}

const FactsInput = FactsRecord;

// An assessment's rubric version never changes once created, so the mapping can be kept for
// the life of the process (and is the same in every process). Bounded: cleared when it grows.
const pinnedVersions = new WeakMap<object, Map<number, number>>();
const MAX_PINNED = 200_000;

/** The compiled rubric version an assessment is pinned to. */
async function pinnedRubric(db: Db, id: number): Promise<Prepared> {
  const pinned = cacheFor(pinnedVersions, db);
  let versionId = pinned.get(id);
  if (versionId === undefined) {
    const row = await db.selectFrom("assessment").select("rubric_version_id").where("id", "=", id).executeTakeFirst();
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `no assessment ${id}` });
    versionId = row.rubric_version_id;
    if (pinned.size >= MAX_PINNED) pinned.clear();
    pinned.set(id, versionId);
  }
  return preparedVersion(db as import("@kaoping/db").Kysely<Database>, versionId);
}

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
      if (!exists) throw new TRPCError({ code: "NOT_FOUND", message: `no assessment ${input.assessmentId}` });
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
        if (!subject) throw new ValidationError([{ path: ["subjectId"], message: `no subject ${input.subjectId}` }]);
        const period = await tx.selectFrom("period").select("id").where("id", "=", input.periodId).executeTakeFirst();
        if (!period) throw new ValidationError([{ path: ["periodId"], message: `no period ${input.periodId}` }]);
        const existing = await tx
          .selectFrom("assessment")
          .select(["id", "revision"])
          .where("subject_id", "=", input.subjectId)
          .where("period_id", "=", input.periodId)
          .executeTakeFirst();
        if (existing) {
          throw new TRPCError({
            code: "CONFLICT",
            message: `subject ${input.subjectId} already has assessment ${existing.id} in this period`,
          });
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
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: `no published rubric for subjects of kind "${subject.kind}"`,
          });
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
            missing.map((name) => ({ path: ["facts", name], message: "required before submitting" })),
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
        if (!before) throw new TRPCError({ code: "NOT_FOUND", message: `no assessment ${input.id}` });
        if (input.assessorId !== null) {
          const assessor = await tx
            .selectFrom("app_user")
            .select(["role", "disabled"])
            .where("id", "=", input.assessorId)
            .executeTakeFirst();
          if (!assessor || assessor.disabled || (assessor.role !== "assessor" && assessor.role !== "admin")) {
            throw new ValidationError([
              { path: ["assessorId"], message: `user ${input.assessorId} is not an active assessor` },
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
