// Rendering stays small: past the limit one line says how many more, and a long source line is cut
// to a window around the caret, which still points at the marked text.
import { describe, expect, it } from "vitest";
import { sourceFile } from "../source.ts";
import { diagnostic } from "./diagnostic.ts";
import { renderDiagnostics } from "./render.ts";

describe("renderDiagnostics", () => {
  const text = `${"x".repeat(5000)}「坏」${"y".repeat(5000)}\n`;
  const file = sourceFile("long.rubric", text);
  const at = text.indexOf("「");
  const one = diagnostic("KP301", { start: at, end: at + 3 }, { name: "坏" });

  it("cuts a long line around the caret, and the caret still marks the span", () => {
    const lines = renderDiagnostics(file, [one], { lang: "en" }).split("\n");
    const source = lines[3] ?? "";
    const caret = lines[4] ?? "";
    expect(source.length).toBeLessThan(200);
    expect(source).toMatch(/^1 \| …x+「坏」y+…$/);
    // What precedes 「 is one column a character, so the caret starts at the same index; 「坏」 is
    // six columns wide.
    expect(caret.indexOf("^")).toBe(source.indexOf("「"));
    expect(caret.endsWith(" ^^^^^^")).toBe(true);
  });

  it("shows the first 50 and says how many more, in either language", () => {
    const many = Array.from({ length: 120 }, () => one);
    const en = renderDiagnostics(file, many, { lang: "en" });
    expect(en.match(/error\[KP301\]/g)?.length).toBe(50);
    expect(en.endsWith("… and 70 more")).toBe(true);
    expect(renderDiagnostics(file, many, { lang: "zh" }).endsWith("……另有 70 条诊断未显示")).toBe(true);
    expect(renderDiagnostics(file, many, { lang: "en", limit: 200 }).match(/error\[KP301\]/g)?.length).toBe(120);
  });
});
