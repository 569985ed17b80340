// Villages, enterprises and other assessed units. Edits carry the revision they were based on.
import { toJson } from "@kaoping/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { code, name, text } from "../input-policy.ts";
import {
  IdSchema,
  JsonObjectInput,
  OkSchema,
  PagingInput,
  RevisionSchema,
  SubjectSchema,
  subjectOut,
} from "../schemas.ts";
import { adminProcedure, audit, protectedProcedure, ValidationError } from "../trpc.ts";
import { conflict } from "../errors.ts";
import { refuse } from "../messages.ts";

const SubjectFields = z.object({
  kind: name(50),
  code: code(50, /^[\p{L}\p{N}_.-]+$/u, "letters, digits and _ . - only"),
  name: name(200),
  attributes: JsonObjectInput.default({}),
});

export const subjectsRouter = {
  list: protectedProcedure
    .input(
      PagingInput.extend({ kind: text(50).optional(), search: z.string().trim().max(100).optional() }).default({
        limit: 50,
        offset: 0,
      }),
    )
    .output(z.object({ rows: z.array(SubjectSchema), total: z.number().int() }))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.selectFrom("subject");
      if (input.kind) query = query.where("kind", "=", input.kind);
      if (input.search) {
        const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb("name", "like", like), eb("code", "like", like)]));
      }
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy("kind").orderBy("code").limit(input.limit).offset(input.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(subjectOut), total: Number(count.n) };
    }),

  get: protectedProcedure
    .input(z.object({ id: IdSchema }))
    .output(SubjectSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.selectFrom("subject").selectAll().where("id", "=", input.id).executeTakeFirst();
      if (!row) throw refuse("NOT_FOUND", "subjectNotFound", { id: input.id });
      return subjectOut(row);
    }),

  create: adminProcedure
    .input(SubjectFields)
    .output(SubjectSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const taken = await tx.selectFrom("subject").select("id").where("code", "=", input.code).executeTakeFirst();
        if (taken)
          throw new ValidationError([
            { path: ["code"], message: `code "${input.code}" is taken`, zh: `编码「${input.code}」已被占用` },
          ]);
        const row = await tx
          .insertInto("subject")
          .values({ kind: input.kind, code: input.code, name: input.name, attributes: toJson(input.attributes) })
          .returningAll()
          .executeTakeFirstOrThrow();
        const out = subjectOut(row);
        await audit(tx, ctx, "subject", row.id, null, out);
        return out;
      }),
    ),

  update: adminProcedure
    .input(SubjectFields.partial().extend({ id: IdSchema, revision: RevisionSchema }))
    .output(SubjectSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom("subject")
          .selectAll()
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw refuse("NOT_FOUND", "subjectNotFound", { id: input.id });
        if (before.revision !== input.revision) throw conflict("subject", input.id, before.revision, input.revision);
        const row = await tx
          .updateTable("subject")
          .set({
            ...(input.kind !== undefined ? { kind: input.kind } : {}),
            ...(input.code !== undefined ? { code: input.code } : {}),
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.attributes !== undefined ? { attributes: toJson(input.attributes) } : {}),
            revision: before.revision + 1,
            updated_at: ctx.now(),
          })
          .where("id", "=", input.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const out = subjectOut(row);
        await audit(tx, ctx, "subject", row.id, subjectOut(before), out);
        return out;
      }),
    ),

  delete: adminProcedure
    .input(z.object({ id: IdSchema, revision: RevisionSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom("subject")
          .selectAll()
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw refuse("NOT_FOUND", "subjectNotFound", { id: input.id });
        if (before.revision !== input.revision) throw conflict("subject", input.id, before.revision, input.revision);
        const used = await tx
          .selectFrom("assessment")
          .select("id")
          .where("subject_id", "=", input.id)
          .executeTakeFirst();
        if (used) {
          throw refuse("PRECONDITION_FAILED", "subjectHasAssessments", { id: input.id });
        }
        await tx.deleteFrom("subject").where("id", "=", input.id).execute();
        await audit(tx, ctx, "subject", input.id, subjectOut(before), null);
      });
      return { ok: true as const };
    }),

  /** Many rows in one transaction: created by code, or updated when the code exists. All or nothing. */
  import: adminProcedure
    .input(z.object({ rows: z.array(SubjectFields).min(1).max(100_000) }))
    .output(z.object({ created: z.number().int(), updated: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const seen = new Map<string, number>();
      const issues = input.rows.flatMap((row, i) => {
        const first = seen.get(row.code);
        seen.set(row.code, first ?? i);
        return first === undefined
          ? []
          : [{ path: ["rows", i, "code"], message: `code "${row.code}" repeats row ${first}` }];
      });
      if (issues.length > 0) throw new ValidationError(issues);
      return ctx.db.transaction().execute(async (tx) => {
        const existing = new Map<string, number>();
        const codes = input.rows.map((r) => r.code);
        for (let i = 0; i < codes.length; i += 1000) {
          const found = await tx
            .selectFrom("subject")
            .select(["id", "code"])
            .where("code", "in", codes.slice(i, i + 1000))
            .execute();
          for (const f of found) existing.set(f.code, f.id);
        }
        let created = 0;
        let updated = 0;
        for (let i = 0; i < input.rows.length; i += 500) {
          const chunk = input.rows.slice(i, i + 500);
          await tx
            .insertInto("subject")
            .values(chunk.map((r) => ({ kind: r.kind, code: r.code, name: r.name, attributes: toJson(r.attributes) })))
            .onConflict((oc) =>
              oc.column("code").doUpdateSet((eb) => ({
                kind: eb.ref("excluded.kind"),
                name: eb.ref("excluded.name"),
                attributes: eb.ref("excluded.attributes"),
                revision: eb("subject.revision", "+", 1),
                updated_at: ctx.now(),
              })),
            )
            .execute();
          for (const r of chunk) existing.has(r.code) ? (updated += 1) : (created += 1);
        }
        await audit(tx, ctx, "subject", null, null, {
          imported: input.rows.length,
          created,
          updated,
          codes: codes.slice(0, 1000),
        });
        return { created, updated };
      });
    }),
} satisfies TRPCRouterRecord;
