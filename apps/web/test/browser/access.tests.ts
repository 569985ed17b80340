// Who sees what, and on what: a viewer, each role's navigation, a phone, labels on every control.
import assert from "node:assert/strict";
import { adminPassword, login, newContext, screenshot, unlabelledControls } from "./harness.ts";
import { type Session, step } from "./session.ts";
import { choose } from "./ui.ts";

/** Registers these tests on the suite, in the order they build on each other. */
export function accessTests(s: Session): void {
  step(s, "a viewer sees no rubric editor", async ({ server, browser, page, watch }) => {
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
    await viewer.goto(s.assessmentUrl);
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
  });

  step(s, "each role's navigation and actions follow its permissions", async ({ server, browser, watch }) => {
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
  });

  step(
    s,
    "the form works at 390 px wide and the shell at 1280×800 without sideways scrolling",
    async ({ server, browser, page, watch }) => {
      const phone = await newContext(browser, server.url, 390, 844);
      const p = watch(await phone.newPage());
      await login(p, "admin", adminPassword);
      await p.goto(s.assessmentUrl);
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
    },
  );

  step(s, "every form control on the main screens has a label", async ({ page }) => {
    const screens: [string, string][] = [
      ["/", "canvas"],
      ["/subjects", ".ant-table-row"],
      [s.assessmentUrl, '[data-input="培训人数"]'],
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
  });
}
