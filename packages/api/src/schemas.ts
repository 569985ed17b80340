// Zod schemas shared by the routers: the shapes of what the API sends back. Dates travel as ISO
// text so that plain HTTP/JSON clients and the typed client see the same thing.
import { ROLES, ASSESSMENT_STATUSES, type Json, type Period } from "@kaoping/db";
import { z } from "zod";
import { Id, JsonValue, Revision, WholeNumber } from "./input-policy.ts";

export const RoleSchema = z.enum(ROLES);
export const AssessmentStatusSchema = z.enum(ASSESSMENT_STATUSES);
export const IdSchema = Id;
export const RevisionSchema = Revision;
export const IsoDateTime = z.string();

/** Whether `text` (YYYY-MM-DD) names a day of the calendar (not 2026-02-30). */
function isCalendarDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
/** A calendar date, 2026-01-01. */
export const DateSchema = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-01-01")
  .refine(isCalendarDate, "expected a date like 2026-01-01");

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]),
);
export const JsonObjectSchema = z.record(z.string(), JsonSchema);
/** A JSON object as input: its strings and keys bounded by the input policy. */
export const JsonObjectInput = z.record(z.string().max(200), JsonValue);

export const PagingInput = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  offset: WholeNumber.default(0),
});

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: IsoDateTime,
});
export type UserOut = z.infer<typeof UserSchema>;

export function userOut(row: {
  id: number;
  username: string;
  display_name: string;
  role: z.infer<typeof RoleSchema>;
  disabled: boolean;
  created_at: Date;
}): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

export const UsernameSchema = z
  .string()
  .trim()
  .min(2, "at least 2 characters")
  .max(64)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, "letters, digits and _ . @ - only");
export const PasswordSchema = z.string().min(10, "at least 10 characters").max(200);

export const SubjectSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  code: z.string(),
  name: z.string(),
  attributes: JsonObjectSchema,
  revision: RevisionSchema,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SubjectOut = z.infer<typeof SubjectSchema>;

export function subjectOut(row: {
  id: number;
  kind: string;
  code: string;
  name: string;
  attributes: { [key: string]: Json };
  revision: number;
  created_at: Date;
  updated_at: Date;
}): SubjectOut {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    attributes: row.attributes,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const PeriodSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  startsOn: DateSchema,
  endsOn: DateSchema,
  /** The submitter of an assessment may not approve it (default on). */
  fourEyes: z.boolean(),
  /** Every assessor may edit every assessment of the period, not only those they opened or are assigned (default off). */
  openEditing: z.boolean(),
});
export type PeriodOut = z.infer<typeof PeriodSchema>;

export function periodOut(
  row: Pick<Period, "id" | "code" | "name" | "starts_on" | "ends_on" | "four_eyes" | "open_editing">,
): PeriodOut {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    fourEyes: row.four_eyes,
    openEditing: row.open_editing,
  };
}

export const OkSchema = z.object({ ok: z.literal(true) });

/** No input: nothing from the typed client, `null` or nothing from plain HTTP clients. */
export const NoInput = z.union([z.void(), z.null()]);
