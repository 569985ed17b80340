// Assessment periods such as 2026年度.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { DateSchema, NoInput, PeriodSchema, periodOut } from "../schemas.ts";
import { adminProcedure, audit, protectedProcedure, ValidationError } from "../trpc.ts";

export const periodsRouter = {
  list: protectedProcedure
    .input(NoInput)
    .output(z.array(PeriodSchema))
    .query(async ({ ctx }) => (await ctx.db.selectFrom("period").selectAll().orderBy("starts_on", "desc").execute()).map(periodOut)),

  create: adminProcedure
    .input(
      z
        .object({ code: z.string().trim().min(1).max(50), name: z.string().trim().min(1).max(100), startsOn: DateSchema, endsOn: DateSchema })
        .refine((p) => p.startsOn <= p.endsOn, { message: "the period ends before it starts", path: ["endsOn"] }),
    )
    .output(PeriodSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const taken = await tx.selectFrom("period").select("id").where("code", "=", input.code).executeTakeFirst();
        if (taken) throw new ValidationError([{ path: ["code"], message: `code "${input.code}" is taken` }]);
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
} satisfies TRPCRouterRecord;
