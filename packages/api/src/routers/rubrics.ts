// Rubric versions: one working draft per rubric, published versions numbered 1, 2, … and frozen.
// Checking a source is a normal answer with diagnostics as data, errors included.
import { createHash } from "node:crypto";
import type { Database, Kysely, RubricVersion, Transaction } from "@kaoping/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { conflict } from "../errors.ts";
import { code, INPUT_LIMITS } from "../input-policy.ts";
import { RubricDiffSchema } from "../rubric-diff-schema.ts";
import { IdSchema, IsoDateTime, NoInput, RevisionSchema } from "../schemas.ts";
import { diff } from "@kaoping/engine";
import {
  compileSource,
  DiagnosticSchema,
  missingFacts,
  preparedVersion,
  rubricTests,
  type Prepared,
} from "../scoring.ts";
import { audit, policyProcedure, protectedProcedure } from "../trpc.ts";
import { refuse } from "../messages.ts";

const RubricKeySchema = code(100, /^[\p{L}\p{N}_]+$/u, "letters, digits and _ only");
const SourceSchema = z.string().min(1).max(INPUT_LIMITS.source);

const VersionSchema = z.object({
  id: IdSchema,
  key: z.string(),
  version: z.number().int().nullable(),
  status: z.enum(["draft", "published"]),
  title: z.string(),
  subjectKind: z.string(),
  effective: z.string().nullable(),
  contentHash: z.string(),
  note: z.string(),
  author: z.string().nullable(),
  revision: RevisionSchema,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
});
const VersionWithSourceSchema = VersionSchema.extend({ source: z.string() });

const VERSION_COLUMNS = [
  "rubric_version.id",
  "rubric_version.rubric_key",
  "rubric_version.version",
  "rubric_version.status",
  "rubric_version.title",
  "rubric_version.subject_kind",
  "rubric_version.effective",
  "rubric_version.content_hash",
  "rubric_version.note",
  "rubric_version.revision",
  "rubric_version.created_at",
  "rubric_version.updated_at",
  "rubric_version.published_at",
  "app_user.username as author",
] as const;

/** A version as VERSION_COLUMNS select it: everything but the source, with the author's name. */
type VersionRow = Omit<RubricVersion, "source" | "author_id"> & { author: string | null };

function versionOut(r: VersionRow): z.infer<typeof VersionSchema> {
  return {
    id: r.id,
    key: r.rubric_key,
    version: r.version,
    status: r.status,
    title: r.title,
    subjectKind: r.subject_kind,
    effective: r.effective,
    contentHash: r.content_hash,
    note: r.note,
    author: r.author,
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}

/** Rubric versions joined to their author, whose name `versionOut` shows. */
function versionsWithAuthor(db: Kysely<Database>) {
  return db.selectFrom("rubric_version").leftJoin("app_user", "app_user.id", "rubric_version.author_id");
}

function versionById(db: Kysely<Database>, id: number): Promise<VersionRow> {
  return versionsWithAuthor(db).select(VERSION_COLUMNS).where("rubric_version.id", "=", id).executeTakeFirstOrThrow();
}

/** The rubric's working draft, locked until the transaction ends (saves and publishing queue up behind it). */
function lockedDraft(tx: Transaction<Database>, key: string) {
  return tx
    .selectFrom("rubric_version")
    .selectAll()
    .where("rubric_key", "=", key)
    .where("status", "=", "draft")
    .forUpdate()
    .executeTakeFirst();
}

const TestOutcomeSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  failures: z.array(z.object({ zh: z.string(), en: z.string() })),
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export const rubricsRouter = {
  /** Every rubric with its latest published version and its draft, if any. */
  list: protectedProcedure
    .input(NoInput)
    .output(
      z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          subjectKind: z.string(),
          published: VersionSchema.nullable(),
          draft: VersionSchema.nullable(),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      const rows = await versionsWithAuthor(ctx.db)
        .select(VERSION_COLUMNS)
        .orderBy("rubric_version.rubric_key")
        .orderBy("rubric_version.version", "desc")
        .execute();
      const byKey = new Map<string, { published: VersionRow | null; draft: VersionRow | null }>();
      for (const r of rows) {
        const entry = byKey.get(r.rubric_key) ?? { published: null, draft: null };
        if (r.status === "draft") entry.draft = r;
        else if (!entry.published || (r.version ?? 0) > (entry.published.version ?? 0)) entry.published = r;
        byKey.set(r.rubric_key, entry);
      }
      return [...byKey].map(([key, e]) => {
        const shown = (e.published ?? e.draft)!;
        return {
          key,
          title: shown.title,
          subjectKind: shown.subject_kind,
          published: e.published ? versionOut(e.published) : null,
          draft: e.draft ? versionOut(e.draft) : null,
        };
      });
    }),

  versions: protectedProcedure
    .input(z.object({ key: RubricKeySchema }))
    .output(z.array(VersionSchema))
    .query(async ({ ctx, input }) =>
      (
        await versionsWithAuthor(ctx.db)
          .select(VERSION_COLUMNS)
          .where("rubric_version.rubric_key", "=", input.key)
          .orderBy("rubric_version.id", "desc")
          .execute()
      ).map(versionOut),
    ),

  get: protectedProcedure
    .input(z.object({ id: IdSchema }))
    .output(VersionWithSourceSchema)
    .query(async ({ ctx, input }) => {
      const row = await versionsWithAuthor(ctx.db)
        .select([...VERSION_COLUMNS, "rubric_version.source"])
        .where("rubric_version.id", "=", input.id)
        .executeTakeFirst();
      if (!row) throw refuse("NOT_FOUND", "rubricVersionNotFound", { id: input.id });
      return { ...versionOut(row), source: row.source };
    }),

  /** Diagnostics of a source, as data; `ok` when it compiles. */
  check: protectedProcedure
    .input(z.object({ source: SourceSchema }))
    .output(
      z.object({
        ok: z.boolean(),
        diagnostics: z.array(DiagnosticSchema),
        info: z
          .object({ key: z.string(), title: z.string(), subjectKind: z.string(), effective: z.string().nullable() })
          .nullable(),
        /** The rubric's own tests, when it compiles. */
        tests: z.array(TestOutcomeSchema),
      }),
    )
    .query(({ input }) => {
      const { prepared, diagnostics } = compileSource(input.source);
      return {
        ok: prepared !== null,
        diagnostics,
        info: prepared?.info ?? null,
        tests: prepared ? rubricTests(prepared) : [],
      };
    }),

  /** Creates (revision null) or updates the rubric's draft. A draft may have errors. */
  saveDraft: policyProcedure
    .input(
      z.object({
        key: RubricKeySchema,
        source: SourceSchema,
        note: z.string().max(2000).default(""),
        /** The draft's revision you edited, or null to start a new draft. */
        revision: RevisionSchema.nullable(),
      }),
    )
    .output(z.object({ draft: VersionSchema, diagnostics: z.array(DiagnosticSchema) }))
    .mutation(async ({ ctx, input }) => {
      const { prepared, diagnostics } = compileSource(input.source);
      if (prepared && prepared.info.key !== input.key) {
        throw refuse("BAD_REQUEST", "rubricKeyMismatch", { declared: prepared.info.key, key: input.key });
      }
      const draft = await ctx.db.transaction().execute(async (tx) => {
        const existing = await lockedDraft(tx, input.key);
        const latest = await tx
          .selectFrom("rubric_version")
          .select(["title", "subject_kind", "effective"])
          .where("rubric_key", "=", input.key)
          .orderBy("id", "desc")
          .executeTakeFirst();
        // A draft with errors keeps the header it had, so that lists still show a title.
        const header = prepared
          ? { title: prepared.info.title, subject_kind: prepared.info.subjectKind, effective: prepared.info.effective }
          : {
              title: latest?.title ?? input.key,
              subject_kind: latest?.subject_kind ?? "",
              effective: latest?.effective ?? null,
            };
        const fields = {
          ...header,
          source: input.source,
          content_hash: sha256(input.source),
          note: input.note,
          author_id: ctx.user.id,
        };
        let id: number;
        if (input.revision === null) {
          if (existing) throw conflict("rubric draft", existing.id, existing.revision, 0);
          id = (
            await tx
              .insertInto("rubric_version")
              .values({ rubric_key: input.key, version: null, status: "draft", ...fields })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id;
          await audit(tx, ctx, "rubric_version", id, null, { key: input.key, ...fields });
        } else {
          if (!existing) throw refuse("NOT_FOUND", "noDraft", { key: input.key });
          if (existing.revision !== input.revision)
            throw conflict("rubric draft", existing.id, existing.revision, input.revision);
          await tx
            .updateTable("rubric_version")
            .set({ ...fields, revision: existing.revision + 1, updated_at: ctx.now() })
            .where("id", "=", existing.id)
            .execute();
          id = existing.id;
          await audit(
            tx,
            ctx,
            "rubric_version",
            id,
            { source: existing.source, note: existing.note, revision: existing.revision },
            { source: input.source, note: input.note, revision: existing.revision + 1 },
          );
        }
        return versionById(tx, id);
      });
      return { draft: versionOut(draft), diagnostics };
    }),

  /** Publishes the draft as the next version; refused while the source has errors or its own tests fail. */
  publish: policyProcedure
    .input(z.object({ key: RubricKeySchema, revision: RevisionSchema, note: z.string().max(2000).optional() }))
    .output(VersionSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.transaction().execute(async (tx) => {
        const draft = await lockedDraft(tx, input.key);
        if (!draft) throw refuse("NOT_FOUND", "noDraftToPublish", { key: input.key });
        if (draft.revision !== input.revision) throw conflict("rubric draft", draft.id, draft.revision, input.revision);
        const { prepared, diagnostics } = compileSource(draft.source);
        if (!prepared) {
          const errors = diagnostics.filter((d) => d.severity === "error");
          throw refuse("PRECONDITION_FAILED", "draftHasErrors", {
            count: errors.length,
            details: {
              zh: errors
                .slice(0, 5)
                .map((d) => `${d.line}:${d.column} ${d.code} ${d.message.zh}`)
                .join("；"),
              en: errors
                .slice(0, 5)
                .map((d) => `${d.line}:${d.column} ${d.code} ${d.message.en}`)
                .join("; "),
            },
          });
        }
        const failed = rubricTests(prepared).filter((t) => !t.passed);
        if (failed.length > 0) {
          throw refuse("PRECONDITION_FAILED", "rubricTestsFail", {
            details: {
              zh: failed.map((t) => `「${t.name}」：${t.failures.map((f) => f.zh).join("，")}`).join("；"),
              en: failed.map((t) => `"${t.name}": ${t.failures.map((f) => f.en).join(", ")}`).join("; "),
            },
          });
        }
        const last = await tx
          .selectFrom("rubric_version")
          .select((eb) => eb.fn.max("version").as("v"))
          .where("rubric_key", "=", input.key)
          .executeTakeFirst();
        const version = (last?.v ?? 0) + 1;
        await tx
          .updateTable("rubric_version")
          .set({
            status: "published",
            version,
            published_at: ctx.now(),
            updated_at: ctx.now(),
            ...(input.note !== undefined ? { note: input.note } : {}),
          })
          .where("id", "=", draft.id)
          .execute();
        await audit(
          tx,
          ctx,
          "rubric_version",
          draft.id,
          { status: "draft", revision: draft.revision },
          { status: "published", version, contentHash: draft.content_hash },
        );
        return versionById(tx, draft.id);
      });
      return versionOut(row);
    }),

  /**
   * What changes between two versions (or a version and unsaved source): inputs and items that
   * differ, and for a period's assessments of this rubric, whose score moves and by how much.
   */
  diff: protectedProcedure
    .input(
      z
        .object({
          fromId: IdSchema,
          toId: IdSchema.optional(),
          toSource: SourceSchema.optional(),
          periodId: IdSchema,
          /** Most subjects listed (largest changes first); the summary always counts them all. */
          limit: z.number().int().min(1).max(10_000).default(1000),
        })
        .refine((d) => (d.toId === undefined) !== (d.toSource === undefined), {
          message: "give toId or toSource",
          path: ["toId"],
        }),
    )
    .output(RubricDiffSchema)
    .query(async ({ ctx, input }) => {
      const from = await preparedVersion(ctx.db, input.fromId);
      let to: Prepared;
      if (input.toSource !== undefined) {
        const compiled = compileSource(input.toSource);
        if (!compiled.prepared) {
          return {
            diagnostics: compiled.diagnostics,
            inputs: [],
            items: [],
            gradesChanged: false,
            vetoesChanged: false,
            summary: { subjects: 0, raised: 0, lowered: 0, unchanged: 0, invalid: 0 },
            subjects: [],
          };
        }
        to = compiled.prepared;
      } else {
        to = await preparedVersion(ctx.db, input.toId!);
      }
      const rows = await ctx.db
        .selectFrom("assessment")
        .innerJoin("subject", "subject.id", "assessment.subject_id")
        .innerJoin("rubric_version", "rubric_version.id", "assessment.rubric_version_id")
        .select(["assessment.id", "assessment.facts", "subject.id as subjectId", "subject.code", "subject.name"])
        .where("assessment.period_id", "=", input.periodId)
        .where("rubric_version.rubric_key", "=", from.info.key)
        .orderBy("subject.code")
        .execute();
      // Drafts still being filled in are not scorable under either version: leave them out.
      const complete = rows.filter((r) => missingFacts(from, r.facts).length === 0);
      const d = diff(
        from.compiled,
        to.compiled,
        complete.map((r) => r.facts),
      );
      return {
        diagnostics: [],
        inputs: d.inputs.filter((i) => i.change !== "unchanged").map((i) => ({ name: i.name, change: i.change })),
        items: d.items.map((it) => ({
          number: it.number,
          change: it.change,
          title: it.title,
          standard: it.standard,
          criteria: it.criteria.map((c) => ({ number: c.number, change: c.change, text: c.text, rule: c.rule })),
        })),
        gradesChanged: d.gradesChanged,
        vetoesChanged: d.vetoesChanged,
        summary: d.summary,
        subjects: d.subjects
          .filter((sd) => sd.delta !== 0 || sd.old === null || sd.new === null)
          // Unscorable first, then the largest moves: what a policy officer must look at.
          .sort(
            (x, y) =>
              (y.delta === null ? Infinity : Math.abs(y.delta)) - (x.delta === null ? Infinity : Math.abs(x.delta)) ||
              x.index - y.index,
          )
          .slice(0, input.limit)
          .map((sd) => {
            const r = complete[sd.index]!;
            return {
              assessmentId: r.id,
              subjectId: r.subjectId,
              subjectCode: r.code,
              subjectName: r.name,
              old: sd.old,
              new: sd.new,
              delta: sd.delta,
              items: sd.items.filter((i) => i.delta !== 0),
              errors: [...sd.oldErrors, ...sd.newErrors].map((e) => ({
                field: e.field,
                zh: e.message.zh,
                en: e.message.en,
              })),
            };
          }),
      };
    }),
} satisfies TRPCRouterRecord;
