// The engine's own diagnostics (codes KP8xx; the language package owns KP1xx–KP7xx). They come
// from what only the engine computes: bounds over the rule kinds, and limits of exact arithmetic.
// Codes never change meaning; retired codes are not reused.

import type { Span } from "./ast.ts";

export type Severity = "error" | "warning";

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export interface EngineDiagnostic {
  readonly code: EngineCode;
  readonly severity: Severity;
  readonly message: Message;
  readonly help?: Message;
  readonly span: Span;
}

type S = string;

interface Entry<A> {
  readonly severity: Severity;
  readonly message: (args: A) => Message;
  readonly help?: (args: A) => Message;
}

function entry<A>(severity: Severity, message: (args: A) => Message, help?: (args: A) => Message): Entry<A> {
  return help ? { severity, message, help } : { severity, message };
}

export const engineCodes = {
  // A criterion whose rule can compute less than zero is silently clamped to 0 ("a criterion is
  // never negative"); that is almost always a mistake in the rule, so say so.
  KP801: entry<{ criterion: S; least: S }>(
    "warning",
    ({ criterion, least }) => ({
      zh: `细则 ${criterion} 的规则最低可算出 ${least} 分，低于 0 分的部分会按 0 分计`,
      en: `the rule of criterion ${criterion} can compute ${least} points; anything below 0 counts as 0`,
    }),
    () => ({
      zh: "写明「最低」分，或改写规则使其不会为负",
      en: "state a `floor`, or rewrite the rule so that it cannot go below 0",
    }),
  ),
  // A cap the clauses can never reach does nothing; usually a typo in the cap or a clause.
  KP802: entry<{ criterion: S; cap: S; most: S }>("warning", ({ criterion, cap, most }) => ({
    zh: `细则 ${criterion} 的加分最多只能加到 ${most} 分，上限 ${cap} 分永远用不上`,
    en: `criterion ${criterion} can add at most ${most} points, so its cap of ${cap} never applies`,
  })),
  // The sheet's standard points are the most the non-bonus criteria can give. The checker compares
  // literal sums; this compares what the rules can really reach, expressions included.
  KP803: entry<{ item: S; most: S; standard: S }>("error", ({ item, most, standard }) => ({
    zh: `项目 ${item} 的非加分细则最多可得 ${most} 分，与标准分 ${standard} 分不符`,
    en: `the non-bonus criteria of item ${item} can reach ${most} points, not its standard ${standard}`,
  })),
  KP804: entry<{ item: S; standard: S }>(
    "warning",
    ({ item, standard }) => ({
      zh: `无法确定项目 ${item} 的非加分细则最多可得几分（标准分 ${standard} 分）`,
      en: `cannot tell the most the non-bonus criteria of item ${item} can reach (standard ${standard})`,
    }),
    () => ({
      zh: "用「最小(…)」给表达式设上限，或改用加分规则",
      en: "bound the expression with `min(…)`, or make it a bonus rule",
    }),
  ),
  // A floor the deductions can never reach does nothing.
  KP805: entry<{ criterion: S; floor: S; least: S }>("warning", ({ criterion, floor, least }) => ({
    zh: `细则 ${criterion} 最少也有 ${least} 分，最低 ${floor} 分永远用不上`,
    en: `criterion ${criterion} never goes below ${least}, so its floor of ${floor} never applies`,
  })),
  // Exact arithmetic keeps six decimals; a literal with more cannot be held exactly.
  KP806: entry<{ text: S }>("error", ({ text }) => ({
    zh: `数 ${text} 的小数超过 6 位，或大于 1000000000`,
    en: `the number ${text} has more than 6 decimals or is above 1000000000`,
  })),
  // Facts are read as object keys; this one would be taken for the object's prototype.
  KP807: entry<{ name: S }>("error", ({ name }) => ({
    zh: `「${name}」不能用作输入名称`,
    en: `"${name}" cannot be the name of an input`,
  })),
  // Only reached when the checker let something through that the engine cannot compile; the
  // engine then refuses to build a scorer rather than guess.
  KP899: entry<{ what: S }>("error", ({ what }) => ({
    zh: `无法编译：${what}`,
    en: `cannot compile: ${what}`,
  })),
} as const;

export type EngineCode = keyof typeof engineCodes;

type ArgsOf<C extends EngineCode> = Parameters<(typeof engineCodes)[C]["message"]>[0];

/** Builds an engine diagnostic from its table entry. */
export function engineDiagnostic<C extends EngineCode>(code: C, span: Span, args: ArgsOf<C>): EngineDiagnostic {
  const e = engineCodes[code] as Entry<ArgsOf<C>>;
  const message = e.message(args);
  return e.help
    ? { code, severity: e.severity, message, help: e.help(args), span }
    : { code, severity: e.severity, message, span };
}
