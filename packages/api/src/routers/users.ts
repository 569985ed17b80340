// User accounts (admins only). Password hashes never leave the database.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { hashPassword } from "../auth/passwords.ts";
import { revokeAccess } from "../auth/revoke.ts";
import { IdSchema, PasswordSchema, RoleSchema, UserSchema, UsernameSchema, userOut } from "../schemas.ts";
import { adminProcedure, audit, singleCall } from "../trpc.ts";
import { refuse } from "../messages.ts";

const USER_COLUMNS = ["id", "username", "display_name", "role", "disabled", "created_at"] as const;

export const usersRouter = {
  list: adminProcedure
    .input(z.object({ role: RoleSchema.optional() }).default({}))
    .output(z.array(UserSchema))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.selectFrom("app_user").select(USER_COLUMNS).orderBy("id");
      if (input.role) query = query.where("role", "=", input.role);
      return (await query.execute()).map(userOut);
    }),

  create: adminProcedure
    .input(
      z.object({
        username: UsernameSchema,
        displayName: z.string().trim().min(1).max(100),
        role: RoleSchema,
        password: PasswordSchema,
      }),
    )
    .output(UserSchema)
    .mutation(async ({ ctx, input }) => {
      const hash = await hashPassword(input.password);
      return ctx.db.transaction().execute(async (tx) => {
        const taken = await tx
          .selectFrom("app_user")
          .select("id")
          .where("username", "=", input.username)
          .executeTakeFirst();
        if (taken) throw refuse("CONFLICT", "usernameTaken", { username: input.username });
        const row = await tx
          .insertInto("app_user")
          .values({ username: input.username, display_name: input.displayName, role: input.role, password_hash: hash })
          .returning(USER_COLUMNS)
          .executeTakeFirstOrThrow();
        const out = userOut(row);
        await audit(tx, ctx, "user", row.id, null, out);
        return out;
      });
    }),

  /** Also resets passwords, so it is refused inside a batch like every procedure that sets a secret. */
  update: adminProcedure
    .use(singleCall)
    .input(
      z.object({
        id: IdSchema,
        displayName: z.string().trim().min(1).max(100).optional(),
        role: RoleSchema.optional(),
        disabled: z.boolean().optional(),
        password: PasswordSchema.optional(),
      }),
    )
    .output(UserSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id && (input.disabled === true || (input.role && input.role !== "admin"))) {
        throw refuse("BAD_REQUEST", "cannotDemoteSelf", {});
      }
      const hash = input.password ? await hashPassword(input.password) : undefined;
      return ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom("app_user")
          .select(USER_COLUMNS)
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw refuse("NOT_FOUND", "userNotFound", { id: input.id });
        const row = await tx
          .updateTable("app_user")
          .set({
            ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
            ...(input.role !== undefined ? { role: input.role } : {}),
            ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
            ...(hash !== undefined ? { password_hash: hash } : {}),
            updated_at: ctx.now(),
          })
          .where("id", "=", input.id)
          .returning(USER_COLUMNS)
          .executeTakeFirstOrThrow();
        // A reset password, a changed role or a disabled account: what was signed in before ends.
        const roleChanged = input.role !== undefined && input.role !== before.role;
        const revoked =
          hash || roleChanged || (input.disabled && !before.disabled)
            ? await revokeAccess(tx, input.id, ctx.now(), { tokens: true })
            : null;
        const out = userOut(row);
        await audit(tx, ctx, "user", row.id, userOut(before), {
          ...out,
          ...(hash ? { password: "(reset)" } : {}),
          ...revoked,
        });
        return out;
      });
    }),
} satisfies TRPCRouterRecord;
