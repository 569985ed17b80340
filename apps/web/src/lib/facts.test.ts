import { describe, expect, it } from "vitest";
import { type InputInfo, onStep, parseFactCell } from "./facts.ts";

function input(kind: InputInfo["kind"], extra: Partial<InputInfo> = {}): InputInfo {
  return {
    name: "x",
    label: "x",
    help: null,
    kind,
    unit: null,
    min: null,
    max: null,
    step: null,
    hasDefault: false,
    item: null,
    ...extra,
  };
}

describe("parseFactCell", () => {
  it("treats an empty cell as not given, never as zero", () => {
    expect(parseFactCell(input("count"), "  ")).toEqual({ ok: true, value: undefined });
  });
  it("reads yes/no words in both languages", () => {
    expect(parseFactCell(input("yesno"), "是")).toEqual({ ok: true, value: true });
    expect(parseFactCell(input("yesno"), "No")).toEqual({ ok: true, value: false });
    expect(parseFactCell(input("yesno"), "maybe").ok).toBe(false);
  });
  it("reads full-width digits and percent", () => {
    expect(parseFactCell(input("percent"), "４０％")).toEqual({ ok: true, value: 40 });
    expect(parseFactCell(input("count"), "３")).toEqual({ ok: true, value: 3 });
    expect(parseFactCell(input("percent"), "140").ok).toBe(false);
    expect(parseFactCell(input("count"), "2.5").ok).toBe(false);
    expect(parseFactCell(input("count"), "-1").ok).toBe(false);
  });
  it("requires a reason for a discretionary score below its maximum", () => {
    const score = input("score", { min: 0, max: 4, step: 0.1 });
    expect(parseFactCell(score, "4")).toEqual({ ok: true, value: 4 });
    expect(parseFactCell(score, "3.2").ok).toBe(false);
    expect(parseFactCell(score, "3.2", "签了 8 家")).toEqual({ ok: true, value: { value: 3.2, reason: "签了 8 家" } });
    expect(parseFactCell(score, "3.25", "r").ok).toBe(false);
    expect(parseFactCell(score, "5").ok).toBe(false);
  });
  it("checks steps without binary drift", () => {
    expect(onStep(3.2, 0, 0.1)).toBe(true);
    expect(onStep(0.3, 0, 0.1)).toBe(true);
    expect(onStep(0.35, 0, 0.1)).toBe(false);
  });
});
