// Colour on a terminal by default; NO_COLOR turns it off, FORCE_COLOR on (or off with 0), and
// FORCE_COLOR wins; through the CLI, the diagnostics carry ANSI colours exactly when wanted.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { colorWanted } from "./color.ts";
import { main } from "./main.ts";

describe("colorWanted", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [true, { TERM: "dumb" }, false],
    [false, { FORCE_COLOR: "1" }, true],
    [false, { FORCE_COLOR: "" }, true],
    [false, { FORCE_COLOR: "3" }, true],
    [true, { FORCE_COLOR: "0" }, false],
    [true, { FORCE_COLOR: "false" }, false],
    [false, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
  ] as const)("terminal %s with %j: %s", (tty, env, expected) => {
    expect(colorWanted(tty, env)).toBe(expected);
  });
});

describe("colours through the CLI", () => {
  const path = join(mkdtempSync(join(tmpdir(), "kaoping-color-")), "x.rubric");
  writeFileSync(path, '评分细则 a "b" { 项目 1 "t" 标准分 1 { 细则 1 "x" { 得 当 } } }');
  const check = async (env: Record<string, string>, stdoutIsTTY: boolean): Promise<string> => {
    const lines: string[] = [];
    await main(["check", path], { out: (t) => lines.push(t), env, stdoutIsTTY });
    return lines.join("\n");
  };
  const ansi = /\u001b\[[\d;]*m/;

  it("colours a terminal, not a pipe", async () => {
    expect(await check({}, true)).toMatch(ansi);
    expect(await check({}, false)).not.toMatch(ansi);
  });
  it("follows NO_COLOR and FORCE_COLOR", async () => {
    expect(await check({ NO_COLOR: "1" }, true)).not.toMatch(ansi);
    expect(await check({ FORCE_COLOR: "1" }, false)).toMatch(ansi);
    expect(await check({ FORCE_COLOR: "0" }, true)).not.toMatch(ansi);
  });
});
