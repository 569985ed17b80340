// Properties over random facts on the real village rubric (FC_NUM_RUNS sets the number of cases).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, FactsError, type CompiledRubric, type ScoreResult } from "./index.ts";
import { factsReader } from "./facts.ts";
import { internalsOf } from "./compile.ts";
import { invalidFacts, validFacts } from "../test/arbitraries.ts";

const numRuns = Number(process.env["FC_NUM_RUNS"] ?? 300);
const here = dirname(fileURLToPath(import.meta.url));
const text = readFileSync(join(here, "../../../rubrics/village-quality.rubric"), "utf8");

function load(backend: "generated" | "closures" | "interpreter"): CompiledRubric {
  const r = compile(text, { backend }).rubric;
  if (!r) throw new Error("village rubric does not compile");
  return r;
}
const gen = load("generated");
const clo = load("closures");
const int = load("interpreter");

function plain(r: ScoreResult): unknown {
  return JSON.parse(
    JSON.stringify({
      ...r,
      items: r.items.map((i) => ({ ...i, criteria: i.criteria.map((c) => ({ number: c.number, points: c.points })) })),
      veto: r.veto?.reason ?? null,
    }),
  );
}

describe("random valid facts", () => {
  it("score within bounds, the same on every evaluator and every run, never -0", () => {
    const b = gen.bounds();
    fc.assert(
      fc.property(validFacts(gen), (facts) => {
        expect(gen.validate(facts).ok).toBe(true);
        const r = gen.score(facts);
        expect(plain(gen.score(facts))).toEqual(plain(r));
        expect(plain(clo.score(facts))).toEqual(plain(r));
        expect(plain(int.score(facts))).toEqual(plain(r));
        expect(plain(gen.score(facts, { explain: true }))).toEqual(plain(r));
        expect(r.total).toBeGreaterThanOrEqual(b.least);
        if (b.most !== null) expect(r.total).toBeLessThanOrEqual(b.most);
        r.items.forEach((item, i) => {
          const ib = b.items[i];
          if (!ib) throw new Error("bounds miss an item");
          expect(item.points).toBeGreaterThanOrEqual(ib.least);
          if (ib.most !== null) expect(item.points).toBeLessThanOrEqual(ib.most);
          item.criteria.forEach((c, j) => {
            const cb = ib.criteria[j];
            if (!cb) throw new Error("bounds miss a criterion");
            expect(Object.is(c.points, -0)).toBe(false);
            expect(Number.isFinite(c.points)).toBe(true);
            expect(c.points).toBeGreaterThanOrEqual(cb.least);
            if (cb.most !== null) expect(c.points).toBeLessThanOrEqual(cb.most);
          });
        });
      }),
      { numRuns },
    );
  });

  it("more failed spot checks never raise item 7", () => {
    fc.assert(
      fc.property(validFacts(gen), fc.nat(20), fc.nat(20), (facts, more1, more2) => {
        const before = gen.score(facts).items.find((i) => i.number === 7)?.points ?? NaN;
        const worse = {
          ...facts,
          省抽不合格数: (facts["省抽不合格数"] as number) + more1,
          国抽不合格数: Math.min(1_000_000_000, (facts["国抽不合格数"] as number) + more2),
        };
        if ((worse.省抽不合格数 as number) > 1_000_000_000) return;
        const after = gen.score(worse).items.find((i) => i.number === 7)?.points ?? NaN;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns },
    );
  });
});

describe("random invalid facts", () => {
  const read = factsReader(internalsOf(gen).ir.inputs);
  it("get validation errors, never an exception; the scorer's own reader agrees with the schema", () => {
    fc.assert(
      fc.property(invalidFacts(gen), (facts) => {
        const v = gen.validate(facts);
        // Extra keys are the schema's business only; the reader ignores what it does not read.
        const extraOnly = !v.ok && v.errors.every((e) => e.code === "unknown");
        if (!extraOnly) expect(read(facts) !== null).toBe(v.ok);
        if (v.ok) return;
        expect(v.errors.length).toBeGreaterThan(0);
        for (const e of v.errors) {
          expect(e.message.zh.length).toBeGreaterThan(0);
          expect(e.message.en.length).toBeGreaterThan(0);
        }
        // One message per field.
        expect(new Set(v.errors.map((e) => e.field)).size).toBe(v.errors.length);
        const outcome = gen.scoreMany([facts])[0];
        if (!extraOnly) expect(outcome?.ok).toBe(false);
        try {
          gen.score(facts);
          expect(extraOnly).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(FactsError);
        }
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      { numRuns },
    );
  });

  it("name the field's label", () => {
    const good = fc.sample(validFacts(gen), 1)[0] as Record<string, unknown>;
    const v = gen.validate({ ...good, 培训人数: "30", 质量建档率: 101, 辖区企业数: undefined });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.map((e) => [e.field, e.code, e.message.zh])).toEqual([
      ["辖区企业数", "missing", "「本辖区有几家企业？」未填写"],
      ["培训人数", "type", "「参加培训班的企业厂长或有关职工共有几人？」应为数字"],
      ["质量建档率", "range", "「本地区年销售额100万元以上的企业，完成质量建档的比例是多少？」应在 0 至 100 之间"],
    ]);
  });
});
