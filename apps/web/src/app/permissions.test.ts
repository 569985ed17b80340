import { describe, expect, it } from "vitest";
import { canEditRubrics, canSee, screensFor } from "./permissions.ts";

describe("screensFor", () => {
  it("hides the rubric editor and administration from a viewer", () => {
    expect(screensFor("viewer")).not.toContain("rubrics");
    expect(canSee("viewer", "admin")).toBe(false);
    expect(canEditRubrics("viewer")).toBe(false);
  });
  it("gives policy staff the editor but not administration", () => {
    expect(canSee("policy", "rubrics")).toBe(true);
    expect(canSee("policy", "admin")).toBe(false);
  });
});
