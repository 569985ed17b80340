#!/usr/bin/env node
// kaoping: the command line. Each command lives in commands/ as a spec (help text, arguments,
// options, examples, exit codes) with its run function; this file reads the global options,
// picks the command, parses its arguments and turns every mistake into a plain message and exit
// code 2, and every fault into exit code 3, never a stack trace.
import type { MessageLanguage } from "@kaoping/language";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkArguments, commonOptions, parseOptions, unknownCommand } from "./args.ts";
import { colorWanted, styles } from "./color.ts";
import type { Command, CommandContext } from "./command.ts";
import { boundsCommand } from "./commands/bounds.ts";
import { checkCommand } from "./commands/check.ts";
import { completionCommand } from "./commands/completion.ts";
import { diffCommand } from "./commands/diff.ts";
import { fmtCommand } from "./commands/fmt.ts";
import { helpCommand } from "./commands/help.ts";
import { lspCommand } from "./commands/lsp.ts";
import { scoreCommand } from "./commands/score.ts";
import { testCommand } from "./commands/test.ts";
import { EXIT } from "./exit-codes.ts";
import { commandHelp, globalOptions, overviewHelp, usageLine } from "./help.ts";
import { noProgress, progressBar } from "./progress.ts";
import { UsageError } from "./usage-error.ts";
import { version } from "./version.ts";

const commands: readonly Command[] = [
  checkCommand,
  fmtCommand,
  testCommand,
  scoreCommand,
  boundsCommand,
  diffCommand,
  lspCommand,
  completionCommand(() => commands),
  helpCommand(() => commands),
];

/** Where the CLI writes and what it knows of its terminal; tests pass their own. */
export interface Io {
  /** A line on standard output. */
  out(text: string): void;
  /** A line on standard error. */
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Standard error as the progress bar draws on it. */
  readonly stderr: { readonly isTTY: boolean; readonly columns: number; write(text: string): void };
}

function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderr: {
      isTTY: process.stderr.isTTY === true,
      columns: process.stderr.columns || 80,
      write: (text) => process.stderr.write(text),
    },
  };
}

/** KAOPING_LANG (zh by default), then --lang wherever it stands, so that even a mistake is told in it. */
function languageOf(argv: readonly string[], env: Io["env"]): MessageLanguage {
  let lang: MessageLanguage = "zh";
  const fromEnv = env["KAOPING_LANG"]?.toLowerCase();
  if (fromEnv?.startsWith("en")) lang = "en";
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i]?.startsWith("--lang=") ? argv[i]?.slice(7) : undefined;
    if (value === "zh" || value === "en") lang = value;
  }
  if (fromEnv && !fromEnv.startsWith("en") && !fromEnv.startsWith("zh")) {
    throw new UsageError({
      zh: `KAOPING_LANG 只能是 zh 或 en，而不是「${fromEnv}」`,
      en: `KAOPING_LANG must be zh or en, not "${fromEnv}"`,
    });
  }
  return lang;
}

/** Splits the arguments at the command's name: global options before it, the command's after. */
function splitAtCommand(argv: readonly string[]): { global: string[]; name: string | undefined; rest: string[] } {
  const config = Object.fromEntries(
    globalOptions.map((o) => [o.name, { type: o.value ? ("string" as const) : ("boolean" as const) }]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === "positional");
  if (!first) return { global: [...argv], name: undefined, rest: [] };
  return { global: argv.slice(0, first.index), name: first.value, rest: argv.slice(first.index + 1) };
}

async function dispatch(
  argv: readonly string[],
  io: Io,
  lang: MessageLanguage,
  failing: { command?: Command },
): Promise<number> {
  const color = colorWanted(io.stdoutIsTTY, io.env);
  const { global, name, rest } = splitAtCommand(argv);
  const globals = parseOptions(globalOptions, global);
  if (globals.flags["version"]) {
    io.out(`kaoping ${version()}`);
    return EXIT.ok;
  }
  if (name === undefined) {
    io.out(overviewHelp(commands, lang, color, version()));
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw unknownCommand(name, commands);
  failing.command = command;
  const { positionals, flags } = parseOptions([...command.options, ...commonOptions], rest);
  if (flags["help"] || globals.flags["help"]) {
    io.out(commandHelp(command, lang, color));
    return EXIT.ok;
  }
  checkArguments(command, positionals);
  const showProgress = io.stderr.isTTY && io.env["TERM"] !== "dumb";
  const progressDelayMs = progressDelay(io.env["KAOPING_PROGRESS_DELAY_MS"]);
  const ctx: CommandContext = {
    positionals,
    flags,
    lang,
    color,
    out: io.out,
    err: io.err,
    progress: (label, total) =>
      showProgress ? progressBar(io.stderr, label, lang, total, Date.now, progressDelayMs) : noProgress,
  };
  return await command.run(ctx);
}

/** How long a run lasts before its bar shows: KAOPING_PROGRESS_DELAY_MS when it is a whole number, else 0.3 s. */
function progressDelay(setting: string | undefined): number {
  return setting !== undefined && /^\d{1,6}$/.test(setting) ? Number(setting) : 300;
}

/** Runs the CLI on arguments; returns the exit code. A function instead of `io` receives standard output. */
export async function main(argv: readonly string[], io: Partial<Io> | ((text: string) => void) = {}): Promise<number> {
  const sys: Io = { ...processIo(), ...(typeof io === "function" ? { out: io } : io) };
  const red = styles(colorWanted(sys.stderr.isTTY, sys.env)).red;
  let lang: MessageLanguage = "zh";
  const failing: { command?: Command } = {};
  try {
    lang = languageOf(argv, sys.env);
    return await dispatch(argv, sys, lang, failing);
  } catch (error) {
    if (error instanceof UsageError) {
      sys.err(`${red(lang === "zh" ? "错误：" : "error: ")}${error.in(lang)}`);
      if (error.showUsage && failing.command) {
        const name = failing.command.name;
        sys.err(`${lang === "zh" ? "用法：" : "usage: "}${usageLine(failing.command, lang)}`);
        sys.err(lang === "zh" ? `运行 kaoping ${name} --help 查看详细说明。` : `Run kaoping ${name} --help for more.`);
      } else if (error.showUsage) {
        sys.err(
          lang === "zh"
            ? "运行 kaoping --help 查看全部命令和选项。"
            : "Run kaoping --help for the commands and options.",
        );
      }
      return EXIT.usage;
    }
    // A fault of ours: say so plainly; the stack only when asked for (KAOPING_DEBUG=1).
    const message = error instanceof Error ? error.message : String(error);
    sys.err(`${red(lang === "zh" ? "内部错误：" : "internal error: ")}${message}`);
    sys.err(
      lang === "zh"
        ? "这是 kaoping 的缺陷，请报告（设置 KAOPING_DEBUG=1 可显示调用栈）。"
        : "This is a bug in kaoping; please report it (KAOPING_DEBUG=1 shows the stack).",
    );
    if (sys.env["KAOPING_DEBUG"] && error instanceof Error && error.stack) sys.err(error.stack);
    return EXIT.internal;
  }
}

/** Run as a program (also through an installed command's symlink), not imported by a test. */
function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // `kaoping score … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
