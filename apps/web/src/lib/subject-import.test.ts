import { describe, expect, it } from "vitest";
import type { InputInfo } from "./facts.ts";
import { planImport } from "./subject-import.ts";

const count = (name: string, label: string): InputInfo => ({
  name,
  label,
  help: null,
  kind: "count",
  unit: null,
  min: null,
  max: null,
  step: null,
  hasDefault: false,
  item: null,
});
const kinds = new Map([["行政村", [count("企业数", "本辖区企业数")]]]);

describe("planImport", () => {
  it("creates, updates, leaves alone and refuses, row by row", () => {
    const plan = planImport(
      {
        header: ["编码", "名称", "对象类型", "本辖区企业数", "街道"],
        rows: [
          { line: 2, cells: ["V01", "城东村", "行政村", "40", "东街"] },
          { line: 3, cells: ["V02", "西村（新名）", "行政村", "", ""] },
          { line: 4, cells: ["V03", "北村", "行政村", "", ""] },
          { line: 5, cells: ["V04", "", "乡镇", "x", ""] },
          { line: 6, cells: ["V01", "重复村", "行政村", "", ""] },
        ],
        encoding: "utf-8",
      },
      [
        { id: 2, kind: "行政村", code: "V02", name: "西村", attributes: {} },
        { id: 3, kind: "行政村", code: "V03", name: "北村", attributes: {} },
      ],
      kinds,
      null,
    );
    expect(plan.columns.map((c) => c.role)).toEqual(["code", "name", "kind", "fact", "attribute"]);
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "update", "unchanged", "invalid", "invalid"]);
    expect(plan.rows[0]?.facts).toEqual({ 企业数: 40 });
    expect(plan.rows[0]?.attributes).toEqual({ 街道: "东街" });
    expect(plan.rows[1]?.changes).toEqual(["name"]);
    expect(plan.rows[3]?.errors.map((e) => e.key)).toEqual(["missing", "badKind"]);
    expect(plan.rows[4]?.errors).toEqual([{ key: "duplicate", params: { code: "V01", row: 2 } }]);
  });
});
