// An assessment's history, read from the audit log: each entry says what step was taken and, for a
// save, which facts changed and how the total moved. The log keeps raw before/after JSON; this
// turns it into what a reader of the assessment may see (never the actor text, which can name an
// API token, and never evidence hashes).
import type { Json } from "@kaoping/db";
import { z } from "zod";
import { IdSchema, IsoDateTime, JsonSchema, RevisionSchema, RoleSchema } from "./schemas.ts";

export const HISTORY_STEPS = [
  "created",
  "saved",
  "submitted",
  "returned",
  "approved",
  "evidenceAdded",
  "evidenceRemoved",
] as const;
export type HistoryStep = (typeof HISTORY_STEPS)[number];

export const HistoryEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateTime,
  /** Who took the step; null when the user no longer exists or nobody was signed in. */
  by: z.object({ displayName: z.string(), role: RoleSchema }).nullable(),
  step: z.enum(HISTORY_STEPS),
  /** The assessment's revision after the step (evidence steps do not change it: null). */
  revision: RevisionSchema.nullable(),
  /** The reviewer's comment of a return. */
  comment: z.string().nullable(),
  /** For a save: each fact whose value changed, old → new (null: not filled in). */
  changes: z.array(z.object({ fact: z.string(), before: JsonSchema, after: JsonSchema })),
  /** For a save: the total before → after (null: not complete enough to score). */
  total: z.object({ before: z.number().nullable(), after: z.number().nullable() }).nullable(),
  /** For an evidence step: the file's name and the criterion it belongs to. */
  evidence: z
    .object({ name: z.string(), item: z.number().int().nullable(), criterion: z.number().int().nullable() })
    .nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** One audit row as the history query reads it. */
export interface HistoryRow {
  readonly id: number;
  readonly at: Date;
  readonly procedure: string;
  readonly before: Json;
  readonly after: Json;
  readonly displayName: string | null;
  readonly role: z.infer<typeof RoleSchema> | null;
}

const STEP_OF: Readonly<Record<string, HistoryStep>> = {
  "assessments.create": "created",
  "assessments.saveFacts": "saved",
  "assessments.submit": "submitted",
  "assessments.return": "returned",
  "assessments.approve": "approved",
  "evidence.upload": "evidenceAdded",
  "evidence.delete": "evidenceRemoved",
};

function objectOf(value: Json): Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function numberOrNull(value: Json | undefined): number | null {
  if (typeof value === "number") return value;
  // Totals are stored as exact decimal text (numeric columns).
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The facts whose values differ between two fact objects, in name order. */
export function changedFacts(before: Record<string, Json>, after: Record<string, Json>): HistoryEntry["changes"] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => !sameJson(before[name], after[name]))
    .map((fact) => ({ fact, before: before[fact] ?? null, after: after[fact] ?? null }));
}

/** One audit row as a history entry; null for a row that is not a step of an assessment. */
export function historyEntry(row: HistoryRow): HistoryEntry | null {
  const step = STEP_OF[row.procedure];
  if (!step) return null;
  const before = objectOf(row.before);
  const after = objectOf(row.after);
  const revision = typeof after.revision === "number" && after.revision > 0 ? after.revision : null;
  const file = step === "evidenceAdded" ? after : step === "evidenceRemoved" ? before : null;
  return {
    id: row.id,
    at: row.at.toISOString(),
    by: row.displayName !== null && row.role !== null ? { displayName: row.displayName, role: row.role } : null,
    step,
    revision: step === "created" ? 1 : revision,
    comment: step === "returned" && typeof after.comment === "string" ? after.comment : null,
    changes: step === "saved" ? changedFacts(objectOf(before.facts ?? null), objectOf(after.facts ?? null)) : [],
    total: step === "saved" ? { before: numberOrNull(before.total), after: numberOrNull(after.total) } : null,
    evidence: file
      ? {
          name: typeof file.name === "string" ? file.name : "",
          item: typeof file.item === "number" ? file.item : null,
          criterion: typeof file.criterion === "number" ? file.criterion : null,
        }
      : null,
  };
}
