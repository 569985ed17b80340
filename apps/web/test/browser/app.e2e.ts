// Browser tests: a real server on a free port with a fresh embedded database, driven through
// Debian's Chromium. Screenshots of the main screens go to apps/web/test-results/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { workedExample } from "../fixtures/worked-example.ts";
import {
  adminPassword,
  launchBrowser,
  login,
  newContext,
  repoRoot,
  resultsDir,
  type RunningServer,
  screenshot,
  startServer,
  unlabelledControls,
} from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let assessmentUrl = "";
const pageErrors: string[] = [];

function watch(p: Page): Page {
  p.on("pageerror", (e) => pageErrors.push(e.message));
  return p;
}

async function fillFacts(p: Page, facts: typeof workedExample): Promise<void> {
  for (const [name, value] of Object.entries(facts)) {
    const box = p.locator(`[data-input="${name}"]`);
    if (typeof value === "boolean") {
      // antd draws its own buttons over visually hidden radio inputs: click what a person sees.
      await box.getByText(value ? "是" : "否", { exact: true }).click();
    } else if (typeof value === "number") {
      await box.getByRole("spinbutton").fill(String(value));
    } else if (value !== undefined) {
      await box.getByRole("spinbutton").fill(String(value.value));
      await box.getByLabel("评分理由").fill(value.reason ?? "");
    }
  }
}

/** Picks an option of an antd Select (its list is rendered apart from the field). */
async function choose(p: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await p
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

/** Replaces every occurrence of a text in the rubric editor through its search panel. */
async function replaceAll(p: Page, find: string, replace: string): Promise<void> {
  await p.locator(".cm-content").click();
  await p.keyboard.press("Control+f");
  const findBox = p.getByRole("textbox", { name: "查找" });
  await findBox.fill(find);
  await findBox.press("End");
  const replaceBox = p.getByRole("textbox", { name: "替换" });
  await replaceBox.fill(replace);
  await replaceBox.press("End");
  await p.getByRole("button", { name: "全部替换" }).click();
  await p.keyboard.press("Escape");
}

async function liveTotal(p: Page): Promise<string> {
  return (await p.getByTestId("live-total").textContent()) ?? "";
}

/** Runs a test body; on failure saves what every open tab shows, then fails as before. */
function guarded(name: string, body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
      await Promise.all(
        pages.map((p, i) =>
          screenshot(p, `failed-${name.slice(0, 40).replace(/\W+/g, "_")}-${i}`).catch(() => undefined),
        ),
      );
      throw error;
    }
  };
}

describe("Kaoping in Chromium", () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser, server.url);
    page = watch(await admin.newPage());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test(
    "login refuses a wrong password, then admits the admin to the dashboard",
    guarded("login refuses a wrong password, then admits the admin to the dashboard", async () => {
      await page.goto("/");
      await page.waitForURL(/\/login/);
      await screenshot(page, "01-login");
      // By keyboard only: the user name field has focus, Tab moves on, Enter submits.
      const username = page.getByLabel("用户名");
      await username.waitFor();
      assert.equal(await username.evaluate((el) => el === document.activeElement), true);
      await page.keyboard.type("admin");
      await page.keyboard.press("Tab");
      await page.keyboard.type("wrong password");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "用户名或密码不正确" }).waitFor();
      await login(page, "admin", adminPassword);
      await page.getByRole("heading", { name: /考核总览/ }).waitFor();
      await page.getByText("各类对象考核进度").waitFor();
      await page.locator("canvas").first().waitFor();
      await screenshot(page, "02-dashboard");
      // A status on the dashboard opens the list of those subjects (a reviewer's queue).
      await page
        .getByRole("link", { name: /^已提交 \d+$/ })
        .last()
        .click();
      await page.waitForURL(/status=submitted/);
      await page.getByRole("heading", { name: "考核对象" }).waitFor();
      await page.locator(".ant-table-row .ant-tag").first().waitFor();
      const statuses = await page.locator(".ant-table-row .ant-tag").allTextContents();
      assert.ok(statuses.length > 0 && statuses.every((s) => s === "已提交"), statuses.join(","));
    }),
  );

  test(
    "fill READING.md's worked example in a new assessment and see 109.2",
    guarded("fill READING.md's worked example in a new assessment and see 109.2", async () => {
      await page.goto("/subjects");
      await page.getByRole("button", { name: "新建对象" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("编码").fill("V900");
      await dialog.getByLabel("名称").fill("示例村（READING.md）");
      await choose(page, dialog.getByLabel("对象类型"), "行政村");
      await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("searchbox").fill("V900");
      await page.getByRole("searchbox").press("Enter");
      await page.getByRole("button", { name: "开始评分 示例村（READING.md）" }).click();
      await page.waitForURL(/\/assessments\/\d+/);
      assessmentUrl = new URL(page.url()).pathname;
      await page.locator('[data-input="培训人数"]').waitFor();
      await fillFacts(page, workedExample);
      assert.equal(await liveTotal(page), "109.2");
      assert.equal(await page.getByTestId("item-2").textContent(), "9.2");
      assert.equal(await page.getByTestId("criterion-7-1").textContent(), "3");
      await page.getByRole("button", { name: "保存" }).click();
      await page.getByText(/已保存（修订号 \d+）/).waitFor();
      await screenshot(page, "03-assessment-form");
      // Evidence for criterion 2.2: the signed letters, as a PDF.
      await page.getByLabel("佐证材料 2.2").setInputFiles({
        name: "责任书.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n%kaoping test\n"),
      });
      const link = page.getByRole("link", { name: "责任书.pdf" });
      await link.waitFor();
      const file = await page.request.get((await link.getAttribute("href")) ?? "");
      assert.equal(file.status(), 200);
      assert.match(file.headers()["content-disposition"] ?? "", /^attachment/);
      await page.locator('[data-item="2"]').scrollIntoViewIfNeeded();
      await screenshot(page, "03b-assessment-discretionary");
    }),
  );

  test(
    "a discretionary score below the maximum without a reason is refused",
    guarded("a discretionary score below the maximum without a reason is refused", async () => {
      await page.goto(assessmentUrl);
      const box = page.locator('[data-input="责任书评分"]');
      await box.getByLabel("评分理由").fill("");
      await page.getByRole("button", { name: "保存" }).click();
      await page.getByRole("alert").filter({ hasText: "理由" }).first().waitFor();
      assert.notEqual(await liveTotal(page), "109.2");
      await box.scrollIntoViewIfNeeded();
      await screenshot(page, "04-reason-required");
      // The server refuses it too, whatever a client sends.
      const id = Number(assessmentUrl.split("/").pop());
      const current = await page.request.get(
        `/trpc/assessments.get?input=${encodeURIComponent(JSON.stringify({ id }))}`,
      );
      const revision = ((await current.json()) as { result: { data: { revision: number } } }).result.data.revision;
      const res = await page.request.post("/trpc/assessments.saveFacts", {
        data: { id, revision, facts: { ...workedExample, 责任书评分: 3.2 } },
      });
      assert.equal(res.status(), 400);
      assert.match(await res.text(), /责任书评分/);
    }),
  );

  test(
    "the export reads back as a workbook with the right points",
    guarded("the export reads back as a workbook with the right points", async () => {
      await page.goto(assessmentUrl);
      await page.locator('[data-input="培训人数"]').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "导出 Excel" }).click(),
      ]);
      const file = join(resultsDir, "worked-example.xlsx");
      await download.saveAs(file);
      const Excel = (await import("exceljs")).default;
      const wb = new Excel.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0];
      assert.ok(ws);
      assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), [
        "序号",
        "考核内容",
        "评分方法",
        "标准分",
        "实得分",
      ]);
      const points = new Map<number, unknown>();
      let total: unknown;
      let letters: unknown;
      ws.eachRow((row) => {
        const first = row.getCell(1).value;
        // 序号 is merged down over the item's criteria rows; the item's own row comes first.
        if (typeof first === "number" && !points.has(first)) points.set(first, row.getCell(5).value);
        if (typeof first === "string" && first.startsWith("合计")) total = row.getCell(5).value;
        if (String(row.getCell(3).value).startsWith("2 签订目标责任书")) letters = row.getCell(5).value;
      });
      assert.deepEqual([...points.values()], [5, 9.2, 7, 20, 5, 22, 9, 22, 10]);
      assert.equal(total, 109.2);
      assert.equal(letters, 3.2);
    }),
  );

  test(
    "a conflict between two tabs shows what changed and can overwrite knowingly",
    guarded("a conflict between two tabs shows what changed and can overwrite knowingly", async () => {
      const a = watch(await admin.newPage());
      const b = watch(await admin.newPage());
      await a.goto(assessmentUrl);
      await b.goto(assessmentUrl);
      await a.locator('[data-input="培训人数"]').getByRole("spinbutton").fill("31");
      await a.getByRole("button", { name: "保存" }).click();
      await a.getByText(/已保存/).waitFor();
      await b.locator('[data-input="法规培训期数"]').getByRole("spinbutton").fill("3");
      await b.getByRole("button", { name: "保存" }).click();
      const dialog = b.getByRole("dialog").filter({ hasText: "保存冲突" });
      await dialog.waitFor();
      await dialog.getByRole("cell", { name: "31", exact: true }).waitFor();
      // The dialog names who saved (here the admin's other tab).
      await dialog.getByText(/（管理员）已把此考核表改为修订号/).waitFor();
      await screenshot(b, "05-conflict");
      await dialog.getByRole("button", { name: "用我的修改覆盖" }).click();
      await b.getByText(/已保存/).waitFor();
      await b.reload();
      await b.locator('[data-input="法规培训期数"]').waitFor();
      assert.equal(await b.locator('[data-input="法规培训期数"]').getByRole("spinbutton").inputValue(), "3");
      assert.equal(await b.locator('[data-input="培训人数"]').getByRole("spinbutton").inputValue(), "30");
      await a.close();
      await b.close();
    }),
  );

  test(
    "the print page shows the filled sheet",
    guarded("the print page shows the filled sheet", async () => {
      await page.goto(assessmentUrl.replace("/assessments/", "/print/"));
      await page.getByTestId("sheet-total").waitFor();
      assert.equal(await page.getByTestId("sheet-total").textContent(), "110.2");
      // The total row names the grade; no call to t() or key may show as text.
      const sheet = (await page.locator(".kp-sheet").textContent()) ?? "";
      assert.match(sheet, /总分（等级：优秀）/);
      assert.doesNotMatch(sheet, /\{t\(|common\.|assessment\./);
      await screenshot(page, "06-print", true);
    }),
  );

  test(
    "submit, return with a comment, resubmit and approve; the history lists each step",
    guarded("submit, return with a comment, resubmit and approve; the history lists each step", async () => {
      await page.goto(assessmentUrl);
      await page.getByRole("button", { name: "提交审核" }).click();
      await page.getByTestId("status").filter({ hasText: "已提交" }).waitFor();
      await page.getByRole("button", { name: "退回" }).click();
      await page.getByLabel("退回意见").fill("请补充责任书扫描件");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      await page.getByTestId("status").filter({ hasText: "已退回" }).waitFor();
      await page.locator("#main .ant-alert").filter({ hasText: "请补充责任书扫描件" }).waitFor();
      await page.getByRole("button", { name: "提交审核" }).click();
      await page.getByTestId("status").filter({ hasText: "已提交" }).waitFor();
      // Four-eyes: the admin submitted it, so the admin cannot approve it; the demo reviewer does.
      await page.getByTestId("four-eyes").waitFor();
      assert.equal(await page.getByRole("button", { name: "审核通过" }).count(), 0);
      const reviewerContext = await newContext(browser, server.url);
      const reviewer = watch(await reviewerContext.newPage());
      await login(reviewer, "reviewer", adminPassword);
      await reviewer.goto(assessmentUrl);
      await reviewer.getByRole("button", { name: "审核通过" }).click();
      await reviewer.getByTestId("status").filter({ hasText: "已通过" }).waitFor();
      await reviewerContext.close();
      await page.reload();
      await page.getByTestId("status").filter({ hasText: "已通过" }).waitFor();
      // Approved sheets are read-only.
      assert.equal(await page.getByRole("button", { name: "保存" }).count(), 0);
      await page.getByRole("tab", { name: "修改记录" }).click();
      for (const step of ["保存", "提交审核", "退回", "审核通过", "开始评分"]) {
        await page.getByRole("cell", { name: step, exact: true }).first().waitFor();
      }
      // Each row says who (name and role) and what: the return's comment, a save's total and changed answers.
      await page.getByRole("cell", { name: "管理员（管理员）", exact: true }).first().waitFor();
      await page.getByRole("cell", { name: /请补充责任书扫描件/ }).waitFor();
      await page
        .getByRole("cell", { name: /总分 .+ → .+/ })
        .first()
        .waitFor();
      await screenshot(page, "06b-history");
    }),
  );

  test(
    "the period summary workbook has one row per subject and one column per item",
    guarded("the period summary workbook has one row per subject and one column per item", async () => {
      await page.goto("/rankings");
      await page.locator("canvas").first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "导出汇总表" }).click(),
      ]);
      const file = join(resultsDir, "summary.xlsx");
      await download.saveAs(file);
      const Excel = (await import("exceljs")).default;
      const wb = new Excel.Workbook();
      await wb.xlsx.readFile(file);
      const villages = wb.getWorksheet("行政村");
      assert.ok(villages);
      const header = (villages.getRow(2).values as unknown[]).slice(1).map(String);
      assert.deepEqual(header.slice(0, 4), ["名次", "编码", "名称", "状态"]);
      assert.equal(header.filter((h) => /^\d+ /.test(h)).length, 9);
      const example = villages.getRows(3, villages.rowCount - 2)?.find((r) => r.getCell(2).value === "V900");
      assert.ok(example, "the worked example's village is in the summary");
      assert.equal(example.getCell(3 + 1 + 9 + 1).value, 110.2);
      assert.equal(example.getCell(5 + 1).value, 9.2);
    }),
  );

  test(
    "a rubric edit shows an error at its line; the fix is published with its impact",
    guarded("a rubric edit shows an error at its line; the fix is published with its impact", async () => {
      const source = readFileSync(join(repoRoot, "rubrics", "village-quality.rubric"), "utf8");
      const target = "基础 4 分 每 省抽不合格数 扣 1 分";
      const line = source.split("\n").findIndex((l) => l.includes(target)) + 1;
      assert.ok(line > 0);
      await page.goto("/rubrics");
      await page.getByText("行政村 · village_quality").click();
      // Find the line with the editor's own search (CodeMirror renders only the lines in view).
      await page.locator(".cm-content").click();
      await page.keyboard.press("Control+f");
      const find = page.getByRole("textbox", { name: "查找" });
      await find.fill(target);
      // The panel takes the query on key-up: the first Enter sets it, the second finds it.
      await find.press("Enter");
      await find.press("Enter");
      await page.keyboard.press("Escape");
      await page.keyboard.press("End");
      await page.keyboard.type(" 每 省抽不合格 扣 1 分");
      const diagnostics = page.getByTestId("diagnostics");
      await diagnostics.getByText(`第 ${line} 行`).first().waitFor();
      await page.locator(".cm-lintRange-error").first().waitFor();
      await screenshot(page, "07-rubric-error");
      for (let i = 0; i < " 每 省抽不合格 扣 1 分".length; i++) await page.keyboard.press("Backspace");
      // The policy change: two points per failed provincial spot check instead of one.
      for (let i = 0; i < "1 分".length; i++) await page.keyboard.press("Backspace");
      await page.keyboard.type("2 分");
      await page.getByText("没有发现问题").waitFor();
      // The rubric's own test of READING.md's example now fails, as it should; the server would
      // refuse to publish. Update its expectations with the editor's replace.
      await page.getByRole("button", { name: "运行测试" }).click();
      await page.getByText("8 个通过，1 个失败").waitFor();
      await replaceAll(page, "项目 7 = 9", "项目 7 = 8");
      await replaceAll(page, "总分 = 109.2", "总分 = 108.2");
      await page.getByRole("button", { name: "运行测试" }).click();
      await page.getByText("9 个通过，0 个失败").waitFor();
      await page.getByRole("button", { name: "与已发布版本比较" }).click();
      const impact = page.getByTestId("impact");
      await impact.waitFor();
      assert.ok((await impact.locator("tbody tr").count()) > 0);
      await page.getByText(/得分减少 [1-9]/).waitFor();
      await screenshot(page, "08-rubric-impact");
      await page.getByRole("button", { name: "发布", exact: true }).click();
      await page.getByLabel("发布说明").fill("省抽每个不合格产品扣 2 分");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      await page.getByText("已发布版本 2").waitFor();
      await page.getByRole("tab", { name: "版本记录" }).click();
      await page.getByRole("cell", { name: "省抽每个不合格产品扣 2 分" }).waitFor();
    }),
  );

  test(
    "the editor colours keywords of both sets and the formatter switches between them",
    guarded("the editor colours keywords of both sets and the formatter switches between them", async () => {
      await page.goto("/rubrics");
      await page.getByText("行政村 · village_quality").click();
      await page.locator(".cm-content").click();
      await page.keyboard.press("Control+Home");
      const keywordColour = (word: string) =>
        page
          .locator(".cm-line span", { hasText: new RegExp(`^${word}$`) })
          .first()
          .evaluate((el) => getComputedStyle(el).color);
      const zh = await keywordColour("评分细则");
      await page.getByText("英文关键字").click();
      await page.locator(".cm-line", { hasText: "rubric village_quality" }).waitFor();
      await page.getByText("没有发现问题").waitFor();
      assert.equal(await keywordColour("rubric"), zh);
      assert.notEqual(
        zh,
        await page
          .locator(".cm-line", { hasText: "rubric village_quality" })
          .evaluate((el) => getComputedStyle(el).color),
      );
      await page.locator(".ant-segmented-item-selected", { hasText: "英文关键字" }).waitFor();
      await screenshot(page, "08b-rubric-english-keywords");
      await page.getByText("中文关键字").click();
      await page.locator(".cm-line", { hasText: "评分细则 village_quality" }).waitFor();
    }),
  );

  test(
    "a new rubric starts from a template that checks clean, passes its test and publishes",
    guarded("new rubric", async () => {
      await page.goto("/rubrics");
      await page.getByRole("button", { name: "新建评分细则" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("编号（英文字母、数字、下划线）").fill("village_quality");
      await dialog.getByLabel("标题").fill("乡镇质量工作考核评分细则");
      await dialog.getByLabel("对象类型").fill("乡镇");
      await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
      await dialog.getByText("这个编号已被使用").waitFor();
      await dialog.getByLabel("编号（英文字母、数字、下划线）").fill("town_quality");
      await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
      await page.locator(".cm-line", { hasText: "评分细则 town_quality" }).waitFor();
      await page.getByText("没有发现问题").waitFor();
      await page.getByRole("button", { name: "运行测试" }).click();
      await page.getByText("1 个通过，0 个失败").waitFor();
      await page.getByRole("button", { name: "发布", exact: true }).click();
      await page.getByLabel("发布说明").fill("新增乡镇考核");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      await page.getByText("已发布版本 1").waitFor();
    }),
  );

  test(
    "an import previews every row with its errors, then saves subjects and their facts",
    guarded("an import previews every row with its errors, then saves subjects and their facts", async () => {
      await page.goto("/subjects");
      await page.getByRole("button", { name: "导入" }).click();
      const dialog = page.getByRole("dialog");
      const csv = "编码,名称,对象类型,街道,辖区企业数,培训人数\nV901,新建村,行政村,东街,40,30\nV902,,行政村,,x,\n";
      await dialog
        .getByLabel("选择文件（.xlsx 或 .csv）")
        .setInputFiles({ name: "村.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await dialog.getByText("新增 1").waitFor();
      await dialog.getByText("有错误 1").waitFor();
      await dialog.getByText("缺少“名称 name”").waitFor();
      await dialog.getByText(/“辖区企业数”的值“x”无效/).waitFor();
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
    }),
  );

  test(
    "a viewer sees no rubric editor",
    guarded("a viewer sees no rubric editor", async () => {
      await page.goto("/admin");
      await page.getByRole("button", { name: "新建用户" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("用户名").fill("viewer1");
      await dialog.getByLabel("姓名").fill("只读用户");
      await choose(page, dialog.getByLabel("角色"), "只读");
      await dialog.getByLabel("初始密码").fill("viewer-password-1");
      await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
      await page.getByRole("cell", { name: "viewer1", exact: true }).waitFor();
      await screenshot(page, "09-admin");

      // An API token is shown once, works as a bearer token, and stops working when revoked.
      await page.getByRole("tab", { name: "API 令牌" }).click();
      await choose(page, page.getByRole("combobox", { name: /用户/ }), "只读用户 (viewer1)");
      await page.getByLabel("令牌名称").fill("报表脚本");
      await page.getByRole("button", { name: "新建令牌" }).click();
      const token = (await page.locator(".ant-alert-success code").textContent()) ?? "";
      assert.match(token, /^kp_/);
      const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      await page.getByRole("button", { name: "吊销 报表脚本" }).click();
      await page.getByText("已吊销").waitFor();
      const after = await fetch(`${server.url}/trpc/auth.me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(after.status, 401);

      const ctx = await newContext(browser, server.url);
      const viewer = watch(await ctx.newPage());
      await login(viewer, "viewer1", "viewer-password-1");
      const nav = viewer.getByRole("navigation");
      await nav.getByText("排名").waitFor();
      assert.equal(await nav.getByText("评分细则").count(), 0);
      assert.equal(await nav.getByText("系统管理").count(), 0);
      await viewer.goto("/rubrics");
      await viewer.getByText("您没有权限查看此页面").waitFor();
      assert.equal(await viewer.locator(".cm-editor").count(), 0);
      await screenshot(viewer, "10-viewer-forbidden");
      await viewer.goto("/rankings");
      await viewer.locator("canvas").first().waitFor();
      await screenshot(viewer, "11-rankings");
      await viewer.getByLabel("语言").click();
      await viewer
        .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
          hasText: "English",
        })
        .click();
      await viewer.getByRole("heading", { name: /^Rankings · / }).waitFor();
      await viewer.getByRole("navigation").getByText("Dashboard").waitFor();
      await screenshot(viewer, "11b-rankings-english");
      await viewer.goto(assessmentUrl);
      await viewer
        .getByText("Read-only in this status")
        .or(viewer.getByText("Not editable in this status"))
        .first()
        .waitFor();
      await screenshot(viewer, "11c-assessment-english");
      // A viewer reads the assessment's history too (it is no longer only the admins' audit log).
      await viewer.getByRole("tab", { name: "History" }).click();
      await viewer.getByRole("cell", { name: "Approve", exact: true }).first().waitFor();
      await viewer.getByRole("cell", { name: /请补充责任书扫描件/ }).waitFor();
      await ctx.close();
    }),
  );

  test(
    "each role's navigation and actions follow its permissions",
    guarded("roles", async () => {
      const expectations: [string, string[], string[]][] = [
        ["policy", ["总览", "考核对象", "排名", "评分细则"], ["系统管理"]],
        ["assessor", ["总览", "考核对象", "排名"], ["评分细则", "系统管理"]],
        ["reviewer", ["总览", "考核对象", "排名"], ["评分细则", "系统管理"]],
      ];
      for (const [username, visible, hidden] of expectations) {
        const ctx = await newContext(browser, server.url);
        const p = watch(await ctx.newPage());
        await login(p, username, adminPassword);
        const nav = p.getByRole("navigation");
        for (const item of visible) await nav.getByText(item, { exact: true }).waitFor();
        for (const item of hidden)
          assert.equal(await nav.getByText(item, { exact: true }).count(), 0, `${username} sees ${item}`);
        // A submitted sheet: reviewers may approve it, nobody may edit it; assessors cannot approve.
        await p.goto("/subjects?status=submitted");
        await p.getByRole("heading", { name: "考核对象" }).waitFor();
        await p
          .locator(".ant-table-row")
          .first()
          .getByRole("button", { name: /^考核表/ })
          .click();
        await p.getByTestId("status").filter({ hasText: "已提交" }).waitFor();
        assert.equal(await p.getByRole("button", { name: "审核通过" }).count(), username === "reviewer" ? 1 : 0);
        assert.equal(await p.getByRole("button", { name: "保存" }).count(), 0);
        await ctx.close();
      }
    }),
  );

  test(
    "the form works at 390 px wide and the shell at 1280×800 without sideways scrolling",
    guarded("the form works at 390 px wide and the shell at 1280×800 without sideways scrolling", async () => {
      const phone = await newContext(browser, server.url, 390, 844);
      const p = watch(await phone.newPage());
      await login(p, "admin", adminPassword);
      await p.goto(assessmentUrl);
      await p.locator('[data-input="培训人数"]').waitFor();
      const overflow = await p.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 1, `the form scrolls sideways by ${overflow} px at 390 px`);
      await screenshot(p, "12-form-390px");
      await p.getByRole("button", { name: "导航菜单" }).click();
      await p.getByRole("navigation").getByText("排名").click();
      await p.getByRole("heading", { name: /^排名 · / }).waitFor();
      await phone.close();
      for (const path of ["/", "/subjects", "/rankings"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const o = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(o <= 1, `${path} scrolls sideways by ${o} px at 1280 px`);
      }
      await page.goto("/subjects");
      await page.getByRole("cell", { name: "V001" }).waitFor();
      await page.waitForLoadState("networkidle");
      await screenshot(page, "13-subjects");
    }),
  );

  test(
    "every form control on the main screens has a label",
    guarded("every form control on the main screens has a label", async () => {
      const screens: [string, string][] = [
        ["/", "canvas"],
        ["/subjects", ".ant-table-row"],
        [assessmentUrl, '[data-input="培训人数"]'],
        ["/rankings", "canvas"],
        ["/rubrics", ".cm-content"],
        ["/admin", ".ant-table-row"],
      ];
      for (const [path, ready] of screens) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState("networkidle");
        assert.deepEqual(await unlabelledControls(page), [], `unlabelled controls on ${path}`);
      }
    }),
  );

  test("no page threw an uncaught error", () => {
    assert.deepEqual(pageErrors, []);
  });
});
