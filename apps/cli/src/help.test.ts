// --help, -h, help, --version, and every mistake in the arguments: a plain message in the user's
// language with the command's usage on standard error, exit 2, never a stack trace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitTable } from "./exit-codes.ts";
import { main, type Io } from "./main.ts";

const commandNames = ["check", "fmt", "test", "score", "bounds", "diff", "lsp", "completion", "help"];

async function run(argv: string[], env: Io["env"] = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, stdoutIsTTY: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("help", () => {
  it.each(commandNames)(
    "kaoping %s --help and -h: description, usage, options, examples, exit codes, in zh and en",
    async (name) => {
      const zh = await run([name, "--help"]);
      expect(zh.code).toBe(0);
      expect(zh.err).toBe("");
      expect(zh.out).toContain(`用法：kaoping ${name} [选项]`);
      for (const heading of ["选项：", "示例：", "退出码："]) expect(zh.out).toContain(heading);
      expect(zh.out).toContain("-h, --help");
      expect(zh.out).toMatch(/\n {2}0 {2}/);
      expect((await run([name, "-h"])).out).toBe(zh.out);
      const en = await run([name, "--help", "--lang", "en"]);
      expect(en.out).toContain(`Usage: kaoping ${name} [options]`);
      for (const heading of ["Options:", "Examples:", "Exit status:"]) expect(en.out).toContain(heading);
      for (const heading of ["用法：", "选项：", "示例：", "退出码："]) expect(en.out).not.toContain(heading);
      expect((await run([name, "--help"], { KAOPING_LANG: "en" })).out).toBe(en.out);
      expect((await run(["help", name, "--lang", "en"])).out).toBe(en.out);
    },
  );

  it("shows a command's help even beside other arguments, and before the command", async () => {
    const help = (await run(["score", "--help"])).out;
    expect((await run(["score", "a.rubric", "--explain", "-h"])).out).toBe(help);
    expect((await run(["--help", "score"])).out).toBe(help);
  });

  it("lists every command, the global options and the exit codes in the overview", async () => {
    for (const argv of [[], ["--help"], ["-h"], ["help"]]) {
      const { code, out } = await run([...argv, "--lang", "en"]);
      expect(code).toBe(0);
      for (const name of commandNames) expect(out).toMatch(new RegExp(`\\n {2}${name} +\\S`));
      expect(out).toContain("-v, --version");
      for (const e of exitTable) expect(out).toContain(e.meaning.en);
    }
  });

  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as {
      version: string;
    };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ["--version", "-v"])
      expect(await run([flag])).toEqual({ code: 0, out: `kaoping ${version}`, err: "" });
  });
});

describe("the program", () => {
  it("runs when started through a symlink, as an installed command is", { timeout: 60_000 }, () => {
    const link = join(mkdtempSync(join(tmpdir(), "kaoping-bin-")), "kaoping");
    symlinkSync(join(import.meta.dirname, "main.ts"), link);
    const result = spawnSync(join(import.meta.dirname, "../node_modules/.bin/tsx"), [link, "--version"], {
      encoding: "utf8",
    });
    expect(result.stdout).toMatch(/^kaoping \d+\.\d+\.\d+\n$/);
    expect(result.status).toBe(0);
  });
});

describe("mistakes in the arguments", () => {
  it.each([
    [
      ["check", "--frmat", "json"],
      "未知选项 --frmat（是不是 --format？）",
      "unknown option --frmat (did you mean --format?)",
    ],
    [["check", "--format"], "选项 --format 缺少值 <格式>", "option --format needs a value <format>"],
    [
      ["check", "--format", "xml"],
      "选项 --format 只能是 text、json、sarif，而不是「xml」",
      'option --format must be one of text, json, sarif, not "xml"',
    ],
    [["check", "--json=yes"], "选项 --json 不带值", "option --json takes no value"],
    [["score", "a.rubric"], "缺少参数 <事实文件>", "missing argument <facts>"],
    [["bounds", "a.rubric", "b.rubric"], "多余的参数「b.rubric」", 'unexpected argument "b.rubric"'],
    [
      ["diff", "a.rubric", "b.rubric", "--facts", "--json"],
      "选项 --facts 缺少值 <事实文件>",
      "option --facts needs a value <facts>",
    ],
    [
      ["completion", "tcsh"],
      "<shell> 只能是 bash、zsh、fish，而不是「tcsh」",
      '<shell> must be one of bash, zsh, fish, not "tcsh"',
    ],
    [["test", "-x"], "未知选项 -x", "unknown option -x"],
  ])("%j: a plain message, the usage, exit 2", async (argv, zh, en) => {
    const name = argv[0];
    const z = await run(argv);
    expect(z).toMatchObject({ code: 2, out: "" });
    expect(z.err.split("\n")).toEqual([
      `错误：${zh}`,
      expect.stringMatching(new RegExp(`^用法：kaoping ${name} \\[选项\\]`)),
      `运行 kaoping ${name} --help 查看详细说明。`,
    ]);
    const e = await run([...argv, "--lang", "en"]);
    expect(e.code).toBe(2);
    expect(e.err.split("\n")).toEqual([
      `error: ${en}`,
      expect.stringMatching(new RegExp(`^usage: kaoping ${name} \\[options\\]`)),
      `Run kaoping ${name} --help for more.`,
    ]);
  });

  it("names the closest command for an unknown one, in the language of KAOPING_LANG", async () => {
    const { code, err } = await run(["chek"], { KAOPING_LANG: "en" });
    expect(code).toBe(2);
    expect(err).toContain('error: unknown command "chek" (did you mean check?). Commands: check, fmt, test, score');
    expect((await run(["--frob"])).err).toContain("错误：未知选项 --frob");
    expect((await run(["help", "scor"])).err).toContain("错误：未知命令「scor」（是不是 score？）");
    // --lang before the command name holds for the command too.
    expect((await run(["--lang", "en", "score", "a.rubric"])).err).toContain("error: missing argument <facts>");
  });

  it("refuses a KAOPING_LANG it does not speak, and a missing file, without a stack", async () => {
    expect(await run(["check"], { KAOPING_LANG: "fr" })).toMatchObject({
      code: 2,
      err: "错误：KAOPING_LANG 只能是 zh 或 en，而不是「fr」",
    });
    const missing = await run(["bounds", "/no/such.rubric", "--lang", "en"]);
    expect(missing).toMatchObject({ code: 2, err: "error: cannot read the file: /no/such.rubric" });
    expect(missing.err).not.toMatch(/\n\s+at /);
  });

  it("tells a fault of its own apart from a mistake: exit 3, a plain message, no stack unless asked", async () => {
    const err: string[] = [];
    const failing = { out: () => {}, err: (t: string) => err.push(t), env: {}, stdoutIsTTY: false };
    // An output that breaks mid-way stands for any fault inside a command.
    const code = await main(["bounds", join(import.meta.dirname, "../../../rubrics/village-quality.rubric")], {
      ...failing,
      out: () => {
        throw new Error("disk on fire");
      },
    });
    expect(code).toBe(3);
    expect(err[0]).toBe("内部错误：disk on fire");
    expect(err.join("\n")).not.toMatch(/\n\s+at /);
  });
});

describe("the CLI's README", () => {
  const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
  it("has the exit code table the help shows", () => {
    for (const e of exitTable) expect(readme).toContain(`| ${e.code} | ${e.meaning.en} |`);
  });
  it("names every command and every option the help shows", async () => {
    for (const name of commandNames) {
      expect(readme).toContain(`kaoping ${name}`);
      const options = (await run([name, "--help", "--lang", "en"])).out.match(/--[a-z]+/g) ?? [];
      for (const option of options) expect(readme, `${name} ${option}`).toContain(option);
    }
  });
});
