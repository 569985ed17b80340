// The real rubrics are the integration corpus: each compiles without a diagnostic, passes its own
// tests, and READING.md's worked example explains itself exactly as the golden file says.
// Re-record the golden file with UPDATE_GOLDEN=1.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { internalsOf } from "./compile.ts";
import { compile, runTests, type CompiledRubric } from "./index.ts";
import { workedExample } from "../test/worked-example.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const rubricsDir = join(root, "rubrics");
const golden = join(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/explain/village-worked-example.txt");

function load(name: string): CompiledRubric {
  const { rubric, diagnostics } = compile(readFileSync(join(rubricsDir, name), "utf8"));
  expect(diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  if (!rubric) throw new Error(`${name} does not compile`);
  return rubric;
}

describe.each(readdirSync(rubricsDir).filter((f) => f.endsWith(".rubric")))("%s", (file) => {
  it("compiles without diagnostics and passes its own tests", () => {
    const rubric = load(file);
    const outcomes = runTests(rubric);
    expect(outcomes.length).toBeGreaterThanOrEqual(6);
    for (const o of outcomes)
      expect({ name: o.name, failures: o.failures, errors: o.factErrors }).toEqual({
        name: o.name,
        failures: [],
        errors: [],
      });
  });

  it("has bounds from 0 to unbounded (open bonuses), items within their standard below", () => {
    const rubric = load(file);
    const b = rubric.bounds();
    expect(b.least).toBe(0);
    for (const item of b.items) {
      const nonBonus = item.criteria.filter((c) => c.rule !== "bonus").reduce((s, c) => s + (c.most ?? Infinity), 0);
      expect(nonBonus).toBe(item.standard);
    }
  });
});

describe("READING.md's worked example", () => {
  const rubric = load("village-quality.rubric");
  it("has the facts of the rubric's own test 示例村（READING.md）", () => {
    const test = internalsOf(rubric).tests.find((t) => t.name === "示例村（READING.md）");
    expect(test?.facts).toEqual(workedExample);
  });
  it("scores 109.2 with the items of READING.md", () => {
    const r = rubric.score(workedExample);
    expect(r.total).toBe(109.2);
    expect(r.items.map((i) => i.points)).toEqual([5, 9.2, 7, 20, 5, 22, 9, 22, 10]);
    expect(r.grade).toBe("优秀");
  });
  it("explains every criterion as the golden file says", () => {
    const r = rubric.score(workedExample, { explain: true });
    const lines: string[] = [];
    for (const item of r.items) {
      lines.push(`项目 ${item.number} ${item.title}：${item.points} / ${item.standard}`);
      for (const c of item.criteria) {
        lines.push(`  ${item.number}.${c.number} ${c.points}`);
        lines.push(`    zh: ${c.reason?.zh}`);
        lines.push(`    en: ${c.reason?.en}`);
      }
    }
    lines.push(`总分 ${r.total}（${r.grade}）`);
    const text = `${lines.join("\n")}\n`;
    if (process.env["UPDATE_GOLDEN"]) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, text);
    }
    expect(text).toBe(readFileSync(golden, "utf8"));
  });
});
