// API tokens for programs (admins only). A token is shown once when created; only its hash is kept.
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { newApiToken, hashSecret } from "../auth/secrets.ts";
import { IdSchema, IsoDateTime, OkSchema } from "../schemas.ts";
import { adminProcedure, audit } from "../trpc.ts";

const TokenSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  username: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});

export const tokensRouter = {
  list: adminProcedure
    .input(z.object({ userId: IdSchema.optional() }).default({}))
    .output(z.array(TokenSchema))
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("api_token")
        .innerJoin("app_user", "app_user.id", "api_token.user_id")
        .select([
          "api_token.id",
          "api_token.user_id",
          "app_user.username",
          "api_token.name",
          "api_token.prefix",
          "api_token.created_at",
          "api_token.last_used_at",
          "api_token.revoked_at",
        ])
        .orderBy("api_token.id");
      if (input.userId) query = query.where("api_token.user_id", "=", input.userId);
      return (await query.execute()).map((r) => ({
        id: r.id,
        userId: r.user_id,
        username: r.username,
        name: r.name,
        prefix: r.prefix,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: r.last_used_at?.toISOString() ?? null,
        revokedAt: r.revoked_at?.toISOString() ?? null,
      }));
    }),

  create: adminProcedure
    .input(z.object({ userId: IdSchema, name: z.string().trim().min(1).max(100) }))
    .output(z.object({ id: IdSchema, name: z.string(), prefix: z.string(), token: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { token, prefix } = newApiToken();
      return ctx.db.transaction().execute(async (tx) => {
        const user = await tx.selectFrom("app_user").select("id").where("id", "=", input.userId).executeTakeFirst();
        if (!user) throw new TRPCError({ code: "NOT_FOUND", message: `no user ${input.userId}` });
        const row = await tx
          .insertInto("api_token")
          .values({ user_id: input.userId, name: input.name, prefix, token_hash: hashSecret(token) })
          .returning(["id", "name", "prefix"])
          .executeTakeFirstOrThrow();
        await audit(tx, ctx, "api_token", row.id, null, { userId: input.userId, name: row.name, prefix });
        return { ...row, token };
      });
    }),

  revoke: adminProcedure
    .input(z.object({ id: IdSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable("api_token")
          .set({ revoked_at: ctx.now() })
          .where("id", "=", input.id)
          .where("revoked_at", "is", null)
          .returning(["id", "name", "prefix"])
          .executeTakeFirst();
        if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `no active token ${input.id}` });
        await audit(tx, ctx, "api_token", row.id, { revoked: false }, { revoked: true, name: row.name, prefix: row.prefix });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
