// The real rubrics are the integration corpus: each parses and checks with no diagnostics at all,
// is already formatted (twice, the same text, the same tree), and prints in English keywords and
// back to the identical Chinese text.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { check, format, parse, renderDiagnostics, sameTree, sourceFile, type KeywordSet } from "../src/index.ts";
import { read, rubricFilesIn, rubricsDir } from "./golden.ts";

const files = rubricFilesIn(rubricsDir);

function formatted(text: string, keywords?: KeywordSet): string {
  const result = format(text, keywords ? { keywords } : {});
  expect(result.diagnostics).toEqual([]);
  expect(result.text).not.toBeNull();
  return result.text as string;
}

describe("rubrics/ corpus", () => {
  it("holds both annexes", () => {
    expect(files.map((f) => basename(f))).toEqual(
      expect.arrayContaining(["village-quality.rubric", "enterprise-quality.rubric"]),
    );
  });

  describe.each(files.map((f) => [basename(f), f]))("%s", (name, path) => {
    const text = read(path);

    it("checks with no diagnostics", () => {
      const { diagnostics } = check(text);
      expect(renderDiagnostics(sourceFile(`rubrics/${name}`, text), diagnostics, { lang: "en" })).toBe("");
    });

    it("formats to itself, twice, with the same tree", () => {
      const once = formatted(text);
      const twice = formatted(once);
      expect(once).toBe(text);
      expect(twice).toBe(once);
      expect(sameTree(parse(once).rubric, parse(text).rubric)).toBe(true);
      expect(sameTree(parse(twice).rubric, parse(text).rubric)).toBe(true);
    });

    it("round-trips through English keywords to the identical Chinese text", () => {
      const original = parse(text).rubric;
      const english = formatted(text, "en");
      const parsedEnglish = parse(english);
      expect(parsedEnglish.diagnostics).toEqual([]);
      expect(parsedEnglish.rubric.keywords).toBe("en");
      expect(sameTree(parsedEnglish.rubric, original)).toBe(true);
      expect(check(english).diagnostics).toEqual([]);
      expect(formatted(english)).toBe(english);
      expect(formatted(english, "zh")).toBe(text);
    });
  });
});
