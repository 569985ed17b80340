// fast-check arbitraries of facts for any compiled rubric: valid facts drawn from each input's
// type, and hostile values that must produce validation errors, never exceptions.
import fc from "fast-check";
import type { CompiledRubric, InputInfo } from "../src/index.ts";

/** A valid fact for one input: edge values often, any value sometimes. */
export function validFact(input: InputInfo): fc.Arbitrary<unknown> {
  switch (input.kind) {
    case "yesno":
      return fc.boolean();
    case "count":
      return fc.oneof(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
      );
    case "number":
      return fc.integer({ min: 0, max: 1_000_000_000_000 }).map((x) => x / 1_000_000);
    case "percent": {
      // Percent points with up to four decimals, within the input's range (0..100 unless declared).
      const lo = Math.round((input.min ?? 0) * 10_000);
      const hi = Math.round((input.max ?? 100) * 10_000);
      return fc.oneof(
        fc.constantFrom(0, 30, 60, 97.9, 98, 99.9999, 100).filter((v) => v * 10_000 >= lo && v * 10_000 <= hi),
        fc.constantFrom(lo / 10_000, hi / 10_000),
        fc.integer({ min: lo, max: hi }).map((x) => x / 10_000),
      );
    }
    case "score": {
      const min = input.min ?? 0;
      const max = input.max ?? 0;
      const step = input.step ?? 0.000001;
      const steps = Math.round((max - min) / step);
      return fc.integer({ min: 0, max: steps }).map((k) => {
        const value = Number(((Math.round(min * 1e6) + k * Math.round(step * 1e6)) / 1e6).toFixed(6));
        return value < max ? { value, reason: "考核组评定" } : value;
      });
    }
  }
}

/** Valid facts for every input of a rubric. */
export function validFacts(rubric: CompiledRubric): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const i of rubric.inputs) record[i.name] = validFact(i);
  return fc.record(record);
}

/** Values no input accepts as they are. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    1e300,
    -1e300,
    2 ** 53 + 1,
    Number.NaN,
    Infinity,
    -Infinity,
    -1,
    -0.5,
    0.1234567,
    "5",
    "40%",
    "是",
    "",
    null,
    [],
    [1, 2, 3],
    {},
    { value: "3" },
    { value: 3.2, reason: 7 },
    { valueOf: 5 },
  ),
  fc.constant(new Array<number>(100_000).fill(1)),
  fc.string(),
  fc.double(),
  fc.object(),
);

/** Valid facts with some fields made hostile, missing, or extra keys added (prototype keys too). */
export function invalidFacts(rubric: CompiledRubric): fc.Arbitrary<unknown> {
  const names = rubric.inputs.map((i) => i.name);
  return fc.oneof(
    fc
      .tuple(validFacts(rubric), fc.subarray(names, { minLength: 1 }), fc.array(hostileValue, { minLength: 1 }))
      .map(([facts, broken, values]) => {
        const out = { ...facts };
        broken.forEach((n, k) => {
          out[n] = values[k % values.length];
        });
        return out;
      }),
    fc.tuple(validFacts(rubric), fc.subarray(names, { minLength: 1 })).map(([facts, gone]) => {
      const out = { ...facts };
      for (const n of gone) delete out[n];
      return out;
    }),
    fc
      .tuple(
        validFacts(rubric),
        fc.constantFrom("__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "x"),
      )
      .map(
        ([facts, key]) =>
          JSON.parse(
            JSON.stringify({ ...facts, [key]: 1 }).replace(/}$/, `,${JSON.stringify(key)}:{"polluted":true}}`),
          ) as unknown,
      ),
    hostileValue,
  );
}
