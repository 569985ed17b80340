// Ad-hoc: screenshots of every screen against a running server (KAOPING_URL), for looking at them.
import { launchBrowser, login, newContext } from "./harness.ts";

const url = process.env.KAOPING_URL ?? "http://127.0.0.1:3917";
const out = process.env.SHOTS ?? "/tmp/kpshots";
const browser = await launchBrowser();
const ctx = await newContext(browser, url);
const page = await ctx.newPage();
page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto("/login");
await page.screenshot({ path: `${out}/login.png` });
await login(page, "admin", process.env.PW ?? "admin-password-1");
for (const path of (process.env.PATHS ?? "/,/subjects,/rankings,/rubrics,/admin").split(",")) {
  await page.goto(path);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/${path.replace(/\W+/g, "_") || "root"}.png`, fullPage: process.env.FULL === "1" });
}
await browser.close();
