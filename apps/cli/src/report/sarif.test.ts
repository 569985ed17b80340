// `kaoping check --format sarif` validated against the official SARIF 2.1.0 schema (vendored in
// test/fixtures), and read back: rules, levels, locations, related locations, encoded paths.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it, onTestFinished } from "vitest";
import { main } from "../main.ts";

const root = join(import.meta.dirname, "../../../..");
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../test/fixtures/sarif-schema-2.1.0.json"), "utf8"),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

async function sarif(...args: string[]): Promise<{ code: number; log: SarifLog }> {
  const lines: string[] = [];
  const code = await main(["check", "--format", "sarif", ...args], { out: (t) => lines.push(t), err: () => {} });
  return { code, log: JSON.parse(lines.join("\n")) as SarifLog };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      relatedLocations?: { message: { text: string } }[];
    }[];
  }[];
}

const broken = readFileSync(join(import.meta.dirname, "../../test/fixtures/unknown-name.rubric"), "utf8");

describe("kaoping check --format sarif", () => {
  it("is valid SARIF 2.1.0 for clean rubrics, with every file as an artifact and no results", async () => {
    const { code, log } = await sarif(join(root, "rubrics"));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    // The validator does refuse what the schema forbids: a run without its tool.
    expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);
    expect(code).toBe(0);
    expect(log.runs[0]?.tool.driver.name).toBe("kaoping");
    expect(log.runs[0]?.artifacts.length).toBeGreaterThanOrEqual(2);
    expect(log.runs[0]?.results).toEqual([]);
  });

  it("reports errors with rule, level, message in the chosen language and the exact region", async () => {
    // A Chinese file name below the working directory: a relative, percent-encoded URI.
    const dir = mkdtempSync(join(process.cwd(), ".sarif-test-"));
    onTestFinished(() => rmSync(dir, { recursive: true }));
    const path = join(dir, "培训 考核.rubric");
    writeFileSync(path, broken);
    const { code, log } = await sarif("--lang", "en", path);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(code).toBe(1);
    const run = log.runs[0];
    const result = run?.results.find((r) => r.ruleId === "KP301");
    expect(result?.level).toBe("error");
    expect(result?.message.text).toContain('unknown name "培训人数"');
    expect(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe("KP301");
    const location = result?.locations[0]?.physicalLocation;
    expect(location?.region).toEqual({ startLine: 7, startColumn: 29, endLine: 7, endColumn: 33 });
    expect(decodeURIComponent(location?.artifactLocation.uri ?? "")).toBe(relative(process.cwd(), path));
    expect(location?.artifactLocation.uri).toContain("%E5%9F%B9%E8%AE%AD%20");
    const zh = await sarif(path);
    expect(zh.log.runs[0]?.results.find((r) => r.ruleId === "KP301")?.message.text).toContain(
      "未定义的名称「培训人数」",
    );
  });

  it("keeps warnings as warnings and a file outside the working directory as a file URI", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kaoping-sarif-")), "x.rubric");
    // An unused input and no tests: warnings, not errors.
    writeFileSync(
      path,
      '评分细则 a "b" {\n  对象 "x"\n  满分 1\n  输入 x: 是否 "x"\n  输入 没用到: 计数 "没用到"\n  项目 1 "t" 标准分 1 {\n    内容 "c"\n    细则 1 "c" { 得 1 当 x }\n  }\n}\n',
    );
    const { code, log } = await sarif(path);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const levels = new Set(log.runs[0]?.results.map((r) => r.level));
    expect(levels.has("warning")).toBe(true);
    expect(levels.has("error")).toBe(false);
    expect(code).toBe(0);
    expect(log.runs[0]?.artifacts[0]?.location.uri).toMatch(/^file:\/\/\/.*x\.rubric$/);
  });

  it("prints --format json like --json, and refuses --json with another --format", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kaoping-sarif-")), "x.rubric");
    writeFileSync(path, broken);
    const outputs: string[][] = [[], []];
    await main(["check", "--format", "json", path], { out: (t) => outputs[0]?.push(t) });
    await main(["check", "--json", path], { out: (t) => outputs[1]?.push(t) });
    expect(outputs[0]).toEqual(outputs[1]);
    const errors: string[] = [];
    expect(
      await main(["check", "--json", "--format", "sarif", path], { out: () => {}, err: (t) => errors.push(t) }),
    ).toBe(2);
    expect(errors[0]).toContain("--json 与 --format sarif 冲突");
  });
});
