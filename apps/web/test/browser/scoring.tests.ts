// Scoring: log in, fill the worked example, refusals, export, conflict, print, the review steps, the summary.
import assert from "node:assert/strict";
import { workedExample } from "../fixtures/worked-example.ts";
import { adminPassword, login, newContext, screenshot } from "./harness.ts";
import { type Session, step } from "./session.ts";
import { choose, downloadWorkbook, fillFacts, liveTotal } from "./ui.ts";

/** Registers these tests on the suite, in the order they build on each other. */
export function scoringTests(s: Session): void {
  step(s, "login refuses a wrong password, then admits the admin to the dashboard", async ({ page }) => {
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
  });

  step(s, "fill READING.md's worked example in a new assessment and see 109.2", async ({ page }) => {
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
    s.assessmentUrl = new URL(page.url()).pathname;
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
  });

  step(s, "a discretionary score below the maximum without a reason is refused", async ({ page }) => {
    await page.goto(s.assessmentUrl);
    const box = page.locator('[data-input="责任书评分"]');
    await box.getByLabel("评分理由").fill("");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").filter({ hasText: "理由" }).first().waitFor();
    assert.notEqual(await liveTotal(page), "109.2");
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, "04-reason-required");
    // The server refuses it too, whatever a client sends.
    const id = Number(s.assessmentUrl.split("/").pop());
    const current = await page.request.get(`/trpc/assessments.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
    const revision = ((await current.json()) as { result: { data: { revision: number } } }).result.data.revision;
    const res = await page.request.post("/trpc/assessments.saveFacts", {
      data: { id, revision, facts: { ...workedExample, 责任书评分: 3.2 } },
    });
    assert.equal(res.status(), 400);
    assert.match(await res.text(), /责任书评分/);
  });

  step(s, "the export reads back as a workbook with the right points", async ({ page }) => {
    await page.goto(s.assessmentUrl);
    await page.locator('[data-input="培训人数"]').waitFor();
    const wb = await downloadWorkbook(page, "导出 Excel", "worked-example.xlsx");
    const ws = wb.worksheets[0];
    assert.ok(ws);
    assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), ["序号", "考核内容", "评分方法", "标准分", "实得分"]);
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
  });

  step(s, "a conflict between two tabs shows what changed and can overwrite knowingly", async ({ admin, watch }) => {
    const a = watch(await admin.newPage());
    const b = watch(await admin.newPage());
    await a.goto(s.assessmentUrl);
    await b.goto(s.assessmentUrl);
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
  });

  step(s, "the print page shows the filled sheet", async ({ page }) => {
    await page.goto(s.assessmentUrl.replace("/assessments/", "/print/"));
    await page.getByTestId("sheet-total").waitFor();
    assert.equal(await page.getByTestId("sheet-total").textContent(), "110.2");
    // The total row names the grade; no call to t() or key may show as text.
    const sheet = (await page.locator(".kp-sheet").textContent()) ?? "";
    assert.match(sheet, /总分（等级：优秀）/);
    assert.doesNotMatch(sheet, /\{t\(|common\.|assessment\./);
    await screenshot(page, "06-print", true);
  });

  step(
    s,
    "submit, return with a comment, resubmit and approve; the history lists each step",
    async ({ server, browser, page, watch }) => {
      await page.goto(s.assessmentUrl);
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
      await reviewer.goto(s.assessmentUrl);
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
    },
  );

  step(s, "the period summary workbook has one row per subject and one column per item", async ({ page }) => {
    await page.goto("/rankings");
    await page.locator("canvas").first().waitFor();
    const wb = await downloadWorkbook(page, "导出汇总表", "summary.xlsx");
    const villages = wb.getWorksheet("行政村");
    assert.ok(villages);
    const header = (villages.getRow(2).values as unknown[]).slice(1).map(String);
    assert.deepEqual(header.slice(0, 4), ["名次", "编码", "名称", "状态"]);
    assert.equal(header.filter((h) => /^\d+ /.test(h)).length, 9);
    const example = villages.getRows(3, villages.rowCount - 2)?.find((r) => r.getCell(2).value === "V900");
    assert.ok(example, "the worked example's village is in the summary");
    assert.equal(example.getCell(3 + 1 + 9 + 1).value, 110.2);
    assert.equal(example.getCell(5 + 1).value, 9.2);
  });
}
