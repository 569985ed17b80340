// Starts a real Kaoping server (built web app included) on a free port with a fresh embedded
// database, and Debian's Chromium through playwright-core. Never downloads a browser.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const webRoot = join(repoRoot, "apps", "web");
export const resultsDir = join(webRoot, "test-results");
export const adminPassword = "browser-test-admin-pw";

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

/** Starts apps/server with a new data directory and waits for /healthz. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "kaoping-browser-"));
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "apps", "server", "src", "main.ts")],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        KAOPING_DATA_DIR: dataDir,
        KAOPING_ADMIN_PASSWORD: adminPassword,
        KAOPING_DEMO_PASSWORD: adminPassword,
        KAOPING_WEB_DIST: join(webRoot, "dist"),
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Never leave a server behind, even when the test process ends early.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      process.off("exit", killChild);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium with the flags this machine needs (TOOLCHAIN.md). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A new browser context (its own cookies, like a separate person or tab group). */
export async function newContext(
  browser: Browser,
  baseURL: string,
  width = 1280,
  height = 800,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width, height }, locale: "zh-CN", acceptDownloads: true });
}

/** Saves a screenshot of what the window shows (or the whole page) as a test artefact. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  // Let dialogs finish zooming in and tables finish fading before the picture is taken.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
      timeout: 3000,
    })
    .catch(() => undefined);
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage });
}

/** Logs in through the login form and waits for the shell. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.locator("#main").waitFor();
}

/** Form controls on the page that have no label (no <label>, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]), textarea, select, [role=combobox], [contenteditable=true]",
    );
    const missing: string[] = [];
    for (const el of controls) {
      // Hidden from assistive technology (antd's text-measuring textarea): nobody fills it in.
      if (el.closest('[aria-hidden="true"]')) continue;
      const labelled =
        (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
        (el.labels?.length ?? 0) > 0;
      const aria = el.getAttribute("aria-label")?.trim();
      const by = el.getAttribute("aria-labelledby");
      const byText = by
        ? by
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
            .join("")
        : "";
      if (!labelled && !aria && !byText) missing.push(el.outerHTML.slice(0, 160));
    }
    return missing;
  });
}
