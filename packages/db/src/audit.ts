// Appending to the audit log: the only write the log accepts (the table refuses updates and
// deletes with a trigger).
import type { Kysely } from "kysely";
import { toJson, type Database, type Json } from "./schema.ts";

export interface AuditRecord {
  readonly userId: number | null;
  readonly actor: string;
  readonly procedure: string;
  readonly entity: string;
  readonly entityId: string | number | null;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}

/** Records one change; call it inside the transaction that makes the change. */
export async function appendAudit(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      user_id: record.userId,
      actor: record.actor,
      procedure: record.procedure,
      entity: record.entity,
      entity_id: record.entityId === null ? null : String(record.entityId),
      before: toJson(record.before),
      after: toJson(record.after),
    })
    .execute();
}
