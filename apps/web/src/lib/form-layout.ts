// Where each input goes on the assessment form: under the criterion that uses it, so that the
// assessor answers each question beside the sheet's own text; inputs that several items share
// (such as the number of enterprises) go to a general section at the top. Which inputs a criterion
// or veto reads is the engine's answer (`reads`), not worked out again here.
import type { CompiledRubric } from "@kaoping/engine";

export interface FormLayout {
  /** Inputs shown in the general section, in source order. */
  readonly general: readonly string[];
  /** Inputs shown under each criterion, keyed "item.criterion", in source order. */
  readonly byCriterion: ReadonlyMap<string, readonly string[]>;
  /** Every input each criterion reads, directly or through derived values, keyed "item.criterion". */
  readonly reads: ReadonlyMap<string, readonly string[]>;
  /** Every input the rubric-wide vetoes read. */
  readonly vetoReads: ReadonlySet<string>;
}

/**
 * Places every input once: under the first criterion that reads it (through derived values too)
 * when all its readers are in one item, else in the general section. Inputs nobody reads also go
 * to the general section, so that nothing is hidden.
 */
export function layoutForm(rubric: Pick<CompiledRubric, "inputs" | "items" | "vetoes">): FormLayout {
  const readers = new Map<string, { key: string; item: number }[]>();
  const reads = new Map<string, readonly string[]>();
  for (const item of rubric.items) {
    for (const c of item.criteria) {
      const key = `${item.number}.${c.number}`;
      reads.set(key, c.reads);
      for (const n of c.reads) {
        const list = readers.get(n) ?? [];
        list.push({ key, item: item.number });
        readers.set(n, list);
      }
    }
  }

  const general: string[] = [];
  const byCriterion = new Map<string, string[]>();
  for (const { name } of rubric.inputs) {
    const list = readers.get(name) ?? [];
    const first = list[0];
    if (!first || list.some((r) => r.item !== first.item)) {
      general.push(name);
      continue;
    }
    const at = byCriterion.get(first.key) ?? [];
    at.push(name);
    byCriterion.set(first.key, at);
  }
  const vetoReads = new Set(rubric.vetoes.flatMap((v) => v.reads));
  return { general, byCriterion, reads, vetoReads };
}
