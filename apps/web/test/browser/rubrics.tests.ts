// The rubric editor: an error at its line, both keyword sets, a new rubric from the template, publishing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, screenshot } from "./harness.ts";
import { type Session, step } from "./session.ts";
import { publish, replaceAll } from "./ui.ts";

/** Registers these tests on the suite, in the order they build on each other. */
export function rubricTests(s: Session): void {
  step(s, "a rubric edit shows an error at its line; the fix is published with its impact", async ({ page }) => {
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
    await publish(page, "省抽每个不合格产品扣 2 分");
    await page.getByText("已发布版本 2").waitFor();
    await page.getByRole("tab", { name: "版本记录" }).click();
    await page.getByRole("cell", { name: "省抽每个不合格产品扣 2 分" }).waitFor();
  });

  step(s, "the editor colours keywords of both sets and the formatter switches between them", async ({ page }) => {
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
  });

  step(s, "a new rubric starts from a template that checks clean, passes its test and publishes", async ({ page }) => {
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
    await publish(page, "新增乡镇考核");
    await page.getByText("已发布版本 1").waitFor();
  });
}
