// The progress bar: its text, when it draws (not before 300 ms, at most ten times a second, and
// erased at the end), and for real under a pseudo-terminal (`script`) against a pipe.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progressBar, progressLine } from "./progress.ts";

const label = { zh: "评分", en: "scoring" };

describe("progressLine", () => {
  it("shows the bar, count, percent, rate and time left in the chosen language", () => {
    const line = { label, done: 12_500, total: 50_000, elapsedMs: 5_000, columns: 100 };
    expect(progressLine({ ...line, lang: "en" })).toBe(
      `scoring [${"=".repeat(10)}>${" ".repeat(29)}]  12500/50000  25%  2500/s  0:15 left`,
    );
    expect(progressLine({ ...line, lang: "zh" })).toBe(
      `评分 [${"=".repeat(10)}>${" ".repeat(29)}]  12500/50000  25%  2500 条/秒  剩余 0:15`,
    );
  });
  it("shows no rate before there is one, hours when it takes that long, and fits a narrow terminal", () => {
    expect(progressLine({ label, lang: "en", done: 0, total: 10, elapsedMs: 0, columns: 80 })).toContain(
      "0/10  0%  --:-- left",
    );
    expect(progressLine({ label, lang: "en", done: 1, total: 10_000, elapsedMs: 2_000, columns: 80 })).toContain(
      "5:33:18 left",
    );
    for (const columns of [20, 50, 60, 80]) {
      const line = progressLine({ label, lang: "zh", done: 49_999, total: 50_000, elapsedMs: 3_000, columns });
      expect(line).toContain("49999/50000");
      if (columns >= 60) expect(line.length).toBeLessThan(columns);
    }
  });
});

describe("progressBar", () => {
  it("draws nothing in the first 300 ms, then at most every 100 ms, and the last update; erases itself", () => {
    let now = 0;
    const written: string[] = [];
    const bar = progressBar({ write: (t) => written.push(t), columns: 80 }, label, "en", 100, () => now);
    bar.update(1);
    now = 250;
    bar.update(10);
    expect(written).toEqual([]);
    now = 400;
    bar.update(20);
    now = 450;
    bar.update(30);
    now = 520;
    bar.update(40);
    bar.update(100);
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r.*20\/100 {2}20% {2}50\/s {2}0:02 left\u001b\[K$/);
    expect(written[2]).toContain("100/100  100%");
    bar.finish();
    expect(written.at(-1)).toBe("\r\u001b[K");
  });
  it("finishes without a trace when it never drew", () => {
    const written: string[] = [];
    const bar = progressBar({ write: (t) => written.push(t), columns: 80 }, label, "en", 3, () => 0);
    bar.update(3);
    bar.finish();
    expect(written).toEqual([]);
  });
});

describe("kaoping score on a terminal and in a pipe", () => {
  const root = join(import.meta.dirname, "../../..");
  const tsx = join(import.meta.dirname, "../node_modules/.bin/tsx");
  const main = join(import.meta.dirname, "main.ts");
  const rubric = join(root, "rubrics/village-quality.rubric");
  const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

  /** Villages by the thousand, each phase drawn at once (scoring 20,000 can take under 0.3 s). */
  function bigCsv(count: number): string {
    const [header, first] = readFileSync(join(root, "packages/engine/test/fixtures/facts/villages.csv"), "utf8").split(
      "\n",
    );
    const rows = Array.from({ length: count }, (_, i) => first?.replace(/^示例村/, `村${i + 1}`));
    const path = join(mkdtempSync(join(tmpdir(), "kaoping-progress-")), "big.csv");
    writeFileSync(path, [header, ...rows, ""].join("\n"));
    return path;
  }

  it.runIf(hasScript)(
    "shows a bar with count, rate and time left on standard error when it is a terminal",
    { timeout: 120_000 },
    () => {
      const csv = bigCsv(20_000);
      // `script` runs the command on a pseudo-terminal; standard output goes to /dev/null, so what
      // comes back is standard error as the terminal shows it.
      const shown = execFileSync(
        "script",
        ["-qfec", `${tsx} ${main} score --lang en ${rubric} ${csv} > /dev/null`, "/dev/null"],
        {
          encoding: "utf8",
          env: { ...process.env, COLUMNS: "100", KAOPING_PROGRESS_DELAY_MS: "0" },
        },
      );
      const frames = shown.split("\r").filter((f) => f.includes("["));
      // Reading or scoring may end within 0.2 s, before a rate means anything: then the bar shows none yet.
      expect(
        frames.some((f) => /^reading \[=*>? *\] {2}\d+\/20000 {2}\d+%( {2}\d+\/s)? {2}(\d+:\d\d|--:--) left/.test(f)),
      ).toBe(true);
      expect(
        frames.some((f) => /^scoring \[=*>? *\] {2}\d+\/20000 {2}\d+%( {2}\d+\/s)? {2}(\d+:\d\d|--:--) left/.test(f)),
      ).toBe(true);
      // Erased at the end: the last thing written clears the line.
      expect(shown.endsWith("\r\u001b[K")).toBe(true);
    },
  );

  it("writes nothing on standard error when it is a pipe", { timeout: 120_000 }, () => {
    const result = spawnSync(tsx, [main, "score", rubric, bigCsv(3_000)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toHaveLength(3_001);
  });
});
