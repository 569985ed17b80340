// What the browser tests do on a page again and again: answer the form, pick from antd's lists,
// replace text in the rubric editor, read the live total.
import { join } from "node:path";
import type { Workbook } from "exceljs";
import type { Locator, Page } from "playwright-core";
import type { workedExample } from "../fixtures/worked-example.ts";
import { resultsDir } from "./harness.ts";

/** Answers the form's questions as a person would: buttons for yes/no, typing for numbers and reasons. */
export async function fillFacts(p: Page, facts: typeof workedExample): Promise<void> {
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
export async function choose(p: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await p
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

/** Replaces every occurrence of a text in the rubric editor through its search panel. */
export async function replaceAll(p: Page, find: string, replace: string): Promise<void> {
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

/** The live total the form shows. */
export async function liveTotal(p: Page): Promise<string> {
  return (await p.getByTestId("live-total").textContent()) ?? "";
}

/** Clicks a button that downloads a workbook, keeps the file in test-results/ and reads it back. */
export async function downloadWorkbook(p: Page, button: string, fileName: string): Promise<Workbook> {
  const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: button }).click()]);
  const file = join(resultsDir, fileName);
  await download.saveAs(file);
  const Excel = (await import("exceljs")).default;
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Publishes the rubric in the editor with a note, through the publish dialog. */
export async function publish(p: Page, note: string): Promise<void> {
  await p.getByRole("button", { name: "发布", exact: true }).click();
  await p.getByLabel("发布说明").fill(note);
  await p
    .getByRole("dialog")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
}
