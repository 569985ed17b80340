// Assessment periods such as 2026年度, with each period's rules for who may do what: four-eyes
// approval (on by default) and whether every assessor may edit every assessment (off by default).
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { DateSchema, IdSchema, NoInput, PeriodSchema, periodOut } from "../schemas.ts";
import { adminProcedure, audit, protectedProcedure, ValidationError } from "../trpc.ts";
import { refuse } from "../messages.ts";

export const periodsRouter = {
  list: protectedProcedure
    .input(NoInput)
    .output(z.array(PeriodSchema))
    .query(async ({ ctx }) =>
      (await ctx.db.selectFrom("period").selectAll().orderBy("starts_on", "desc").execute()).map(periodOut),
    ),

  create: adminProcedure
    .input(
      z
        .object({
          code: z.string().trim().min(1).max(50),
          name: z.string().trim().min(1).max(100),
          startsOn: DateSchema,
          endsOn: DateSchema,
        })
        .refine((p) => p.startsOn <= p.endsOn, { message: "the period ends before it starts", path: ["endsOn"] }),
    )
    .output(PeriodSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const taken = await tx.selectFrom("period").select("id").where("code", "=", input.code).executeTakeFirst();
        if (taken)
          throw new ValidationError([
            { path: ["code"], message: `code "${input.code}" is taken`, zh: `编码「${input.code}」已被占用` },
          ]);
        const row = await tx
          .insertInto("period")
          .values({ code: input.code, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn })
          .returningAll()
          .executeTakeFirstOrThrow();
        const out = periodOut(row);
        await audit(tx, ctx, "period", row.id, null, out);
        return out;
      }),
    ),

  /** Changes a period's rules; the audit log keeps who changed them, from what, to what. */
  update: adminProcedure
    .input(
      z
        .object({ id: IdSchema, fourEyes: z.boolean().optional(), openEditing: z.boolean().optional() })
        .refine((p) => p.fourEyes !== undefined || p.openEditing !== undefined, {
          message: "name a setting to change: fourEyes or openEditing",
        }),
    )
    .output(PeriodSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom("period")
          .selectAll()
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw refuse("NOT_FOUND", "periodNotFound", { id: input.id });
        const row = await tx
          .updateTable("period")
          .set({
            ...(input.fourEyes !== undefined ? { four_eyes: input.fourEyes } : {}),
            ...(input.openEditing !== undefined ? { open_editing: input.openEditing } : {}),
          })
          .where("id", "=", input.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const out = periodOut(row);
        await audit(tx, ctx, "period", row.id, periodOut(before), out);
        return out;
      }),
    ),
} satisfies TRPCRouterRecord;
