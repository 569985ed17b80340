// Signing in and out. Wrong passwords are slowed and, past a limit, locked out per account and per
// address; the answer never says whether the account exists.
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "../auth/passwords.ts";
import { hashSecret, newSessionSecret } from "../auth/secrets.ts";
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from "../auth/throttle.ts";
import { SESSION_COOKIE } from "../context.ts";
import { NoInput, OkSchema, PasswordSchema, UserSchema, userOut } from "../schemas.ts";
import { audit, protectedProcedure, publicProcedure } from "../trpc.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const authRouter = {
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }))
    .output(z.object({ user: UserSchema }))
    .mutation(async ({ ctx, input }) => {
      const settings = ctx.settings.throttle;
      const keys = throttleKeys(input.username, ctx.address);
      const locked = await lockedUntil(ctx.db, [keys.account, keys.address], ctx.now());
      if (locked) {
        const seconds = Math.ceil((locked.getTime() - ctx.now().getTime()) / 1000);
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `too many wrong passwords; try again in ${seconds} s`,
        });
      }
      const user = await ctx.db
        .selectFrom("app_user")
        .selectAll()
        .where("username", "=", input.username)
        .executeTakeFirst();
      const ok = await verifyPassword(input.password, user?.password_hash ?? UNUSABLE_HASH);
      if (!user || !ok || user.disabled) {
        const now = ctx.now();
        const accountFailures = await recordFailure(ctx.db, keys.account, settings.accountLimit, settings, now);
        const addressFailures = await recordFailure(ctx.db, keys.address, settings.addressLimit, settings, now);
        await sleep(Math.min(settings.delayPerFailureMs * Math.max(accountFailures, addressFailures), settings.maxDelayMs));
        throw new TRPCError({ code: "UNAUTHORIZED", message: "wrong username or password" });
      }
      await clearFailures(ctx.db, keys.account);
      const secret = newSessionSecret();
      const expires = new Date(ctx.now().getTime() + ctx.settings.sessionDays * 86_400_000);
      await ctx.db.transaction().execute(async (tx) => {
        await tx.insertInto("user_session").values({ id: hashSecret(secret), user_id: user.id, expires_at: expires }).execute();
        // Housekeeping: a login is a good moment to drop this user's expired sessions.
        await tx.deleteFrom("user_session").where("user_id", "=", user.id).where("expires_at", "<", ctx.now()).execute();
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

  me: protectedProcedure
    .input(NoInput)
    .output(z.object({ user: UserSchema, via: z.enum(["session", "token", "internal"]) }))
    .query(async ({ ctx }) => {
      const row = await ctx.db.selectFrom("app_user").selectAll().where("id", "=", ctx.user.id).executeTakeFirstOrThrow();
      return { user: userOut(row), via: ctx.user.via };
    }),

  changePassword: protectedProcedure
    .input(z.object({ current: z.string().min(1).max(200), next: PasswordSchema }))
    .output(OkSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.selectFrom("app_user").select("password_hash").where("id", "=", ctx.user.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.current, row.password_hash))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "current: the current password is wrong" });
      }
      const hash = await hashPassword(input.next);
      await ctx.db.transaction().execute(async (tx) => {
        await tx.updateTable("app_user").set({ password_hash: hash, updated_at: ctx.now() }).where("id", "=", ctx.user.id).execute();
        // Other sessions end: a changed password is often a response to a leak.
        await tx.deleteFrom("user_session").where("user_id", "=", ctx.user.id).where("id", "!=", ctx.user.sessionId ?? "").execute();
        await audit(tx, ctx, "user", ctx.user.id, { password: "(hidden)" }, { password: "(changed)" });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
