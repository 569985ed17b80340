import { describe, expect, it } from "vitest";
import { displayWidth } from "./display-width.ts";

describe("displayWidth", () => {
  it("counts CJK, full-width forms and rare ideographs as two columns, the rest as one", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("项目7")).toBe(5);
    expect(displayWidth("６０％，")).toBe(8);
    expect(displayWidth("￥")).toBe(2);
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("≥×")).toBe(2);
  });
  it("counts a tab as the four spaces the renderer prints", () => {
    expect(displayWidth("\tx")).toBe(5);
  });
});
