// Signing in and out. Every attempt at a password is counted before the password is checked, and
// past a limit the account and the address are locked; the answer never says whether the account
// exists. Procedures that check a password are refused inside a tRPC batch.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "../auth/passwords.ts";
import { revokeAccess } from "../auth/revoke.ts";
import { hashSecret, newSessionSecret } from "../auth/secrets.ts";
import { countAttempt } from "../auth/throttle.ts";
import { SESSION_COOKIE } from "../context.ts";
import { NoInput, OkSchema, PasswordSchema, UserSchema, userOut } from "../schemas.ts";
import { audit, protectedProcedure, publicProcedure, singleCall } from "../trpc.ts";
import { refuse } from "../messages.ts";

export const authRouter = {
  login: publicProcedure
    .use(singleCall)
    .input(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }))
    .output(z.object({ user: UserSchema }))
    .mutation(async ({ ctx, input }) => {
      const attempt = await countAttempt(ctx.db, input.username, ctx.address, ctx.settings.throttle, ctx.now());
      const user = await ctx.db
        .selectFrom("app_user")
        .selectAll()
        .where("username", "=", input.username)
        .executeTakeFirst();
      const ok = await verifyPassword(input.password, user?.password_hash ?? UNUSABLE_HASH);
      if (!user || !ok || user.disabled) {
        await attempt.failed();
        throw refuse("UNAUTHORIZED", "wrongPassword", {});
      }
      await attempt.succeeded();
      const secret = newSessionSecret();
      const expires = new Date(ctx.now().getTime() + ctx.settings.sessionDays * 86_400_000);
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .insertInto("user_session")
          .values({ id: hashSecret(secret), user_id: user.id, expires_at: expires })
          .execute();
        // Housekeeping: a login is a good moment to drop this user's expired sessions.
        await tx
          .deleteFrom("user_session")
          .where("user_id", "=", user.id)
          .where("expires_at", "<", ctx.now())
          .execute();
      });
      ctx.cookies.set(SESSION_COOKIE, secret, { maxAgeSeconds: ctx.settings.sessionDays * 86_400 });
      return { user: userOut(user) };
    }),

  logout: publicProcedure
    .input(NoInput)
    .output(OkSchema)
    .mutation(async ({ ctx }) => {
      if (ctx.user?.sessionId) await ctx.db.deleteFrom("user_session").where("id", "=", ctx.user.sessionId).execute();
      ctx.cookies.clear(SESSION_COOKIE);
      return { ok: true as const };
    }),

  /** Ends every session of the caller, this one included (API tokens stay: admins manage them). */
  logoutEverywhere: protectedProcedure
    .input(NoInput)
    .output(z.object({ ok: z.literal(true), sessions: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const { sessions } = await ctx.db.transaction().execute(async (tx) => {
        const revoked = await revokeAccess(tx, ctx.user.id, ctx.now(), { tokens: false });
        await audit(tx, ctx, "user", ctx.user.id, null, { sessionsEnded: revoked.sessions });
        return revoked;
      });
      ctx.cookies.clear(SESSION_COOKIE);
      return { ok: true as const, sessions };
    }),

  me: protectedProcedure
    .input(NoInput)
    .output(z.object({ user: UserSchema, via: z.enum(["session", "token", "internal"]) }))
    .query(async ({ ctx }) => {
      const row = await ctx.db
        .selectFrom("app_user")
        .selectAll()
        .where("id", "=", ctx.user.id)
        .executeTakeFirstOrThrow();
      return { user: userOut(row), via: ctx.user.via };
    }),

  /** Throttled like login (same counts); ends the caller's other sessions and revokes their tokens. */
  changePassword: protectedProcedure
    .use(singleCall)
    .input(z.object({ current: z.string().min(1).max(200), next: PasswordSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      const attempt = await countAttempt(ctx.db, ctx.user.username, ctx.address, ctx.settings.throttle, ctx.now());
      const row = await ctx.db
        .selectFrom("app_user")
        .select("password_hash")
        .where("id", "=", ctx.user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.current, row.password_hash))) {
        await attempt.failed();
        throw refuse("BAD_REQUEST", "currentPasswordWrong", {});
      }
      await attempt.succeeded();
      const hash = await hashPassword(input.next);
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .updateTable("app_user")
          .set({ password_hash: hash, updated_at: ctx.now() })
          .where("id", "=", ctx.user.id)
          .execute();
        // A changed password is often a response to a leak: whatever else was signed in ends.
        const revoked = await revokeAccess(tx, ctx.user.id, ctx.now(), {
          keepSession: ctx.user.sessionId,
          tokens: true,
        });
        await audit(tx, ctx, "user", ctx.user.id, { password: "(hidden)" }, { password: "(changed)", ...revoked });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
