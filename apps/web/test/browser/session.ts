// What the browser tests share: one server, one Chromium, the admin's tab, the assessment the
// scoring tests make, and every uncaught error any page threw.
import { test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, type RunningServer, screenshot, startServer } from "./harness.ts";

export class Session {
  server!: RunningServer;
  browser!: Browser;
  /** The admin's browser context, logged in by the first test. */
  admin!: BrowserContext;
  page!: Page;
  /** The worked example's assessment (a path), made by the scoring tests and read by later ones. */
  assessmentUrl = "";
  readonly pageErrors: string[] = [];

  /** Starts the server and Chromium and opens the admin's tab. */
  async start(): Promise<void> {
    this.server = await startServer();
    this.browser = await launchBrowser();
    this.admin = await newContext(this.browser, this.server.url);
    this.page = this.watch(await this.admin.newPage());
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.stop();
  }

  /** Records the page's uncaught errors; the last test fails on any. */
  readonly watch = (p: Page): Page => {
    p.on("pageerror", (e) => this.pageErrors.push(e.message));
    return p;
  };
}

/** One browser test; on failure saves what every open tab shows, then fails as before. */
export function step(s: Session, name: string, body: (s: Session) => Promise<void>): void {
  test(name, async () => {
    try {
      await body(s);
    } catch (error) {
      const pages = s.browser?.contexts().flatMap((c) => c.pages()) ?? [];
      await Promise.all(
        pages.map((p, i) =>
          screenshot(p, `failed-${name.slice(0, 40).replace(/\W+/g, "_")}-${i}`).catch(() => undefined),
        ),
      );
      throw error;
    }
  });
}
