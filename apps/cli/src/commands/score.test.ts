// kaoping test | score | bounds | diff, run through main() on the real rubrics.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
const village = join(root, "rubrics/village-quality.rubric");
const facts = join(root, "packages/engine/test/fixtures/facts");

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (t) => lines.push(t));
  return { code, out: lines.join("\n") };
}

describe("kaoping test", () => {
  it("runs every test of the rubrics and ends with the count", async () => {
    const { code, out } = await run("test", join(root, "rubrics"));
    expect(code).toBe(0);
    expect(out.split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
  it("shows the test, the item, expected, actual and the explanation of a failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaoping-"));
    const wrong = join(dir, "wrong.rubric");
    writeFileSync(wrong, readFileSync(village, "utf8").replace("项目 7 = 9\n", "项目 7 = 8\n"));
    const { code, out } = await run("test", wrong);
    expect(code).toBe(1);
    expect(out).toContain("✗");
    expect(out).toContain("示例村（READING.md）");
    expect(out).toContain("项目 7：期望 8，实得 9");
    expect(out).toContain("4 − 1 × 1（省抽不合格数 = 1）= 3 分");
    expect(out.split("\n").at(-1)).toMatch(/^\d+ passed, 1 failed$/);
  });
});

describe("kaoping score", () => {
  it("prints READING.md's worked example as JSON with a total of 109.2", async () => {
    const { code, out } = await run("score", village, join(facts, "village-worked-example.json"), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as { total: number; grade: string; items: { points: number }[] }[];
    expect(json).toHaveLength(1);
    expect(json[0]?.total).toBe(109.2);
    expect(json[0]?.items.map((i) => i.points)).toEqual([5, 9.2, 7, 20, 5, 22, 9, 22, 10]);
  });
  it("scores the valid CSV records, names the invalid record and field, exits 2", async () => {
    const { code, out } = await run("score", village, join(facts, "villages.csv"), "--explain");
    expect(code).toBe(2);
    expect(out).toMatch(/示例村\s+5\s+9\.2\s+7\s+20\s+5\s+22\s+9\s+22\s+10\s+109\.2\s+优秀/);
    expect(out).toContain("满分村");
    expect(out).toContain("2 条记录已评分，1 条记录有误");
    expect(out).toContain("评定 3.2 分（理由：应签 10 家，已签 8 家）");
  });
});

describe("kaoping score never answers a question it was not asked", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-facts-"));
  const worked = JSON.parse(readFileSync(join(facts, "village-worked-example.json"), "utf8")) as Record<
    string,
    unknown
  >;
  async function runWithStderr(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("refuses a complete record with one misspelled extra key, naming the closest input", async () => {
    const file = join(dir, "misspelled.json");
    writeFileSync(file, JSON.stringify({ ...worked, 国抽不合格数目: 1 }));
    const { code, err } = await runWithStderr("score", village, file);
    expect(code).toBe(2);
    expect(err).toContain("记录 #1：国抽不合格数目：没有名为「国抽不合格数目」的输入；是不是「国抽不合格数」？");
  });

  it("scores a key written in full-width or compatibility form as the input, and says so", async () => {
    const file = join(dir, "fullwidth.json");
    const { 国抽不合格数: n, ...rest } = worked;
    writeFileSync(file, JSON.stringify({ ...rest, "国抽不合格数\u3000": n }));
    const { code, out, err } = await runWithStderr("score", village, file, "--json");
    expect(code).toBe(0);
    expect((JSON.parse(out) as { total: number }[])[0]?.total).toBe(109.2);
    expect(err).toContain("注意：记录 #1：「国抽不合格数\u3000」按输入「国抽不合格数」读取");
  });

  it("refuses a CSV with a percent that could be read two ways, naming row, column and the fix", async () => {
    const csv = readFileSync(join(facts, "villages.csv"), "utf8").split("\n");
    const header = (csv[0] ?? "").split(",");
    const at = header.indexOf("企业标准覆盖率");
    const row = (csv[1] ?? "").split(",");
    row[at] = "0.99";
    const file = join(dir, "ambiguous.csv");
    writeFileSync(file, [csv[0], row.join(",")].join("\n"));
    const { code, out, err } = await runWithStderr("score", village, file);
    expect(code).toBe(2);
    expect(err).toContain(
      "记录 示例村（第 2 行）：企业标准覆盖率：「企业标准覆盖率是多少？」的 0.99 不明确：是 99% 还是 0.99%？请写成 99% 或 0.99%，或在列名后注明（%）或（比例）",
    );
    expect(out).not.toContain("示例村");
    expect(err).toContain("未评分：1 个单元格可有两种读法");
    // The header says which: scored.
    header[at] = "企业标准覆盖率(比例)";
    writeFileSync(file, [header.join(","), row.join(",")].join("\n"));
    expect((await runWithStderr("score", village, file)).code).toBe(0);
  });
});

describe("facts-file errors follow --lang and KAOPING_LANG", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-facts-lang-"));
  const brokenJson = join(dir, "broken.json");
  writeFileSync(brokenJson, '{"省抽不合格数": 1,');
  const brokenCsv = join(dir, "broken.csv");
  writeFileSync(brokenCsv, '名称,省抽不合格数\n"示例村,1\n');
  const missing = join(dir, "missing.json");
  const csv = readFileSync(join(facts, "villages.csv"), "utf8").split("\n");
  const header = (csv[0] ?? "").split(",");
  const row = (csv[1] ?? "").split(",");
  row[header.indexOf("企业标准覆盖率")] = "0.99";
  const ambiguous = join(dir, "ambiguous.csv");
  writeFileSync(ambiguous, [csv[0], row.join(",")].join("\n"));

  async function stderrOf(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
    const err: string[] = [];
    const code = await main(args, { out: () => undefined, err: (t) => err.push(t), env });
    expect(code).toBe(2);
    return err.join("\n");
  }
  const cases = [
    { file: missing, zh: `没有这个文件：${missing}`, en: `no such file: ${missing}` },
    { file: brokenJson, zh: `JSON 无法读取：${brokenJson}：`, en: `cannot read the JSON ${brokenJson}: ` },
    { file: brokenCsv, zh: `CSV 无法读取：${brokenCsv}：`, en: `cannot read the CSV ${brokenCsv}: ` },
    {
      file: ambiguous,
      zh: "记录 示例村（第 2 行）：企业标准覆盖率：",
      en: "record 示例村 (line 2): 企业标准覆盖率: ",
    },
  ];
  for (const { file, zh, en } of cases) {
    it(`${file.slice(dir.length + 1)}: one language at a time`, async () => {
      for (const args of [
        ["score", village, file],
        ["diff", village, village, "--facts", file],
      ]) {
        const chinese = await stderrOf(args);
        expect(chinese).toContain(zh);
        expect(chinese).not.toContain(en);
        for (const english of [
          await stderrOf(["--lang", "en", ...args]),
          await stderrOf(args, { KAOPING_LANG: "en" }),
        ]) {
          expect(english).toContain(en);
          expect(english).not.toContain(zh);
          expect(english).not.toMatch(/[记录读取文件行]/);
        }
      }
    });
  }
  it("names an unnamed CSV record by its number and line in the language asked for", async () => {
    const nameless = join(dir, "nameless.csv");
    const at = header.indexOf("名称");
    writeFileSync(
      nameless,
      [header.filter((_, i) => i !== at).join(","), row.filter((_, i) => i !== at).join(",")].join("\n"),
    );
    expect(await stderrOf(["score", village, nameless])).toContain("记录 #1（第 2 行）：");
    expect(await stderrOf(["score", "--lang", "en", village, nameless])).toContain("record #1 (line 2): ");
  });
});

describe("kaoping bounds and diff", () => {
  it("prints least and most, no most for open bonuses", async () => {
    const { code, out } = await run("bounds", village);
    expect(code).toBe(0);
    expect(out).toMatch(/7 质量监督\s+10\s+0\s+10/);
    expect(out).toMatch(/总分\s+100\s+0\s+无上限/);
  });
  it("shows changed rules and each subject's old and new total", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaoping-"));
    const changed = join(dir, "new.rubric");
    writeFileSync(changed, readFileSync(village, "utf8").replace("每 省抽不合格数 扣 1 分", "每 省抽不合格数 扣 2 分"));
    const { code, out } = await run("diff", village, changed, "--facts", join(facts, "village-worked-example.json"));
    expect(code).toBe(0);
    expect(out).toContain("- 基础 4 扣 1 每 省抽不合格数");
    expect(out).toContain("+ 基础 4 扣 2 每 省抽不合格数");
    expect(out).toMatch(/#1\s+109\.2\s+108\.2\s+-1\s+7:-1/);
  });
});

describe("kaoping score on a rubric with cohort rules", () => {
  const cohortRubric = join(root, "rubrics/examples/cohort-ranking-zh.rubric");
  const csv =
    "名称,类别,办结率,产值,投诉数\n甲镇,一类,97.2,81,2\n乙镇,一类,99,88,0\n丙镇,二类,97.2,40,5\n丁镇,二类,80,0,1\n";
  const file = (): string => {
    const path = join(mkdtempSync(join(tmpdir(), "kaoping-")), "towns.csv");
    writeFileSync(path, csv);
    return path;
  };

  it("scores the file as one cohort, ranked within each --cohort-by value, figures in the JSON", async () => {
    const { code, out } = await run("score", "--json", "--cohort-by", "类别", cohortRubric, file());
    expect(code).toBe(0);
    const results = JSON.parse(out) as { total: number; figures: { figure: string; value: number; of: number }[] }[];
    expect(results.map((r) => r.total)).toEqual([27.806825, 40, 30, 24]);
    expect(results[2]?.figures.find((f) => f.figure === "名次(办结率)")).toMatchObject({ value: 1, of: 2 });
  });

  it("refuses records without the --cohort-by field, naming them", async () => {
    const { code } = await run("score", "--cohort-by", "区", cohortRubric, file());
    expect(code).toBe(2);
  });
});
