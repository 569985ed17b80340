import { describe, expect, it } from "vitest";
import { parseCsv, readTable } from "./read-table.ts";

// "编码,名称,对象类型,企业数\nV01,"城东村",行政村,40\n" as Excel on Chinese Windows saves it (GBK).
const gbk = new Uint8Array([
  177, 224, 194, 235, 44, 195, 251, 179, 198, 44, 182, 212, 207, 243, 192, 224, 208, 205, 44, 198, 243, 210, 181, 202,
  253, 10, 86, 48, 49, 44, 34, 179, 199, 182, 171, 180, 229, 34, 44, 208, 208, 213, 254, 180, 229, 44, 52, 48, 10,
]);

describe("reading CSV", () => {
  it("reads GBK when the bytes are not UTF-8", async () => {
    const table = await parseCsv(gbk);
    expect(table.encoding).toBe("gbk");
    expect(table.header).toEqual(["编码", "名称", "对象类型", "企业数"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["V01", "城东村", "行政村", "40"] }]);
  });

  it("drops a UTF-8 BOM and keeps quoted commas and line breaks", async () => {
    const bytes = new TextEncoder().encode('\uFEFF编码,名称\r\nV02,"南村,\n二组"\r\n\r\n');
    const table = await parseCsv(bytes);
    expect(table.encoding).toBe("utf-8");
    expect(table.header).toEqual(["编码", "名称"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["V02", "南村,\n二组"] }]);
  });
});

describe("reading xlsx", () => {
  it("reads the first sheet's cells as text", async () => {
    const Excel = (await import("exceljs")).default;
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet("对象");
    ws.addRow(["编码", "名称", "企业数", "有工作方案"]);
    ws.addRow(["V01", "城东村", 40, true]);
    ws.addRow([]);
    ws.addRow(["V02", { richText: [{ text: "西" }, { text: "村" }] }, 12, "否"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const table = await readTable("subjects.xlsx", bytes);
    expect(table.encoding).toBe("xlsx");
    expect(table.header).toEqual(["编码", "名称", "企业数", "有工作方案"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["V01", "城东村", "40", "true"] },
      { line: 4, cells: ["V02", "西村", "12", "否"] },
    ]);
  });
});
