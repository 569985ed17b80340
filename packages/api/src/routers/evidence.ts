// Evidence files (佐证材料) of an assessment, optionally tied to an item and criterion.
import type { Evidence } from "@kaoping/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { createHash } from "node:crypto";
import { z } from "zod";
import { assertMayEdit } from "../auth/ownership.ts";
import { checkEvidenceFile, readEvidence } from "../evidence.ts";
import { INPUT_LIMITS } from "../input-policy.ts";
import { IdSchema, IsoDateTime, OkSchema } from "../schemas.ts";
import { assessorProcedure, audit, protectedProcedure, ValidationError } from "../trpc.ts";
import { refuse, statusWord } from "../messages.ts";

const EvidenceSchema = z.object({
  id: IdSchema,
  assessmentId: IdSchema,
  item: z.number().int().nullable(),
  criterion: z.number().int().nullable(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: IsoDateTime,
  /** Where the file can be downloaded as an attachment over HTTP. */
  url: z.string(),
});

const COLUMNS = [
  "id",
  "assessment_id",
  "item",
  "criterion",
  "name",
  "content_type",
  "size",
  "sha256",
  "created_at",
] as const;

function evidenceOut(r: Pick<Evidence, (typeof COLUMNS)[number]>): z.infer<typeof EvidenceSchema> {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    item: r.item,
    criterion: r.criterion,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at.toISOString(),
    url: `/files/evidence/${r.id}`,
  };
}

const EDITABLE = ["draft", "returned"] as const;

export const evidenceRouter = {
  list: protectedProcedure
    .input(z.object({ assessmentId: IdSchema }))
    .output(z.array(EvidenceSchema))
    .query(async ({ ctx, input }) =>
      (
        await ctx.db
          .selectFrom("evidence")
          .select(COLUMNS)
          .where("assessment_id", "=", input.assessmentId)
          .orderBy("id")
          .execute()
      ).map(evidenceOut),
    ),

  upload: assessorProcedure
    .input(
      z.object({
        assessmentId: IdSchema,
        item: IdSchema.nullable().default(null),
        criterion: IdSchema.nullable().default(null),
        name: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .refine((n) => !/[\\/\u0000-\u001f]/.test(n), "no slashes or control characters"),
        contentType: z.string().max(200),
        dataBase64: z
          .string()
          .max(INPUT_LIMITS.base64)
          .min(1, "the file is empty")
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, "not base64"),
      }),
    )
    .output(EvidenceSchema)
    .mutation(async ({ ctx, input }) => {
      const bytes = new Uint8Array(Buffer.from(input.dataBase64, "base64"));
      return ctx.db.transaction().execute(async (tx) => {
        await assertMayEdit(tx, ctx.user, input.assessmentId);
        const checked = checkEvidenceFile(input.name, input.contentType, bytes, ctx.settings.maxEvidenceBytes);
        if (!checked.ok) throw new ValidationError([{ path: [checked.path], message: checked.message }]);
        const assessment = await tx
          .selectFrom("assessment")
          .select(["id", "status"])
          .where("id", "=", input.assessmentId)
          .executeTakeFirst();
        if (!assessment) throw refuse("NOT_FOUND", "assessmentNotFound", { id: input.assessmentId });
        if (!(EDITABLE as readonly string[]).includes(assessment.status)) {
          throw refuse("PRECONDITION_FAILED", "evidenceOnlyInDraft", { status: statusWord(assessment.status) });
        }
        const row = await tx
          .insertInto("evidence")
          .values({
            assessment_id: input.assessmentId,
            item: input.item,
            criterion: input.criterion,
            name: input.name,
            content_type: checked.contentType,
            size: bytes.byteLength,
            sha256: createHash("sha256").update(bytes).digest("hex"),
            bytes,
            uploaded_by: ctx.user.id,
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        const out = evidenceOut(row);
        await audit(tx, ctx, "evidence", row.id, null, out);
        return out;
      });
    }),

  /** The file's bytes as base64, for typed clients; browsers use the `url` (an attachment). */
  download: protectedProcedure
    .input(z.object({ id: IdSchema }))
    .output(z.object({ name: z.string(), contentType: z.string(), dataBase64: z.string() }))
    .query(async ({ ctx, input }) => {
      const file = await readEvidence(ctx, input.id);
      return { name: file.name, contentType: file.contentType, dataBase64: Buffer.from(file.bytes).toString("base64") };
    }),

  delete: assessorProcedure
    .input(z.object({ id: IdSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("evidence")
          .innerJoin("assessment", "assessment.id", "evidence.assessment_id")
          .select([...COLUMNS.map((c) => `evidence.${c}` as const), "assessment.status"])
          .where("evidence.id", "=", input.id)
          .executeTakeFirst();
        if (!row) throw refuse("NOT_FOUND", "evidenceNotFound", { id: input.id });
        await assertMayEdit(tx, ctx.user, row.assessment_id);
        if (!(EDITABLE as readonly string[]).includes(row.status)) {
          throw refuse("PRECONDITION_FAILED", "evidenceOnlyInDraft", { status: statusWord(row.status) });
        }
        await tx.deleteFrom("evidence").where("id", "=", input.id).execute();
        await audit(tx, ctx, "evidence", input.id, evidenceOut(row), null);
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
