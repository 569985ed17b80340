// What `rubrics.diff` answers: what changes between two rubric versions, and whose score moves.
import { z } from "zod";
import { IdSchema } from "./schemas.ts";
import { DiagnosticSchema } from "./scoring.ts";

const ChangeSchema = z.enum(["added", "removed", "changed", "unchanged"]);
const PairSchema = <T extends z.ZodType>(t: T) => z.object({ old: t.nullable(), new: t.nullable() });

/** Inputs and items that differ, and the assessments of a period whose score changes. */
export const RubricDiffSchema = z.object({
  /** Diagnostics of `toSource` when it does not compile (then nothing else is filled in). */
  diagnostics: z.array(DiagnosticSchema),
  inputs: z.array(z.object({ name: z.string(), change: ChangeSchema })),
  items: z.array(
    z.object({
      number: z.number().int(),
      change: ChangeSchema,
      title: PairSchema(z.string()),
      standard: PairSchema(z.number()),
      criteria: z.array(
        z.object({
          number: z.number().int(),
          change: ChangeSchema,
          text: PairSchema(z.string()),
          rule: PairSchema(z.string()),
        }),
      ),
    }),
  ),
  gradesChanged: z.boolean(),
  vetoesChanged: z.boolean(),
  summary: z.object({
    subjects: z.number().int(),
    raised: z.number().int(),
    lowered: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  /** Assessments whose score changes or that one version cannot score; unchanged ones are left out. */
  subjects: z.array(
    z.object({
      assessmentId: IdSchema,
      subjectId: IdSchema,
      subjectCode: z.string(),
      subjectName: z.string(),
      old: z.object({ total: z.number(), grade: z.string().nullable() }).nullable(),
      new: z.object({ total: z.number(), grade: z.string().nullable() }).nullable(),
      delta: z.number().nullable(),
      items: z.array(
        z.object({
          number: z.number().int(),
          old: z.number().nullable(),
          new: z.number().nullable(),
          delta: z.number().nullable(),
        }),
      ),
      /** Why a version cannot score these facts (e.g. a new input with no default). */
      errors: z.array(z.object({ field: z.string(), zh: z.string(), en: z.string() })),
    }),
  ),
});
