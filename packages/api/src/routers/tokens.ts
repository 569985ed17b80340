// API tokens for programs (admins only). A token is shown once when created; only its hash is kept.
// Every token expires: its lifetime is chosen at creation (default and maximum in the API settings,
// 90 and 365 days unless configured otherwise).
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { newApiToken, hashSecret } from "../auth/secrets.ts";
import { INPUT_LIMITS } from "../input-policy.ts";
import { IdSchema, IsoDateTime, OkSchema } from "../schemas.ts";
import { adminProcedure, audit, singleCall, ValidationError } from "../trpc.ts";
import { refuse } from "../messages.ts";

const TokenSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  username: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  /** To the minute: use is recorded at most once a minute. */
  lastUsedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime,
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
          "api_token.expires_at",
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
        expiresAt: r.expires_at.toISOString(),
      }));
    }),

  create: adminProcedure
    .use(singleCall)
    .input(
      z.object({
        userId: IdSchema,
        name: z.string().trim().min(1).max(100),
        expiresInDays: z.number().int().positive().max(INPUT_LIMITS.int4).optional(),
      }),
    )
    .output(z.object({ id: IdSchema, name: z.string(), prefix: z.string(), token: z.string(), expiresAt: IsoDateTime }))
    .mutation(async ({ ctx, input }) => {
      const days = input.expiresInDays ?? ctx.settings.tokenDays.default;
      if (days > ctx.settings.tokenDays.max) {
        throw new ValidationError([
          {
            path: ["expiresInDays"],
            message: `a token may live at most ${ctx.settings.tokenDays.max} days`,
            zh: `令牌最长有效 ${ctx.settings.tokenDays.max} 天`,
          },
        ]);
      }
      const expiresAt = new Date(ctx.now().getTime() + days * 86_400_000);
      const { token, prefix } = newApiToken();
      return ctx.db.transaction().execute(async (tx) => {
        const user = await tx.selectFrom("app_user").select("id").where("id", "=", input.userId).executeTakeFirst();
        if (!user) throw refuse("NOT_FOUND", "userNotFound", { id: input.userId });
        const row = await tx
          .insertInto("api_token")
          .values({
            user_id: input.userId,
            name: input.name,
            prefix,
            token_hash: hashSecret(token),
            expires_at: expiresAt,
          })
          .returning(["id", "name", "prefix"])
          .executeTakeFirstOrThrow();
        await audit(tx, ctx, "api_token", row.id, null, { userId: input.userId, name: row.name, prefix, expiresAt });
        return { ...row, token, expiresAt: expiresAt.toISOString() };
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
        if (!row) throw refuse("NOT_FOUND", "tokenNotFound", { id: input.id });
        await audit(
          tx,
          ctx,
          "api_token",
          row.id,
          { revoked: false },
          { revoked: true, name: row.name, prefix: row.prefix },
        );
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
