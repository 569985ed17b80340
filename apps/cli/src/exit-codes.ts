// The exit codes of every command, one table for the help, the README and the code.
import type { ExitStatus } from "./command.ts";

export const EXIT = {
  /** Done, nothing to report. */
  ok: 0,
  /** Findings: a rubric has errors, a test failed, a file is not formatted. */
  findings: 1,
  /** Called wrongly or given bad input: unknown option, missing argument, unreadable file, invalid record. */
  usage: 2,
  /** A fault in kaoping itself (a bug to report). */
  internal: 3,
} as const;

/** The table `kaoping --help` and the README show. */
export const exitTable: readonly ExitStatus[] = [
  { code: EXIT.ok, meaning: { zh: "成功", en: "success" } },
  {
    code: EXIT.findings,
    meaning: {
      zh: "有发现：评分细则有错误、测试未通过、文件未格式化",
      en: "findings: a rubric has errors, a test failed, a file is not formatted",
    },
  },
  {
    code: EXIT.usage,
    meaning: {
      zh: "用法或输入有误：未知命令或选项、缺少参数、文件无法读取、记录无效",
      en: "usage or input error: unknown command or option, missing argument, unreadable file, invalid record",
    },
  },
  {
    code: EXIT.internal,
    meaning: { zh: "kaoping 内部错误（请报告）", en: "internal error in kaoping (please report it)" },
  },
  { code: 130, meaning: { zh: "被中断（Ctrl-C）", en: "interrupted (Ctrl-C)" } },
];

/** Exit code 2 as most commands' help words it. */
export const usageExit: ExitStatus = {
  code: EXIT.usage,
  meaning: { zh: "用法有误，或文件不存在", en: "usage error, or a file does not exist" },
};
