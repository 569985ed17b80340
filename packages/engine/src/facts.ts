// Reading facts into scaled slot values, checking each one as it is read. This is the scorer's own
// guard, so that no fact can turn into NaN, Infinity or a silent zero: it accepts exactly what the
// zod input schema accepts (schema.ts; a property test holds the two together): a key the rubric
// does not declare makes it refuse the record, like the schema. Anything it refuses goes to the
// schema for the messages (and for keys that differ from an input's name only in Unicode form).

import { SCALE } from "./decimal.ts";
import { MAX_VALUE } from "./decimal.ts";
import type { InputIR } from "./ir.ts";
import { percentRange } from "./ir.ts";

/** The largest count, number or score a fact may hold. */
export const MAX_FACT = Number(MAX_VALUE);

/** One value per input slot: scaled integers, or booleans for yes/no. */
export type Slots = (number | boolean)[];

/** Reads one input from a facts object; returns undefined when the fact is missing or invalid. */
export type SlotReader = (facts: Readonly<Record<string, unknown>>) => number | boolean | undefined;

/** The assessor's reason of a discretionary fact, if it has one. */
export function scoreReason(v: unknown): string | null {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const r = (v as { reason?: unknown }).reason;
    return typeof r === "string" ? r : null;
  }
  return null;
}

/** Builds the checked reader of one input. */
export function slotReader(input: InputIR): SlotReader {
  const name = input.name;
  const def = input.default === null ? undefined : Number(input.default);
  switch (input.kind) {
    case "yesno": {
      const d = def === undefined ? undefined : def !== 0;
      return (f) => {
        const v = f[name];
        if (v === true || v === false) return v;
        return v === undefined ? d : undefined;
      };
    }
    case "count":
      return (f) => {
        const v = f[name];
        if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_FACT) return v * SCALE + 0;
        return v === undefined ? def : undefined;
      };
    case "number":
      return (f) => {
        const v = f[name];
        if (typeof v === "number" && v >= 0 && v <= MAX_FACT) {
          const x = Math.round(v * SCALE);
          if (x / SCALE === v) return x + 0;
        }
        return v === undefined ? def : undefined;
      };
    case "percent": {
      // The range in percent points: 0..100, or as declared.
      const [lo, hi] = percentRange(input).map((x) => Number(x) / 10_000) as [number, number];
      return (f) => {
        const v = f[name];
        if (typeof v === "number" && v >= lo && v <= hi) {
          // Percent points with at most four decimals are a ratio with at most six.
          const x = Math.round(v * 10_000);
          if (x / 10_000 === v) return x + 0;
        }
        return v === undefined ? def : undefined;
      };
    }
    case "score": {
      const min = Number(input.min ?? 0n);
      const max = Number(input.max ?? 0n);
      const step = input.step === null ? 0 : Number(input.step);
      return (f) => {
        const raw = f[name];
        if (raw === undefined) return def;
        let v: unknown = raw;
        let reason: unknown;
        if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
          v = (raw as { value?: unknown }).value;
          reason = (raw as { reason?: unknown }).reason;
          if (reason !== undefined && typeof reason !== "string") return undefined;
        } else if (typeof raw !== "number") {
          return undefined;
        }
        if (typeof v !== "number" || !(v >= -MAX_FACT && v <= MAX_FACT)) return undefined;
        const x = Math.round(v * SCALE);
        if (x / SCALE !== v || x < min || x > max) return undefined;
        if (step !== 0 && (x - min) % step !== 0) return undefined;
        // Below the maximum the assessor must say why.
        if (x < max && (typeof reason !== "string" || reason.trim() === "")) return undefined;
        return x + 0;
      };
    }
  }
}

/** How many enumerable keys an object has (own and inherited), without allocating. */
export function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * A reader of every input: slot values, or null when any fact is missing or invalid, or when the
 * record has a key that is no input's name (more keys than inputs given).
 */
export function factsReader(inputs: readonly InputIR[]): (facts: unknown) => Slots | null {
  const readers = inputs.map(slotReader);
  const names = inputs.map((i) => i.name);
  const n = readers.length;
  return (facts) => {
    if (typeof facts !== "object" || facts === null || Array.isArray(facts)) return null;
    const f = facts as Readonly<Record<string, unknown>>;
    const slots: Slots = new Array<number | boolean>(n);
    let given = 0;
    for (let i = 0; i < n; i++) {
      const v = (readers[i] as SlotReader)(f);
      if (v === undefined) return null;
      slots[i] = v;
      if (f[names[i] as string] !== undefined) given++;
    }
    return keyCount(f) === given ? slots : null;
  };
}
