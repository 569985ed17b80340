// Subjects: an import previewed row by row, then saved with its facts.
import assert from "node:assert/strict";
import { screenshot } from "./harness.ts";
import { type Session, step } from "./session.ts";

/** Registers these tests on the suite, in the order they build on each other. */
export function subjectTests(s: Session): void {
  step(s, "an import previews every row with its errors, then saves subjects and their facts", async ({ page }) => {
    await page.goto("/subjects");
    await page.getByRole("button", { name: "导入" }).click();
    const dialog = page.getByRole("dialog");
    // A column that is a slip for an input is refused, naming the input, and blocks the import.
    const slip = "编码,名称,对象类型,辖区企业数目\nV904,错列村,行政村,5\n";
    await dialog
      .getByLabel("选择文件（.xlsx 或 .csv）")
      .setInputFiles({ name: "错列.csv", mimeType: "text/csv", buffer: Buffer.from(slip) });
    await dialog.getByText("列“辖区企业数目”不是评分表的输入；是不是“辖区企业数”？请改正列名后再导入").waitFor();
    assert.equal(await dialog.getByRole("button", { name: "导入 1 行" }).isDisabled(), true);
    const csv = "编码,名称,对象类型,街道,辖区企业数,培训人数\nV901,新建村,行政村,东街,40,30\nV902,,行政村,,x,\n";
    await dialog
      .getByLabel("选择文件（.xlsx 或 .csv）")
      .setInputFiles({ name: "村.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await dialog.getByText("新增 1").waitFor();
    await dialog.getByText("有错误 1").waitFor();
    await dialog.getByText("缺少“名称”").waitFor();
    // The engine's own check of the cell, as the CLI and the server say it.
    await dialog.getByText("“辖区企业数”：「本辖区有几家企业？」应为数字").waitFor();
    await screenshot(page, "09a-import-preview");
    assert.equal(await dialog.getByRole("button", { name: "导入 1 行" }).isDisabled(), true);
    await dialog.getByLabel("跳过有错误的行").check();
    await dialog.getByRole("button", { name: "导入 1 行" }).click();
    await dialog.getByText("已将评分事实写入 1 个2026年度考核表").waitFor();
    await dialog.getByRole("button", { name: "关闭" }).first().click();
    // The same through an .xlsx file, read by exceljs in the page.
    await page.getByRole("button", { name: "导入" }).click();
    const Excel = (await import("exceljs")).default;
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet("对象");
    ws.addRow(["编码", "名称", "对象类型", "本辖区企业数"]);
    ws.addRow(["V903", "表格村", "行政村", 12]);
    ws.addRow(["V901", "新建村（改名）", "行政村", null]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const second = page.getByRole("dialog");
    await second.getByLabel("选择文件（.xlsx 或 .csv）").setInputFiles({
      name: "村.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: xlsx,
    });
    await second.getByText("新增 1").waitFor();
    await second.getByText("更新 1").waitFor();
    await second.getByText("文件编码: xlsx").waitFor();
    await second.getByRole("button", { name: "取消" }).click();

    await page.getByRole("searchbox").fill("V901");
    await page.getByRole("searchbox").press("Enter");
    await page.getByRole("button", { name: "考核表 新建村" }).click();
    await page.locator('[data-input="培训人数"]').waitFor();
    assert.equal(await page.locator('[data-input="培训人数"]').getByRole("spinbutton").inputValue(), "30");
    assert.equal(await page.locator('[data-input="辖区企业数"]').getByRole("spinbutton").inputValue(), "40");
  });
}
