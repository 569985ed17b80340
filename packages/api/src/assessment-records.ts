// Assessment rows as the procedures read and write them: the output schemas, the loaders, the
// score computed from facts, the compare-and-set status transition, and the rubric version an
// assessment is pinned to. The procedures themselves are in routers/assessments.ts.
import { type AssessmentStatus, type Database, type Json, type Transaction } from "@kaoping/db";
import { z } from "zod";
import { conflict } from "./errors.ts";
import { FactsRecord } from "./input-policy.ts";
import {
  AssessmentStatusSchema,
  IdSchema,
  IsoDateTime,
  JsonObjectSchema,
  RevisionSchema,
  RoleSchema,
} from "./schemas.ts";
import {
  cacheFor,
  checkFacts,
  missingFacts,
  preparedVersion,
  scoreFacts,
  ScoreResultSchema,
  type Prepared,
} from "./scoring.ts";
import { refuse, statusWord } from "./messages.ts";

export const SummarySchema = z.object({
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

export const AssessmentSchema = SummarySchema.extend({
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

export const EDITABLE: readonly AssessmentStatus[] = ["draft", "returned"];

type Db = Transaction<Database> | import("@kaoping/db").Kysely<Database>;

export function baseQuery(db: Db) {
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

export function summaryOut(r: SummaryRow): z.infer<typeof SummarySchema> {
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
export async function loadAssessment(db: Db, id: number): Promise<AssessmentOut> {
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
  if (!row) throw refuse("NOT_FOUND", "assessmentNotFound", { id: id });
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
export function computeResult(
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
export async function transition(
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
  if (!before) throw refuse("NOT_FOUND", "assessmentNotFound", { id: id });
  if (before.revision !== revision) throw conflict("assessment", id, before.revision, revision);
  if (!from.includes(before.status)) {
    throw refuse("PRECONDITION_FAILED", "wrongStatus", {
      id,
      status: statusWord(before.status),
      needed: { zh: from.map((s) => statusWord(s).zh).join("或"), en: from.join(" or ") },
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

export const FactsInput = FactsRecord;

// An assessment's rubric version never changes once created, so the mapping can be kept for
// the life of the process (and is the same in every process). Bounded: cleared when it grows.
const pinnedVersions = new WeakMap<object, Map<number, number>>();
const MAX_PINNED = 200_000;

/** The compiled rubric version an assessment is pinned to. */
export async function pinnedRubric(db: Db, id: number): Promise<Prepared> {
  const pinned = cacheFor(pinnedVersions, db);
  let versionId = pinned.get(id);
  if (versionId === undefined) {
    const row = await db.selectFrom("assessment").select("rubric_version_id").where("id", "=", id).executeTakeFirst();
    if (!row) throw refuse("NOT_FOUND", "assessmentNotFound", { id: id });
    versionId = row.rubric_version_id;
    if (pinned.size >= MAX_PINNED) pinned.clear();
    pinned.set(id, versionId);
  }
  return preparedVersion(db as import("@kaoping/db").Kysely<Database>, versionId);
}
