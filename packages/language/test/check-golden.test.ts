// Golden tests of the checker: one small rubric per diagnostic code that triggers it, with every
// diagnostic of the file rendered in Chinese and English beside it (`<name>.out`); and rubrics
// that must check clean. Every code in codes.ts has a fixture, so a new code needs one too.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, codes, renderDiagnostics, sourceFile, type Code } from "../src/index.ts";
import { displayPath, fixturesDir, matchGolden, read, rubricFilesIn } from "./golden.ts";

const errDir = join(fixturesDir, "check", "err");
const okDir = join(fixturesDir, "check", "ok");
const errFiles = rubricFilesIn(errDir);
const okFiles = rubricFilesIn(okDir);

/** The rendered diagnostics of a fixture in both languages, as stored in its `.out` file. */
export function renderFixture(path: string): { out: string; codes: string[] } {
  const text = read(path);
  const file = sourceFile(displayPath(path), text);
  const { diagnostics } = check(text);
  const zh = renderDiagnostics(file, diagnostics, { lang: "zh" });
  const en = renderDiagnostics(file, diagnostics, { lang: "en" });
  return { out: `── zh ──\n${zh}\n\n── en ──\n${en}\n`, codes: diagnostics.map((d) => d.code) };
}

describe("diagnostic goldens (test/fixtures/check/err)", () => {
  it.each(errFiles.map((f) => [basename(f), f]))("%s", (_name, path) => {
    const code = /^(KP\d{3})-/.exec(basename(path))?.[1];
    expect(code, "fixture names start with the code they trigger, e.g. KP301-unknown-name.rubric").toBeDefined();
    const { out, codes: found } = renderFixture(path);
    expect(found, `${basename(path)} should report ${code}`).toContain(code);
    matchGolden(path.replace(/\.rubric$/, ".out"), out);
  });

  it("has a fixture for every diagnostic code", () => {
    const covered = new Set(errFiles.map((f) => basename(f).slice(0, 5)));
    // KP9xx are the tools' own faults: no text should trigger them, so none can have a fixture.
    const missing = (Object.keys(codes) as Code[]).filter((c) => !covered.has(c) && !c.startsWith("KP9"));
    expect(missing).toEqual([]);
  });
});

describe("clean rubrics (test/fixtures/check/ok)", () => {
  it.each(okFiles.map((f) => [basename(f), f]))("%s checks with no diagnostics", (_name, path) => {
    const text = read(path);
    const { diagnostics } = check(text);
    expect(renderDiagnostics(sourceFile(displayPath(path), text), diagnostics, { lang: "en" })).toBe("");
  });
});
