import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

const rubrics = join(import.meta.dirname, "../../../rubrics");

async function run(...argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(argv, (text) => lines.push(text));
  return { code, output: lines.join("\n") };
}

function tempRubric(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "kaoping-cli-")), "x.rubric");
  writeFileSync(path, text);
  return path;
}

// 培训人数 is used but never declared: KP301 at 7:29.
const broken = readFileSync(join(import.meta.dirname, "../test/fixtures/unknown-name.rubric"), "utf8");

describe("kaoping check", () => {
  it("passes the real rubrics with no output", async () => {
    expect(await run("check", rubrics)).toEqual({ code: 0, output: "" });
  });

  it("renders errors with file, line, caret and help, and exits 1", async () => {
    const path = tempRubric(broken);
    const { code, output } = await run("check", path);
    expect(code).toBe(1);
    expect(output).toContain("错误[KP301]：未定义的名称「培训人数」");
    expect(output).toContain(`${path}:7:29`);
    expect(output).toMatch(/\n\s+\|\s+\^{8}\n/);
    const english = await run("check", "--lang", "en", path);
    expect(english.output).toContain('error[KP301]: unknown name "培训人数"');
  });

  it("prints diagnostics as JSON with lines and columns", async () => {
    const { code, output } = await run("check", "--json", tempRubric(broken));
    expect(code).toBe(1);
    const [file] = JSON.parse(output) as { diagnostics: { code: string; start: { line: number } }[] }[];
    expect(file?.diagnostics.find((d) => d.code === "KP301")?.start.line).toBe(7);
  });

  it("refuses a missing path and an unknown flag with usage, exit 2", async () => {
    expect((await run("check", "/no/such/place")).code).toBe(2);
    expect((await run("check", "--frobnicate")).code).toBe(2);
    expect((await run("check", "--lang", "fr", rubrics)).code).toBe(2);
    expect((await run("nonsense")).code).toBe(2);
  });
});

describe("kaoping fmt", () => {
  it("accepts the formatted rubrics with --check", async () => {
    expect((await run("fmt", "--check", rubrics)).code).toBe(0);
  });

  it("rewrites a file canonically, and --check reports it first", async () => {
    const path = tempRubric(
      '评分细则 a "b" {对象 "x" 满分 1 输入 x:是否 "x"\n项目 1 "t" 标准分 1 {内容 "c" 细则 1 "c" {得 1 当 x}} 测试 "t" {已知 {x = 是} 期望 {总分 = 1}}}',
    );
    const check = await run("fmt", "--check", path);
    expect(check.code).toBe(1);
    expect(check.output).toContain("未格式化");
    expect((await run("fmt", path)).code).toBe(0);
    expect(readFileSync(path, "utf8")).toContain('    细则 1 "c" {\n      得 1 当 x\n    }');
    expect((await run("fmt", "--check", path)).code).toBe(0);
  });

  it("translates keywords with --keywords and back", async () => {
    const original = readFileSync(join(rubrics, "village-quality.rubric"), "utf8");
    const path = tempRubric(original);
    await run("fmt", "--keywords", "en", path);
    expect(readFileSync(path, "utf8")).toMatch(/^rubric village_quality/m);
    await run("fmt", "--keywords", "zh", path);
    expect(readFileSync(path, "utf8")).toBe(original);
  });

  it("refuses to format a file with syntax errors and shows them", async () => {
    const { code, output } = await run(
      "fmt",
      tempRubric('评分细则 a "b" { 项目 1 "t" 标准分 1 { 细则 1 "x" { 得 当 } } }'),
    );
    expect(code).toBe(1);
    expect(output).toContain("KP201");
  });
});
