// The JSON baseline of the language benchmark is only fair if its schema is the AST's: it accepts
// every real rubric's AST and refuses a broken one.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { check } from "@kaoping/language";
import { describe, expect, it } from "vitest";
import { generateRubric } from "./language-generate.ts";
import { RubricJson } from "./language-json-schema.ts";

const rubricsDir = fileURLToPath(new URL("../../../rubrics/", import.meta.url));

describe("language benchmark inputs", () => {
  it.each(["village-quality.rubric", "enterprise-quality.rubric"])(
    "the zod schema accepts the AST of %s as JSON",
    (file) => {
      const { rubric, diagnostics } = check(readFileSync(`${rubricsDir}${file}`, "utf8"));
      expect(diagnostics).toEqual([]);
      expect(RubricJson.safeParse(JSON.parse(JSON.stringify(rubric))).success).toBe(true);
    },
  );

  it("refuses an AST with a broken expression", () => {
    const { rubric } = check(readFileSync(`${rubricsDir}village-quality.rubric`, "utf8"));
    const json = JSON.parse(JSON.stringify(rubric).replace('"kind":"compare"', '"kind":"comparison"'));
    expect(RubricJson.safeParse(json).success).toBe(false);
  });

  it("generates a clean 1,000-item rubric", () => {
    const { rubric, diagnostics } = check(generateRubric(1000));
    expect(diagnostics).toEqual([]);
    expect(rubric.items).toHaveLength(1000);
  });
});
