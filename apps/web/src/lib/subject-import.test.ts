import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type CompiledRubric, compile } from "@kaoping/engine";
import { describe, expect, it } from "vitest";
import type { Table } from "./read-table.ts";
import { planImport } from "./subject-import.ts";

const village = compile(
  readFileSync(resolve(import.meta.dirname, "../../../../rubrics/village-quality.rubric"), "utf8"),
).rubric as CompiledRubric;
const kinds = new Map<string, CompiledRubric | null>([
  ["行政村", village],
  ["企业", null],
]);
const table = (header: string[], ...rows: string[][]): Table => ({
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  encoding: "utf-8",
});

describe("planImport", () => {
  it("creates, updates, leaves alone and refuses, row by row", () => {
    const plan = planImport(
      table(
        ["编码", "名称", "对象类型", "辖区企业数", "街道"],
        ["V01", "城东村", "行政村", "40", "东街"],
        ["V02", "西村（新名）", "行政村", "", ""],
        ["V03", "北村", "行政村", "", ""],
        ["V04", "", "乡镇", "x", ""],
        ["V01", "重复村", "行政村", "", ""],
      ),
      [
        { id: 2, kind: "行政村", code: "V02", name: "西村", attributes: {} },
        { id: 3, kind: "行政村", code: "V03", name: "北村", attributes: {} },
      ],
      kinds,
      null,
    );
    expect(plan.columns.map((c) => c.role)).toEqual(["code", "name", "kind", "fact", "attribute"]);
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "update", "unchanged", "invalid", "invalid"]);
    expect(plan.rows[0]?.facts).toEqual({ 辖区企业数: 40 });
    expect(plan.rows[0]?.attributes).toEqual({ 街道: "东街" });
    expect(plan.rows[1]?.changes).toEqual(["name"]);
    expect(plan.rows[3]?.errors.map((e) => e.key)).toEqual(["missing", "badKind"]);
    expect(plan.rows[4]?.errors).toEqual([{ key: "duplicate", params: { code: "V01", row: 2 } }]);
    expect(plan.refused).toEqual([]);
  });

  it("reads cells with the engine's reader: 有/无, full-width digits, percents, a score with its reason", () => {
    const plan = planImport(
      table(
        ["编码", "名称", "完成标准复审", "辖区企业数", "质量建档率", "责任书评分", "责任书评分.理由"],
        ["V01", "甲村", "有", "１２", "９９．５％", "3.2", "签了 8 家"],
        ["V02", "乙村", "无", "3", "40", "4", ""],
      ),
      [],
      kinds,
      "行政村",
    );
    expect(plan.rows.map((r) => r.facts)).toEqual([
      { 完成标准复审: true, 辖区企业数: 12, 质量建档率: 99.5, 责任书评分: { value: 3.2, reason: "签了 8 家" } },
      { 完成标准复审: false, 辖区企业数: 3, 质量建档率: 40, 责任书评分: 4 },
    ]);
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "create"]);
  });

  it("refuses 0.99 in a percent column unless the header or the cell says which, as the CLI does", () => {
    const ambiguous = planImport(table(["编码", "名称", "质量建档率"], ["V01", "甲村", "0.99"]), [], kinds, "行政村");
    const [error] = ambiguous.rows[0]?.errors ?? [];
    expect(error).toMatchObject({ key: "fact", params: { column: "质量建档率" } });
    expect(error?.key === "fact" && error.message.zh).toContain("不明确");
    expect(error?.key === "fact" && error.message.en).toContain("ambiguous");
    const said = planImport(
      table(
        ["编码", "名称", "质量建档率（%）", "标准复审率(比例)", "企业标准覆盖率"],
        ["V01", "甲村", "0.99", "0.99", "0.99%"],
      ),
      [],
      kinds,
      "行政村",
    );
    expect(said.rows[0]?.facts).toEqual({ 质量建档率: 0.99, 标准复审率: 99, 企业标准覆盖率: 0.99 });
  });

  it("reports what the engine's schema refuses, in both languages, by column", () => {
    const plan = planImport(
      table(["编码", "名称", "辖区企业数", "责任书评分"], ["V01", "甲村", "2.5", "3"]),
      [],
      kinds,
      "行政村",
    );
    const errors = plan.rows[0]?.errors ?? [];
    expect(errors.map((e) => e.key === "fact" && [e.params.column, e.message.en])).toEqual([
      // In the rubric's order, as the engine gives them.
      ["责任书评分", expect.stringContaining("give a reason")],
      ["辖区企业数", expect.stringContaining("whole number")],
    ]);
  });

  it("refuses a column that is a slip for an input, naming the input, and notes a look-alike it reads", () => {
    // 国抽不合格数目 beside 国抽不合格数; ＡＢＣ-style full-width forms fold (NFKC) to the input.
    const plan = planImport(
      table(["编码", "名称", "国抽不合格数目", "省抽不合格数", "街道"], ["V01", "甲村", "1", "0", "东街"]),
      [],
      kinds,
      "行政村",
    );
    expect(plan.refused).toEqual([
      { key: "unknownColumn", params: { column: "国抽不合格数目", input: "国抽不合格数" } },
    ]);
    expect(plan.columns.map((c) => c.role)).toEqual(["code", "name", "unknown", "fact", "attribute"]);
    expect(plan.rows[0]?.facts).toEqual({ 省抽不合格数: 0 });

    // A Kangxi radical for 工 (NFKC folds it), and a compatibility ideograph for 不 (NFC folds it).
    const radical = "五百万以上\u2F2F业企业数";
    const compatibility = "国抽\uF967合格数";
    const lookalikes = planImport(
      table(["编码", "名称", radical, compatibility], ["V01", "甲村", "5", "1"]),
      [],
      kinds,
      "行政村",
    );
    expect(lookalikes.refused).toEqual([]);
    expect(lookalikes.notices).toEqual([
      { key: "lookalikeColumn", params: { column: radical, input: "五百万以上工业企业数" } },
      { key: "lookalikeColumn", params: { column: compatibility, input: "国抽不合格数" } },
    ]);
    expect(lookalikes.rows[0]?.facts).toEqual({ 五百万以上工业企业数: 5, 国抽不合格数: 1 });
  });
});
