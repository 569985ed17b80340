// Reads a command's arguments against its spec with node:util parseArgs (its tokens, so that every
// mistake gets our own message in the user's language rather than Node's English one): unknown
// options (with the closest known one), a missing or disallowed value, a value outside its
// choices, missing and extra arguments. Every mistake is a UsageError that shows the usage line.
import { parseArgs } from "node:util";
import { closestName, type Message } from "@kaoping/language";
import type { Command, OptionSpec } from "./command.ts";
import { UsageError } from "./usage-error.ts";

/** The options every command takes besides its own. */
export const commonOptions: readonly OptionSpec[] = [
  {
    name: "lang",
    value: { placeholder: { zh: "语言", en: "lang" }, choices: ["zh", "en"] },
    description: {
      zh: "消息的语言（默认取 KAOPING_LANG，否则 zh）",
      en: "language of messages (default: KAOPING_LANG, else zh)",
    },
  },
  { name: "help", short: "h", description: { zh: "显示本帮助", en: "show this help" } },
];

export interface ParsedArguments {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

function mistake(text: Message): UsageError {
  return new UsageError(text, true);
}

function unknownOption(raw: string, options: readonly OptionSpec[]): UsageError {
  // One letter is too little to guess from: suggest only for long options.
  const near = raw.startsWith("--")
    ? closestName(
        raw,
        options.map((o) => `--${o.name}`),
      )
    : undefined;
  return mistake({
    zh: `未知选项 ${raw}${near ? `（是不是 ${near}？）` : ""}`,
    en: `unknown option ${raw}${near ? ` (did you mean ${near}?)` : ""}`,
  });
}

/** Splits `args` into flags and positionals by `options`; throws a UsageError for a mistake. */
export function parseOptions(options: readonly OptionSpec[], args: readonly string[]): ParsedArguments {
  const config = Object.fromEntries(
    options.map((o) => [
      o.name,
      { type: o.value ? ("string" as const) : ("boolean" as const), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  const { tokens } = parseArgs({
    args: [...args],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = options.find((o) => o.name === token.name);
    if (!spec) throw unknownOption(token.rawName, options);
    if (!spec.value) {
      if (token.inlineValue)
        throw mistake({ zh: `选项 ${token.rawName} 不带值`, en: `option ${token.rawName} takes no value` });
      flags[spec.name] = true;
      continue;
    }
    const placeholder = spec.value.placeholder;
    // `--facts --json` would take "--json" as the file: a value that looks like an option is a forgotten one.
    const value =
      token.value === undefined || (!token.inlineValue && token.value.startsWith("-") && token.value !== "-")
        ? undefined
        : token.value;
    if (value === undefined) {
      throw mistake({
        zh: `选项 ${token.rawName} 缺少值 <${placeholder.zh}>`,
        en: `option ${token.rawName} needs a value <${placeholder.en}>`,
      });
    }
    const choices = spec.value.choices;
    if (choices && !choices.includes(value)) {
      throw mistake({
        zh: `选项 ${token.rawName} 只能是 ${choices.join("、")}，而不是「${value}」`,
        en: `option ${token.rawName} must be one of ${choices.join(", ")}, not "${value}"`,
      });
    }
    flags[spec.name] = value;
  }
  return { positionals, flags };
}

/** Checks the number of positionals against the command's arguments. */
export function checkArguments(command: Command, positionals: readonly string[]): void {
  const specs = command.arguments;
  const missing = specs.slice(positionals.length).find((a) => a.required);
  if (missing)
    throw mistake({ zh: `缺少参数 <${missing.placeholder.zh}>`, en: `missing argument <${missing.placeholder.en}>` });
  specs.forEach((spec, i) => {
    const value = positionals[i];
    if (spec.choices && value !== undefined && !spec.choices.includes(value)) {
      throw mistake({
        zh: `<${spec.placeholder.zh}> 只能是 ${spec.choices.join("、")}，而不是「${value}」`,
        en: `<${spec.placeholder.en}> must be one of ${spec.choices.join(", ")}, not "${value}"`,
      });
    }
  });
  if (specs.at(-1)?.variadic) return;
  const extra = positionals[specs.length];
  if (extra !== undefined) throw mistake({ zh: `多余的参数「${extra}」`, en: `unexpected argument "${extra}"` });
}

/** The error for a command name that is not one; names the closest command. */
export function unknownCommand(name: string, commands: readonly Command[]): UsageError {
  const near = closestName(
    name,
    commands.map((c) => c.name),
  );
  const list = commands.map((c) => c.name).join(", ");
  return new UsageError({
    zh: `未知命令「${name}」${near ? `（是不是 ${near}？）` : ""}。命令：${list}`,
    en: `unknown command "${name}"${near ? ` (did you mean ${near}?)` : ""}. Commands: ${list}`,
  });
}
