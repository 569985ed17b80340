// Formatter goldens: `<name>.input.rubric` formats to `<name>.output.rubric` in its own keyword set
// and to `<name>.translated.rubric` in the other (what `kaoping fmt --keywords` writes). Both are
// formatted already, say the same as the input, and translating back gives the output exactly.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { format, parse, sameTree, type KeywordSet } from "../src/index.ts";
import { fixturesDir, matchGolden, read, rubricFilesIn } from "./golden.ts";

const inputs = rubricFilesIn(join(fixturesDir, "format"), ".input.rubric");

function formatted(text: string, keywords?: KeywordSet): string {
  const result = format(text, keywords ? { keywords } : {});
  if (result.text === null)
    throw new Error(`did not format: ${result.diagnostics.map((d) => `${d.code} ${d.message.en}`).join("; ")}`);
  return result.text;
}

describe("formatter goldens (test/fixtures/format)", () => {
  it("has fixtures", () => expect(inputs.length).toBeGreaterThan(0));

  describe.each(inputs.map((f) => [basename(f, ".input.rubric"), f]))("%s", (_name, path) => {
    const input = read(path);
    const own = parse(input).rubric.keywords;
    const other: KeywordSet = own === "zh" ? "en" : "zh";
    const output = formatted(input);
    const translated = formatted(input, other);

    it("formats to its golden output", () => matchGolden(path.replace(".input.rubric", ".output.rubric"), output));
    it(`translates to its golden ${other} text`, () =>
      matchGolden(path.replace(".input.rubric", ".translated.rubric"), translated));

    it("is idempotent and keeps the tree", () => {
      expect(formatted(output)).toBe(output);
      expect(sameTree(parse(output).rubric, parse(input).rubric)).toBe(true);
    });

    it(`translates ${own} → ${other} → ${own} to the same text and tree`, () => {
      expect(parse(translated).rubric.keywords).toBe(other);
      expect(formatted(translated)).toBe(translated);
      expect(sameTree(parse(translated).rubric, parse(input).rubric)).toBe(true);
      expect(formatted(translated, own)).toBe(output);
    });
  });
});
