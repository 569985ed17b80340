#!/usr/bin/env node
// kaoping: the command line. Each command lives in commands/ and returns its exit code.
import { parseArgs } from "node:util";
import type { CommandContext } from "./command.ts";
import { runCheck } from "./commands/check.ts";
import { runFmt } from "./commands/fmt.ts";
import { runBounds } from "./commands/bounds.ts";
import { runDiff } from "./commands/diff.ts";
import { runScore } from "./commands/score.ts";
import { runTest } from "./commands/test.ts";
import { UsageError } from "./files.ts";

interface Command {
  readonly run: (ctx: CommandContext) => number | Promise<number>;
  readonly usage: string;
  readonly flags: Record<string, { type: "string" | "boolean" }>;
}

const commands: Record<string, Command> = {
  check: {
    run: runCheck,
    usage: "kaoping check [paths…] [--json] [--lang zh|en]",
    flags: { json: { type: "boolean" }, lang: { type: "string" } },
  },
  fmt: {
    run: runFmt,
    usage: "kaoping fmt [--check] [--lang zh|en] [paths…]",
    flags: { check: { type: "boolean" }, lang: { type: "string" } },
  },
  test: {
    run: runTest,
    usage: "kaoping test [paths…]",
    flags: {},
  },
  score: {
    run: runScore,
    usage: "kaoping score <rubric> <facts.json|facts.csv> [--explain] [--json]",
    flags: { explain: { type: "boolean" }, json: { type: "boolean" } },
  },
  bounds: {
    run: runBounds,
    usage: "kaoping bounds <rubric> [--json]",
    flags: { json: { type: "boolean" } },
  },
  diff: {
    run: runDiff,
    usage: "kaoping diff <old.rubric> <new.rubric> [--facts file] [--json]",
    flags: { facts: { type: "string" }, json: { type: "boolean" } },
  },
};

function usage(): string {
  return ["用法 / usage:", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

/** Runs the CLI on arguments; returns the exit code. */
export async function main(argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const unknown = name !== undefined && name !== "" && name !== "help" && name !== "--help";
    out(unknown ? `未知命令 / unknown command: ${name}\n${usage()}` : usage());
    return unknown ? 2 : 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.flags, allowPositionals: true, strict: true });
    const langFlag = values["lang"];
    if (langFlag !== undefined && langFlag !== "zh" && langFlag !== "en") throw new UsageError(`--lang 只能是 zh 或 en / --lang must be zh or en, not ${String(langFlag)}`);
    const envLang = process.env["KAOPING_LANG"] === "en" ? "en" : "zh";
    const ctx: CommandContext = {
      positionals,
      flags: values as Record<string, string | boolean | undefined>,
      lang: name === "check" && langFlag ? langFlag : envLang,
      color: process.stdout.isTTY === true && !process.env["NO_COLOR"],
      out,
    };
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      out(`${error.message}\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "");
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
