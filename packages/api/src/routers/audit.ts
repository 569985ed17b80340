// Reading the audit log (admins). There is no procedure that changes it.
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { text } from "../input-policy.ts";
import { IdSchema, IsoDateTime, JsonSchema } from "../schemas.ts";
import { adminProcedure } from "../trpc.ts";

const AuditEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateTime,
  userId: IdSchema.nullable(),
  actor: z.string(),
  procedure: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: JsonSchema,
  after: JsonSchema,
});

export const auditRouter = {
  list: adminProcedure
    .input(
      z
        .object({
          entity: text(50).optional(),
          entityId: z.union([text(100), IdSchema]).optional(),
          userId: IdSchema.optional(),
          procedure: text(100).optional(),
          /** Entries older than this id (paging backwards from the newest). */
          beforeId: IdSchema.optional(),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .default({ limit: 100 }),
    )
    .output(z.array(AuditEntrySchema))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(input.limit);
      if (input.entity) query = query.where("entity", "=", input.entity);
      if (input.entityId !== undefined) query = query.where("entity_id", "=", String(input.entityId));
      if (input.userId) query = query.where("user_id", "=", input.userId);
      if (input.procedure) query = query.where("procedure", "=", input.procedure);
      if (input.beforeId) query = query.where("id", "<", input.beforeId);
      return (await query.execute()).map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.user_id,
        actor: r.actor,
        procedure: r.procedure,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }));
    }),
} satisfies TRPCRouterRecord;
