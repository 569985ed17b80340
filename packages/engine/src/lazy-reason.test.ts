// Reasons of the generated scorer are built when first read (lazy-reason.ts). They must read
// exactly like the interpreter's, which builds them at once; keep the values they were scored
// with; serialize as plain reasons; and survive an explanation that needs BigInt.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, type CompiledRubric, type Reason, type ScoreResult } from "./index.ts";
import { validFacts } from "../test/arbitraries.ts";
import { compiled, item, rubricText } from "../test/rubric.ts";
import { workedExample } from "../test/worked-example.ts";

const numRuns = Number(process.env["FC_NUM_RUNS"] ?? 300);
const here = dirname(fileURLToPath(import.meta.url));
const village = readFileSync(join(here, "../../../rubrics/village-quality.rubric"), "utf8");

function load(text: string, backend: "generated" | "interpreter"): CompiledRubric {
  const r = compile(text, { backend }).rubric;
  if (!r) throw new Error("does not compile");
  expect(r.backend).toBe(backend);
  return r;
}

/** Every reason of a result as a plain object, read field by field. */
function reasons(r: ScoreResult): unknown[] {
  return r.items.flatMap((i) =>
    i.criteria.map((c) => {
      const x = c.reason as Reason;
      return {
        rule: x.rule,
        outcome: x.outcome,
        zh: x.zh,
        en: x.en,
        inputs: x.inputs,
        span: x.span,
        suggestion: x.suggestion,
        assessorReason: x.assessorReason,
      };
    }),
  );
}

describe("lazy reasons of the generated scorer", () => {
  const gen = load(village, "generated");
  const int = load(village, "interpreter");

  it("read exactly like the interpreter's, field by field and as JSON", () => {
    fc.assert(
      fc.property(validFacts(gen), (facts) => {
        const a = gen.score(facts, { explain: true });
        const b = int.score(facts, { explain: true });
        expect(reasons(a)).toEqual(reasons(b));
        expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
      }),
      { numRuns },
    );
  });

  it("keep the values they were scored with when the facts change afterwards", () => {
    const facts: Record<string, unknown> = {
      ...workedExample,
      责任书评分: { value: 3.2, reason: "应签 10 家，已签 8 家" },
    };
    const r = gen.score(facts, { explain: true });
    facts["省抽不合格数"] = 3;
    (facts["责任书评分"] as { reason: string }).reason = "改过了";
    const item7 = r.items[6]?.criteria[0]?.reason;
    expect(item7?.zh).toBe("4 − 1 × 1（省抽不合格数 = 1）= 3 分");
    expect(r.items[1]?.criteria[1]?.reason?.assessorReason).toBe("应签 10 家，已签 8 家");
  });

  it("read the same later, after other subjects were scored and explained in between", () => {
    const first = gen.score(workedExample, { explain: true });
    const other = gen.score({ ...workedExample, 省抽不合格数: 6, 培训人数: 1 }, { explain: true });
    expect(other.items[6]?.criteria[0]?.reason?.outcome).toBe("floored");
    expect(first.items[6]?.criteria[0]?.reason?.outcome).toBe("computed");
    expect(other.items[2]?.criteria[0]?.reason?.outcome).toBe("unmet");
    expect(first.items[2]?.criteria[0]?.reason?.outcome).toBe("met");
  });

  it("keep their internals out of keys and JSON", () => {
    const reason = gen.score(workedExample, { explain: true }).items[0]?.criteria[0]?.reason;
    expect(Object.keys(reason ?? {})).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(reason)) as object).sort()).toEqual([
      "en",
      "inputs",
      "outcome",
      "rule",
      "span",
      "zh",
    ]);
  });

  it("fall back to BigInt when only the explanation leaves the exact range", () => {
    // Scoring never evaluates a suggestion; explaining does, and a × b is past 2^52 here.
    const text = rubricText(
      `  输入 a: 计数 "a"
  输入 b: 计数 "b"
  输入 s: 评分 0 至 4 步长 1 "s"
${item(1, 4, `    细则 1 "酌情" { 酌情 s 建议 a × b }`)}`,
      4,
    );
    const r = compiled(text, { backend: "generated" }).score(
      { a: 1_000_000_000, b: 999_999_999, s: 4 },
      { explain: true },
    );
    const reason = r.items[0]?.criteria[0]?.reason;
    expect(reason?.suggestion).toBe(999_999_999_000_000_000);
    expect(reason?.zh).toContain("999999999000000000");
  });
});
