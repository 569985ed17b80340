import { describe, expect, it } from "vitest";
import { buildSheetWorkbook, buildSummaryWorkbook, safeFileName } from "./sheet-export.ts";
import type { SheetModel } from "./sheet-model.ts";

const model: SheetModel = {
  title: "高新区行政村质量振兴工作考核评分细则",
  subjectName: "城东村",
  subjectCode: "V01",
  subjectKind: "行政村",
  periodName: "2026年度",
  rubricLabel: "village_quality v1",
  status: "草稿",
  standardTotal: "100",
  total: "12.2",
  grade: null,
  veto: null,
  items: [
    {
      number: 1,
      title: "工作机构",
      content: "根据实际情况及时调整完善质量振兴活动工作机构……",
      standard: "5",
      points: "5",
      criteria: [
        { number: 1, text: "人员变动及时调整工作机构2分", max: "2", bonus: false, points: "2", reason: "有：得 2 分" },
        { number: 2, text: "工作机构正常开展活动2分", max: "2", bonus: false, points: "2", reason: null },
        { number: 3, text: "积极参加政府有关会议、活动等1分", max: "1", bonus: false, points: "1", reason: null },
      ],
    },
    {
      number: 3,
      title: "宣传培训",
      content: "加强对质量技术监督知识……",
      standard: "5",
      points: "7.2",
      criteria: [
        { number: 1, text: "完成培训人数5分", max: "5", bonus: false, points: "5", reason: null },
        { number: 2, text: "有一期加1分（最多不超过3分）", max: "3", bonus: true, points: "2.2", reason: null },
      ],
    },
  ],
  facts: [{ name: "企业数", label: "本辖区企业数", value: "40", reason: null }],
};

describe("buildSheetWorkbook", () => {
  it("writes the annex layout and reads back with the same points", async () => {
    const wb = await buildSheetWorkbook(model);
    const Excel = (await import("exceljs")).default;
    const back = new Excel.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getRow(3).values).toEqual([undefined, "序号", "考核内容", "评分方法", "标准分", "实得分"]);
    expect(ws.getCell(4, 1).value).toBe(1);
    expect(ws.getCell(4, 5).value).toBe(5);
    expect(ws.getCell(5, 3).value).toBe("1 人员变动及时调整工作机构2分");
    expect(ws.getCell(8, 1).value).toBe(3);
    expect(ws.getCell(8, 5).value).toBe(7.2);
    expect(ws.getCell(10, 4).value).toBe("加分 ≤3");
    expect(ws.getCell(10, 5).value).toBe(2.2);
    expect(ws.getCell(11, 1).value).toBe("合计");
    expect(ws.getCell(11, 5).value).toBe(12.2);
    // 序号 and 考核内容 span the item's criteria rows, as on the paper sheet.
    expect(ws.getCell(7, 2).isMerged).toBe(true);
    expect(back.getWorksheet("评分依据")?.getCell(2, 2).value).toBe("40");
  });
});

describe("buildSummaryWorkbook", () => {
  it("writes one row per subject and one column per item", async () => {
    const wb = await buildSummaryWorkbook(
      {
        title: "汇总",
        periodName: "2026年度",
        sheets: [
          {
            name: "行政村",
            rubricTitle: "村",
            items: [{ number: 1, title: "工作机构", standard: "5" }],
            rows: [
              {
                rank: 1,
                code: "V01",
                name: "城东村",
                status: "已通过",
                items: { 1: "4.5" },
                total: "4.5",
                grade: null,
              },
            ],
          },
        ],
      },
      { rank: "名次", code: "编码", name: "名称", status: "状态", total: "总分", grade: "等级" },
    );
    const ws = wb.getWorksheet("行政村");
    expect(ws?.getRow(3).values).toEqual([undefined, 1, "V01", "城东村", "已通过", 4.5, 4.5, ""]);
  });
  it("names files safely", () => {
    expect(safeFileName('城东村/2026:"x"')).toBe("城东村_2026_x_");
  });
});
