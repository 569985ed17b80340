// `kaoping test --junit FILE` read back with an XML parser, and `kaoping test --json`.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { junitXml } from "./junit.ts";

const root = join(import.meta.dirname, "../../../..");
const village = readFileSync(join(root, "rubrics/village-quality.rubric"), "utf8");

interface Case {
  "@_name": string;
  "@_classname": string;
  failure?: { "@_message": string; "#text": string };
  error?: { "@_message": string; "#text": string };
}
interface Suite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_errors": string;
  testcase: Case[];
}

function parse(xml: string): {
  testsuites: { "@_tests": string; "@_failures": string; "@_errors": string; testsuite: Suite[] };
} {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "testsuite" || name === "testcase",
  });
  return parser.parse(xml) as ReturnType<typeof parse>;
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), "kaoping-junit-"));
}

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, { out: (t) => lines.push(t), err: () => {} });
  return { code, out: lines.join("\n") };
}

describe("kaoping test --junit", () => {
  it("writes one suite per rubric and one case per test, a failure with expected and actual", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a-good.rubric"), village);
    writeFileSync(join(dir, "b-wrong.rubric"), village.replace("项目 7 = 9\n", "项目 7 = 8\n"));
    writeFileSync(join(dir, "c-broken.rubric"), '评分细则 a "b" { 项目 1 "t" 标准分 1 { 细则 1 "x" { 得 当 } } }');
    const report = join(dir, "report.xml");
    const { code, out } = await run("test", "--junit", report, dir);
    expect(code).toBe(1);
    expect(out.split("\n").at(-1)).toMatch(/^\d+ passed, 2 failed$/);
    const xml = parse(readFileSync(report, "utf8")).testsuites;
    const [good, wrong, broken] = xml.testsuite;
    expect(good?.["@_name"]).toBe(join(dir, "a-good.rubric"));
    expect(Number(good?.["@_tests"])).toBeGreaterThan(0);
    expect(good?.["@_failures"]).toBe("0");
    expect(good?.testcase.every((c) => c.failure === undefined)).toBe(true);
    expect(wrong?.["@_failures"]).toBe("1");
    const failed = wrong?.testcase.find((c) => c.failure);
    expect(failed?.["@_name"]).toBe("示例村（READING.md）");
    expect(failed?.failure?.["@_message"]).toBe("项目 7：期望 8，实得 9");
    expect(failed?.failure?.["#text"]).toContain("4 − 1 × 1（省抽不合格数 = 1）= 3 分");
    expect(broken?.["@_errors"]).toBe("1");
    expect(broken?.testcase[0]?.error?.["#text"]).toContain("KP201");
    expect(xml["@_failures"]).toBe("1");
    expect(xml["@_errors"]).toBe("1");
    expect(Number(xml["@_tests"])).toBe(Number(good?.["@_tests"]) * 2 + 1);
  });

  it("escapes what XML cannot hold as it is", () => {
    const xml = junitXml(
      [
        {
          name: 'a<b>&"c"',
          error: null,
          seconds: 0.5,
          cases: [{ name: "x\u0001y ]]> '", failure: { message: "a\nb", details: "<&>\nline 2" } }],
        },
      ],
      new Date(0),
    );
    const suite = parse(xml).testsuites.testsuite[0];
    expect(suite?.["@_name"]).toBe('a<b>&"c"');
    expect(suite?.testcase[0]?.["@_name"]).toBe("xy ]]> '");
    expect(suite?.testcase[0]?.failure?.["#text"]).toBe("<&>\nline 2");
  });

  it("says plainly when the report cannot be written, exit 2", async () => {
    const errors: string[] = [];
    const path = join(folder(), "good.rubric");
    writeFileSync(path, village);
    const code = await main(["test", "--lang", "en", "--junit", "/no/such/dir/report.xml", path], {
      out: () => {},
      err: (t) => errors.push(t),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("cannot write /no/such/dir/report.xml (ENOENT)");
  });
});

describe("kaoping test --json", () => {
  it("prints each file's tests with line, pass or failure, expected, actual and the explanation", async () => {
    const dir = folder();
    writeFileSync(join(dir, "wrong.rubric"), village.replace("项目 7 = 9\n", "项目 7 = 8\n"));
    const { code, out } = await run("test", "--json", dir);
    expect(code).toBe(1);
    const json = JSON.parse(out) as {
      passed: number;
      failed: number;
      files: {
        path: string;
        compiled: boolean;
        tests: {
          name: string;
          line: number;
          passed: boolean;
          failures: { what: { zh: string }; expected: number; actual: number; explanation: { zh: string } }[];
        }[];
      }[];
    };
    expect(json.failed).toBe(1);
    expect(json.passed).toBe((json.files[0]?.tests.length ?? 0) - 1);
    const failed = json.files[0]?.tests.find((t) => !t.passed);
    expect(failed?.name).toBe("示例村（READING.md）");
    expect(village.split("\n")[(failed?.line ?? 0) - 1]).toContain("示例村（READING.md）");
    expect(failed?.failures[0]).toMatchObject({ what: { zh: "项目 7" }, expected: 8, actual: 9 });
    expect(failed?.failures[0]?.explanation.zh).toContain("省抽不合格数 = 1");
  });

  it("gives a rubric that does not compile as not compiled, with its diagnostics", async () => {
    const dir = folder();
    writeFileSync(join(dir, "broken.rubric"), '评分细则 a "b" { 项目 1 "t" 标准分 1 { 细则 1 "x" { 得 当 } } }');
    const { code, out } = await run("test", "--json", dir);
    expect(code).toBe(1);
    const json = JSON.parse(out) as {
      failed: number;
      files: { compiled: boolean; diagnostics: { code: string; start: { line: number } }[]; tests: unknown[] }[];
    };
    expect(json.failed).toBe(1);
    expect(json.files[0]).toMatchObject({ compiled: false, tests: [] });
    expect(json.files[0]?.diagnostics.some((d) => d.code === "KP201" && d.start.line === 1)).toBe(true);
  });
});
