// Every fix the checker offers does what it says: applied to its fixture, the finding it fixes is
// gone and no new error appears in its place.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, type Diagnostic, type Fix } from "../src/index.ts";
import { fixturesDir, read, rubricFilesIn } from "./golden.ts";

function apply(text: string, fix: Fix): string {
  // Edits never overlap; applied from the end, earlier offsets stay valid.
  return [...fix.edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((t, e) => t.slice(0, e.span.start) + e.text + t.slice(e.span.end), text);
}

const withFixes = rubricFilesIn(join(fixturesDir, "check", "err")).flatMap((path) => {
  const text = read(path);
  return check(text)
    .diagnostics.filter((d) => d.fixes && d.fixes.length > 0)
    .map((d) => [`${basename(path)} ${d.code} at ${d.span.start}`, text, d] as const);
});

describe("fixes", () => {
  it("are offered for the slips the help already names", () => {
    const codes = new Set(withFixes.map(([, , d]) => d.code));
    for (const code of ["KP101", "KP103", "KP104", "KP107", "KP301", "KP403", "KP601"])
      expect(codes, code).toContain(code);
  });

  it.each(withFixes)("%s", (_name, text, d: Diagnostic) => {
    const fixed = apply(text, (d.fixes as readonly Fix[])[0] as Fix);
    const after = check(fixed).diagnostics;
    const count = (list: readonly Diagnostic[]) => list.filter((x) => x.code === d.code).length;
    expect(count(after)).toBe(count(check(text).diagnostics) - 1);
    expect(after.filter((x) => x.severity === "error").length).toBeLessThan(
      check(text).diagnostics.filter((x) => x.severity === "error").length,
    );
  });

  it("write the suggested name as the file writes names", () => {
    const text = read(join(fixturesDir, "check", "err", "KP301-unknown-name.rubric"));
    const d = check(text).diagnostics.find((x) => x.code === "KP301");
    expect(d?.fixes?.[0]?.edits[0]?.text).toBeTruthy();
  });
});
