// Writes the filled sheet in the annex's own layout (序号 · 考核内容 · 评分方法 · 标准分 · 实得分) and
// the period summary as .xlsx. exceljs is large, so it is imported only when someone exports.
import type { Workbook, Worksheet } from "exceljs";
import type { SheetModel, SummaryModel } from "./sheet-model.ts";

type ExcelModule = typeof import("exceljs");

async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import("exceljs")) as ExcelModule & { default?: ExcelModule };
  // The browser build is a UMD bundle whose namespace arrives as the default export.
  return mod.default ?? mod;
}

/** A cell value for points: a number when it is a decimal, else the text as it is. */
function pointsCell(points: string | null): number | string {
  if (points === null) return "";
  const n = Number(points);
  return Number.isFinite(n) ? n : points;
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function frame(ws: Worksheet, fromRow: number, toRow: number, columns: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: c === 2 || c === 3 ? "left" : "center" };
    }
  }
}

/** Labels of the sheet, so that the workbook follows the user's language for everything but the verbatim texts. */
export interface SheetLabels {
  readonly seq: string;
  readonly content: string;
  readonly method: string;
  readonly standard: string;
  readonly obtained: string;
  readonly subject: string;
  readonly period: string;
  readonly rubric: string;
  readonly status: string;
  readonly total: string;
  readonly grade: string;
  readonly reasons: string;
  readonly facts: string;
  readonly item: string;
  readonly criterion: string;
  readonly reason: string;
  readonly input: string;
  readonly value: string;
  readonly bonus: string;
}

export const zhSheetLabels: SheetLabels = {
  seq: "序号",
  content: "考核内容",
  method: "评分方法",
  standard: "标准分",
  obtained: "实得分",
  subject: "考核对象",
  period: "考核期",
  rubric: "评分细则",
  status: "状态",
  total: "合计",
  grade: "等级",
  reasons: "得分说明",
  facts: "评分依据",
  item: "项目",
  criterion: "细则",
  reason: "说明",
  input: "输入项",
  value: "值",
  bonus: "加分",
};

/**
 * The filled sheet of one subject: a row per item with its 序号, 考核内容, 标准分 and 实得分, then a
 * row per criterion with its 评分方法 and its points; a total row; then sheets with the reasons and
 * the facts the points were computed from.
 */
export async function buildSheetWorkbook(model: SheetModel, labels: SheetLabels = zhSheetLabels): Promise<Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = "Kaoping";
  const ws = wb.addWorksheet(model.subjectName.slice(0, 31) || "sheet", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 42 }, { width: 52 }, { width: 9 }, { width: 9 }];

  ws.mergeCells(1, 1, 1, 5);
  const title = ws.getCell(1, 1);
  title.value = model.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, 5);
  ws.getCell(2, 1).value =
    `${labels.subject}：${model.subjectName}（${model.subjectCode}）  ${labels.period}：${model.periodName}  ` +
    `${labels.rubric}：${model.rubricLabel}  ${labels.status}：${model.status}`;
  ws.getCell(2, 1).alignment = { wrapText: true };

  const header = ws.getRow(3);
  header.values = [labels.seq, labels.content, labels.method, labels.standard, labels.obtained];
  header.font = { bold: true };
  frame(ws, 3, 3, 5);

  let row = 4;
  for (const item of model.items) {
    const first = row;
    ws.getCell(row, 1).value = item.number;
    ws.getCell(row, 2).value = item.content;
    ws.getCell(row, 3).value = item.title;
    ws.getCell(row, 3).font = { bold: true };
    ws.getCell(row, 4).value = pointsCell(item.standard);
    ws.getCell(row, 5).value = pointsCell(item.points);
    ws.getCell(row, 5).font = { bold: true };
    row++;
    for (const c of item.criteria) {
      ws.getCell(row, 3).value = `${c.number} ${c.text}`;
      ws.getCell(row, 4).value = c.bonus
        ? c.max === null
          ? labels.bonus
          : `${labels.bonus} ≤${c.max}`
        : pointsCell(c.max);
      ws.getCell(row, 5).value = pointsCell(c.points);
      row++;
    }
    const last = row - 1;
    if (last > first) {
      ws.mergeCells(first, 1, last, 1);
      ws.mergeCells(first, 2, last, 2);
    }
    frame(ws, first, last, 5);
  }
  ws.mergeCells(row, 1, row, 3);
  ws.getCell(row, 1).value = model.grade ? `${labels.total}（${labels.grade}：${model.grade}）` : labels.total;
  ws.getCell(row, 4).value = pointsCell(model.standardTotal);
  ws.getCell(row, 5).value = pointsCell(model.total);
  ws.getRow(row).font = { bold: true };
  frame(ws, row, row, 5);
  if (model.veto) {
    row++;
    ws.mergeCells(row, 1, row, 5);
    ws.getCell(row, 1).value = model.veto;
    ws.getCell(row, 1).font = { bold: true, color: { argb: "FFC00000" } };
  }

  const reasons = wb.addWorksheet(labels.reasons);
  reasons.columns = [
    { header: labels.item, width: 8 },
    { header: labels.criterion, width: 8 },
    { header: labels.obtained, width: 9 },
    { header: labels.reason, width: 90 },
  ];
  reasons.getRow(1).font = { bold: true };
  for (const item of model.items) {
    for (const c of item.criteria) {
      reasons.addRow([item.number, c.number, pointsCell(c.points), c.reason ?? ""]).alignment = {
        wrapText: true,
        vertical: "top",
      };
    }
  }

  const facts = wb.addWorksheet(labels.facts);
  facts.columns = [
    { header: labels.input, width: 50 },
    { header: labels.value, width: 14 },
    { header: labels.reason, width: 50 },
  ];
  facts.getRow(1).font = { bold: true };
  for (const f of model.facts) {
    facts.addRow([f.label || f.name, f.value, f.reason ?? ""]).alignment = { wrapText: true, vertical: "top" };
  }
  return wb;
}

/** The period summary: one sheet per subject kind, one row per subject, one column per item. */
export async function buildSummaryWorkbook(
  model: SummaryModel,
  labels: { rank: string; code: string; name: string; status: string; total: string; grade: string },
): Promise<Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = "Kaoping";
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31));
    const width = 4 + sheet.items.length + 2;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = `${model.title}（${model.periodName}）— ${sheet.rubricTitle}`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    const head = [
      labels.rank,
      labels.code,
      labels.name,
      labels.status,
      ...sheet.items.map((i) => `${i.number} ${i.title}（${i.standard}）`),
      labels.total,
      labels.grade,
    ];
    const headerRow = ws.getRow(2);
    headerRow.values = head;
    headerRow.font = { bold: true };
    headerRow.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    ws.columns = head.map((_, i) => ({ width: i === 2 ? 24 : i >= 4 ? 11 : 8 }));
    for (const r of sheet.rows) {
      ws.addRow([
        r.rank ?? "",
        r.code,
        r.name,
        r.status,
        ...sheet.items.map((i) => pointsCell(r.items[i.number] ?? null)),
        pointsCell(r.total),
        r.grade ?? "",
      ]);
    }
    frame(ws, 2, ws.rowCount, width);
    ws.views = [{ state: "frozen", xSplit: 3, ySplit: 2 }];
  }
  return wb;
}

/** Offers a workbook to the user as a download. */
export async function downloadWorkbook(wb: Workbook, fileName: string): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, "_").trim() || "sheet";
}
