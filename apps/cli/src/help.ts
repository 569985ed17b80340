// Help text, read from the command specs: the overview (`kaoping --help`) and each command's
// (`kaoping <command> --help`), in the user's language. Columns line up by display width.
import { displayWidth, type MessageLanguage } from "@kaoping/language";
import { commonOptions } from "./args.ts";
import { styles } from "./color.ts";
import type { Command, OptionSpec } from "./command.ts";
import { exitTable } from "./exit-codes.ts";

const headings = {
  zh: {
    usage: "用法",
    commands: "命令",
    arguments: "参数",
    options: "选项",
    examples: "示例",
    exits: "退出码",
    more: "运行 kaoping <命令> --help 查看该命令的选项和示例。",
  },
  en: {
    usage: "Usage",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    examples: "Examples",
    exits: "Exit status",
    more: "Run kaoping <command> --help for a command's options and examples.",
  },
};

function heading(text: string, lang: MessageLanguage): string {
  return `${text}${lang === "zh" ? "：" : ":"}`;
}

/** Options of the overview: they go before the command. */
export const globalOptions: readonly OptionSpec[] = [
  ...commonOptions,
  { name: "version", short: "v", description: { zh: "显示版本号", en: "print the version" } },
];

/** Two columns, the second aligned after the widest first (a long first cell puts it below). */
function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(32, Math.max(...rows.map(([left]) => displayWidth(left))));
  return rows.flatMap(([left, right]) => {
    const pad = width - displayWidth(left);
    return pad >= 0 ? [`  ${left}${" ".repeat(pad)}  ${right}`] : [`  ${left}`, `  ${" ".repeat(width)}  ${right}`];
  });
}

function optionLabel(o: OptionSpec, lang: MessageLanguage): string {
  const names = o.short ? `-${o.short}, --${o.name}` : `    --${o.name}`;
  if (!o.value) return names;
  return `${names} <${o.value.choices ? o.value.choices.join("|") : o.value.placeholder[lang]}>`;
}

function argumentLabel(a: Command["arguments"][number], lang: MessageLanguage): string {
  const name = `${a.placeholder[lang]}${a.variadic ? "…" : ""}`;
  return a.required ? `<${name}>` : `[${name}]`;
}

/** `kaoping score [选项] <评分细则> <事实文件>` */
export function usageLine(command: Command, lang: MessageLanguage): string {
  const options = lang === "zh" ? "[选项]" : "[options]";
  return ["kaoping", command.name, options, ...command.arguments.map((a) => argumentLabel(a, lang))].join(" ");
}

/** `kaoping <command> --help`. */
export function commandHelp(command: Command, lang: MessageLanguage, color: boolean): string {
  const h = headings[lang];
  const s = styles(color);
  const out = [
    `${s.bold(`kaoping ${command.name}`)}${lang === "zh" ? "：" : ": "}${command.summary[lang]}`,
    "",
    command.description[lang],
    "",
  ];
  out.push(`${s.bold(h.usage)}${lang === "zh" ? "：" : ": "}${usageLine(command, lang)}`, "");
  if (command.arguments.length > 0) {
    out.push(
      heading(s.bold(h.arguments), lang),
      ...columns(command.arguments.map((a) => [argumentLabel(a, lang), a.description[lang]])),
      "",
    );
  }
  out.push(
    heading(s.bold(h.options), lang),
    ...columns([...command.options, ...commonOptions].map((o) => [optionLabel(o, lang), o.description[lang]])),
    "",
  );
  if (command.examples.length > 0) {
    out.push(heading(s.bold(h.examples), lang));
    for (const e of command.examples) out.push(`  ${e.command}`, `      ${s.dim(e.description[lang])}`);
    out.push("");
  }
  out.push(heading(s.bold(h.exits), lang), ...columns(command.exits.map((e) => [String(e.code), e.meaning[lang]])));
  return out.join("\n");
}

/** `kaoping --help`: every command, the global options and the exit codes. */
export function overviewHelp(
  commands: readonly Command[],
  lang: MessageLanguage,
  color: boolean,
  version: string,
): string {
  const h = headings[lang];
  const s = styles(color);
  const tagline =
    lang === "zh" ? "考评：评分细则的检查、格式化、测试与评分" : "Kaoping: check, format, test and score rubric files";
  return [
    `${s.bold(`kaoping ${version}`)}  ${tagline}`,
    "",
    `${s.bold(h.usage)}${lang === "zh" ? "：" : ": "}kaoping ${lang === "zh" ? "<命令> [选项]" : "<command> [options]"}`,
    "",
    heading(s.bold(h.commands), lang),
    ...columns(commands.map((c) => [c.name, c.summary[lang]])),
    "",
    heading(s.bold(h.options), lang),
    ...columns(globalOptions.map((o) => [optionLabel(o, lang), o.description[lang]])),
    "",
    heading(s.bold(h.exits), lang),
    ...columns(exitTable.map((e) => [String(e.code), e.meaning[lang]])),
    "",
    h.more,
  ].join("\n");
}
