// The reason cache. A criterion's reason is a pure function of the values it reads (and the
// assessor's reason of a discretionary score), so reasons are kept per criterion and shared
// between results with the same values: scoring a period explains each distinct case once.

import { scoreReason } from "./facts.ts";
import type { CriterionIR, RubricIR } from "./ir.ts";
import { collectCriterion } from "./reads.ts";
import type { Reason } from "./result.ts";

type Level = Map<unknown, unknown>;

interface Entry {
  /** The slots the criterion's explanation depends on. */
  readonly inputs: number[];
  readonly lets: number[];
  /** A discretionary criterion's score input: its assessor's reason is part of the key. */
  readonly discretionary: string | null;
  readonly cache: Map<unknown, Reason>;
  size: number;
  /** Where the reason of the last miss goes, once made. */
  pending: { level: Level; key: unknown } | null;
}

/** Reasons already made, per criterion, keyed by the values each one reads. */
export class ReasonCache {
  private readonly entries = new Map<CriterionIR, Entry>();

  constructor(ir: RubricIR) {
    for (const item of ir.items) {
      for (const c of item.criteria) {
        const inputs = new Set<number>();
        const lets = new Set<number>();
        const figures = new Set<number>();
        collectCriterion(c, inputs, lets, figures);
        // A reason that quotes cohort figures is not a function of the subject's own values.
        if (figures.size > 0) continue;
        const discretionary = c.rule.kind === "discretionary" ? (ir.inputs[c.rule.slot]?.name ?? null) : null;
        this.entries.set(c, {
          inputs: [...inputs],
          lets: [...lets],
          discretionary,
          cache: new Map(),
          size: 0,
          pending: null,
        });
      }
    }
  }

  /**
   * The reason kept for these values, or undefined: then make it and pass it to `keep`.
   * Shared between results: the types are readonly (freezing would cost more than explaining).
   */
  find(
    c: CriterionIR,
    vals: readonly unknown[],
    lets: readonly unknown[],
    facts: Readonly<Record<string, unknown>>,
  ): Reason | undefined {
    const m = this.entries.get(c);
    if (!m) return undefined;
    // A lookup whose explanation threw (OVERFLOW, re-done on BigInt) must not leave its slot behind.
    m.pending = null;
    // Nested maps, one level per value read: no key strings to build and hash.
    let level: Level = m.cache as Level;
    const n = m.inputs.length + m.lets.length + (m.discretionary === null ? 0 : 1);
    let k = 0;
    let hit: unknown = level;
    for (const i of m.inputs) {
      hit = this.step(level, vals[i], ++k === n, m);
      if (hit === undefined) break;
      level = hit as Level;
    }
    if (hit !== undefined) {
      for (const i of m.lets) {
        hit = this.step(level, lets[i], ++k === n, m);
        if (hit === undefined) break;
        level = hit as Level;
      }
    }
    if (hit !== undefined && m.discretionary !== null) {
      hit = this.step(level, scoreReason(facts[m.discretionary]) ?? "", true, m);
    }
    // A miss, or a criterion that reads nothing.
    if (hit instanceof Map || hit === undefined || n === 0) return undefined;
    return hit as Reason;
  }

  /** Keeps the reason made after `find` missed. */
  keep(c: CriterionIR, r: Reason): void {
    const m = this.entries.get(c);
    if (!m || m.pending === null) return;
    if (m.size >= 4096) {
      // Bounded: a period with many distinct cases starts the cache over rather than grow it.
      m.cache.clear();
      m.size = 0;
    } else {
      m.pending.level.set(m.pending.key, r);
      m.size++;
    }
    m.pending = null;
  }

  /** One level of the cache: the next map, the reason at the last level, or undefined. */
  private step(level: Level, key: unknown, last: boolean, m: Entry): unknown {
    const next = level.get(key);
    if (next !== undefined) return next;
    if (last) {
      m.pending = { level, key };
      return undefined;
    }
    const created: Level = new Map();
    level.set(key, created);
    return created;
  }
}
