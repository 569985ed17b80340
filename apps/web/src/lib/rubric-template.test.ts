import { compile, runTests } from "@kaoping/engine";
import { describe, expect, it } from "vitest";
import { rubricTemplate } from "./rubric-template.ts";

describe("rubricTemplate", () => {
  it("compiles without a diagnostic and passes its own test, whatever the title holds", () => {
    const { rubric, diagnostics } = compile(rubricTemplate("town_quality", '乡镇 "质量" 考核\\', "乡镇", 2027));
    expect(diagnostics).toEqual([]);
    if (!rubric) throw new Error("the template does not compile");
    expect(rubric.id).toBe("town_quality");
    expect(rubric.title).toBe('乡镇 "质量" 考核\\');
    expect(runTests(rubric).every((t) => t.passed)).toBe(true);
  });
});
