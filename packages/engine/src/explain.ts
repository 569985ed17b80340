// Explanation: why a criterion has its points, and why a veto held, as formulas with every name
// replaced by its value, in Chinese and in English. Reads the values from an Evaluator set to the
// subject being explained.

import { precedence } from "@kaoping/language";
import type { Arith } from "./arith.ts";
import type { Evaluator } from "./evaluate.ts";
import { scoreReason } from "./facts.ts";
import type { BoolExpr, ClauseIR, CriterionIR, Expr, InputIR, NumExpr, RubricIR } from "./ir.ts";
import type { Outcome, Reason, UsedValue } from "./result.ts";

type Lang = "zh" | "en";

const CMP_TEXT = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "≠": "≠" } as const;
const WORDS = {
  zh: {
    yes: "是",
    no: "否",
    and: "且",
    or: "或",
    not: "非",
    min: "最小",
    max: "最大",
    half: "四舍五入",
    down: "向下取整",
    up: "向上取整",
    sep: "，",
  },
  en: {
    yes: "yes",
    no: "no",
    and: "and",
    or: "or",
    not: "not",
    min: "min",
    max: "max",
    half: "round",
    down: "rounddown",
    up: "roundup",
    sep: ", ",
  },
} as const;

/** Binding strength of an IR node (the language's table), for parentheses in rendered formulas. */
function bindingOf(e: Expr): number {
  switch (e.op) {
    case "if":
    case "bif":
      return precedence.if;
    case "or":
      return precedence.or;
    case "and":
      return precedence.and;
    case "not":
      return precedence.not;
    case "cmp":
    case "beq":
    case "binput":
    case "blet":
      return precedence.compare;
    case "add":
    case "sub":
      return precedence.add;
    case "mul":
    case "div":
      return precedence.mul;
    case "neg":
      return precedence.unary;
    default:
      return precedence.atom;
  }
}

function isLeaf(e: NumExpr): boolean {
  return e.op === "const" || e.op === "input" || e.op === "let" || e.op === "cohort";
}

/** Explains the criteria and vetoes of the subject its evaluator is set to. */
export class Explainer<T> {
  private used: UsedValue[] = [];
  private readonly A: Arith<T>;

  constructor(
    private readonly ir: RubricIR,
    private readonly ev: Evaluator<T>,
  ) {
    this.A = ev.A;
  }

  private use(name: string, label: string | null, value: boolean | number, zh: string, en: string): void {
    // A rule reads a handful of values: a scan is cheaper than a Set per explanation.
    for (const u of this.used) if (u.name === name) return;
    this.used.push({ name, label, value, text: { zh, en } });
  }

  private inputOf(slot: number): InputIR {
    return this.ir.inputs[slot] as InputIR;
  }

  /** A value as shown: "40%" for ratios and percents, "12.5" otherwise, units added for inputs. */
  private show(v: T, percent: boolean): string {
    return percent ? `${this.A.percentPoints(v)}%` : this.A.format(v);
  }

  private yesNo(v: boolean, lang: Lang): string {
    return v ? WORDS[lang].yes : WORDS[lang].no;
  }

  private leafInput(slot: number, lang: Lang): string {
    const input = this.inputOf(slot);
    const v = this.ev.vals[slot] as T | boolean;
    if (typeof v === "boolean") {
      this.use(input.name, input.label, v, this.yesNo(v, "zh"), this.yesNo(v, "en"));
      return `${input.name} = ${this.yesNo(v, lang)}`;
    }
    const text = this.show(v, input.kind === "percent");
    const withUnit = input.unit ? `${text} ${input.unit}` : text;
    const value = input.kind === "percent" ? Number(this.A.percentPoints(v)) : this.A.toPoints(v);
    this.use(input.name, input.label, value, withUnit, withUnit);
    return text;
  }

  private leafLet(slot: number, display: "number" | "percent" | "bool", lang: Lang): string {
    const l = this.ir.lets[slot];
    const v = this.ev.lets[slot] as T | boolean;
    if (!l) return "?";
    if (typeof v === "boolean") {
      this.use(l.name, null, v, this.yesNo(v, "zh"), this.yesNo(v, "en"));
      return `${l.name} = ${this.yesNo(v, lang)}`;
    }
    const text = this.show(v, display === "percent");
    this.use(l.name, null, this.A.toPoints(v), text, text);
    return text;
  }

  /**
   * A cohort figure, shown as its value; the legend names it with what a unit needs to check it
   * from the published list: "名次(办结率) = 并列第 3 名（共 14 个）", "最高值(产值) = 88".
   */
  private figure(index: number, lang: Lang): string {
    const f = this.ir.cohort.figures[index];
    const note = this.ev.figureNotes[index];
    const v = this.ev.figures[index];
    if (!f || !note || v === undefined) return "?";
    // The subject's own argument goes into the legend first: "办结率 = 97.2%".
    const arg = f.arg === null ? undefined : this.ir.cohort.args[f.arg];
    if (arg) this.render(arg, lang);
    const text = this.show(v, f.fn !== "rank" && f.fn !== "size" && arg?.display === "percent");
    if (f.fn === "rank") {
      const r = this.A.format(v);
      const zh = `${note.tied ? "并列" : ""}第 ${r} 名（共 ${note.of} 个）`;
      const en = `${note.tied ? "tied " : ""}${ordinal(Number(r))} of ${note.of}`;
      this.use(f.text, null, this.A.toPoints(v), zh, en);
    } else {
      this.use(f.text, null, this.A.toPoints(v), text, text);
    }
    return text;
  }

  private readonly childZh = (x: Expr, min: number): string => this.child(x, min, "zh");
  private readonly childEn = (x: Expr, min: number): string => this.child(x, min, "en");

  private childFor(lang: Lang): (x: Expr, min: number) => string {
    return lang === "zh" ? this.childZh : this.childEn;
  }

  /** A sub-formula, in parentheses when it binds more loosely than its place needs. */
  private child(x: Expr, min: number, lang: Lang): string {
    const s = this.render(x, lang);
    return bindingOf(x) < min ? `(${s})` : s;
  }

  /** A formula with every name replaced by its value; `if` shows only the branch taken. */
  render(e: Expr, lang: Lang): string {
    const W = WORDS[lang];
    const child = this.childFor(lang);
    switch (e.op) {
      case "const":
        return this.show(this.A.fromScaled(e.value), e.display === "percent");
      case "input":
      case "binput":
        return this.leafInput(e.slot, lang);
      case "let":
        return this.leafLet(e.slot, e.display, lang);
      case "blet":
        return this.leafLet(e.slot, "bool", lang);
      case "bconst":
        return this.yesNo(e.value, lang);
      case "neg":
        return `−${child(e.a, precedence.atom)}`;
      case "add":
        return `${child(e.a, precedence.add)} + ${child(e.b, precedence.add)}`;
      case "sub":
        return `${child(e.a, precedence.add)} − ${child(e.b, precedence.mul)}`;
      case "mul":
        return `${child(e.a, precedence.mul)} × ${child(e.b, precedence.mul)}`;
      case "div":
        return `${child(e.a, precedence.mul)} ÷ ${child(e.b, precedence.unary)}`;
      case "min":
      case "max": {
        let args = "";
        for (const a of e.args) args += `${args === "" ? "" : ", "}${this.render(a, lang)}`;
        return `${W[e.op]}(${args})`;
      }
      case "round":
        return `${W[e.mode]}(${this.render(e.a, lang)}${e.digits > 0 ? `, ${e.digits}` : ""})`;
      case "if":
        return this.render(this.ev.bool(e.cond) ? e.then : e.else, lang);
      case "cohort":
        return this.figure(e.figure, lang);
      case "bif":
        return this.render(this.ev.bool(e.cond) ? e.then : e.else, lang);
      case "cmp":
        return `${this.side(e.a, lang)} ${CMP_TEXT[e.cmp]} ${this.side(e.b, lang)}`;
      case "beq":
        return `${child(e.a, precedence.add)} ${e.negate ? "≠" : "="} ${child(e.b, precedence.add)}`;
      case "and":
        return `${child(e.a, precedence.and)} ${W.and} ${child(e.b, precedence.and)}`;
      case "or":
        return `${child(e.a, precedence.or)} ${W.or} ${child(e.b, precedence.or)}`;
      case "not":
        return `${W.not} ${child(e.a, precedence.add)}`;
    }
  }

  /** One side of a comparison: a value, or "(formula = value)". */
  private side(e: NumExpr, lang: Lang): string {
    const formula = this.render(e, lang);
    if (isLeaf(e)) return formula;
    return `(${formula} = ${this.show(this.ev.num(e), e.display === "percent")})`;
  }

  private legend(lang: Lang): string {
    let parts = "";
    const sep = lang === "zh" ? "，" : ", ";
    for (const u of this.used) {
      // Yes/no values are already spelled out in the formula.
      if (typeof u.value === "boolean") continue;
      parts += `${parts === "" ? "" : sep}${u.name} = ${u.text[lang]}`;
    }
    if (parts === "") return "";
    return lang === "zh" ? `（${parts}）` : ` (${parts})`;
  }

  /** Renders `e` in both languages, then its legend; collects used values on the way. */
  private both(e: Expr): { zh: string; en: string } {
    const zh = this.render(e, "zh");
    const en = this.render(e, "en");
    return { zh, en };
  }

  private clausesFormula(base: string | null, clauses: readonly ClauseIR[], lang: Lang): string {
    const parts: string[] = base === null ? [] : [base];
    for (const c of clauses) {
      const amount = this.render(c.amount, lang);
      let term: string;
      if (c.kind === "per") {
        const count = this.render(c.count, lang);
        term = `${isLeaf(c.amount) ? amount : `(${amount})`} × ${isLeaf(c.count) ? count : `(${count})`}`;
      } else {
        // A "when" clause counts its amount when its condition holds, else nothing.
        const cond = this.render(c.cond, lang);
        term = this.ev.bool(c.cond) ? `${amount}［${cond}］` : `0［${cond}］`;
      }
      if (parts.length === 0) parts.push(term);
      else parts.push(base === null ? `+ ${term}` : `− ${term}`);
    }
    return parts.join(" ");
  }

  private pts(v: T, lang: Lang): string {
    return lang === "zh"
      ? `${this.A.format(v)} 分`
      : `${this.A.format(v)} ${this.A.format(v) === "1" ? "point" : "points"}`;
  }

  /** Why the criterion has its points for the current subject. */
  criterion(c: CriterionIR): Reason {
    const A = this.A;
    this.used = [];
    const r = c.rule;
    let outcome: Outcome;
    let zh: string;
    let en: string;
    let suggestion: number | undefined;
    let assessorReason: string | undefined;

    const raw = this.ev.raw(c);
    switch (r.kind) {
      case "award": {
        const amountLeaf = isLeaf(r.amount);
        const amountZh = amountLeaf ? "" : `${this.render(r.amount, "zh")} = `;
        const amountEn = amountLeaf ? "" : `${this.render(r.amount, "en")} = `;
        if (r.cond === null) {
          outcome = "awarded";
          const lz = this.legend("zh");
          const le = this.legend("en");
          zh = `得 ${amountZh}${this.pts(raw, "zh")}${lz}`;
          en = `${amountEn}${this.pts(raw, "en")}${le}`;
          break;
        }
        const met = this.ev.bool(r.cond);
        const cond = this.both(r.cond);
        const o = !met && r.otherwise ? this.both(r.otherwise) : null;
        const lz = this.legend("zh");
        const le = this.legend("en");
        if (met) {
          outcome = "met";
          zh = `条件成立：${cond.zh}${lz}，得 ${amountZh}${this.pts(raw, "zh")}`;
          en = `condition met: ${cond.en}${le}, so ${amountEn}${this.pts(raw, "en")}`;
        } else if (o && r.otherwise) {
          outcome = "unmet";
          const oLeaf = isLeaf(r.otherwise);
          zh = `条件不成立：${cond.zh}${lz}，得 ${oLeaf ? "" : `${o.zh} = `}${this.pts(raw, "zh")}`;
          en = `condition not met: ${cond.en}${le}, so ${oLeaf ? "" : `${o.en} = `}${this.pts(raw, "en")}`;
        } else {
          outcome = "unmet";
          zh = `条件不成立：${cond.zh}${lz}，不得分`;
          en = `condition not met: ${cond.en}${le}, so 0 points`;
        }
        break;
      }
      case "discretionary": {
        outcome = "scored";
        const input = this.inputOf(r.slot);
        const given = scoreReason(this.ev.facts[input.name]);
        if (given !== null && given.trim() !== "") assessorReason = given;
        zh = `评定 ${this.pts(raw, "zh")}${assessorReason ? `（理由：${assessorReason}）` : ""}`;
        en = `assessed at ${this.pts(raw, "en")}${assessorReason ? ` (reason: ${assessorReason})` : ""}`;
        if (r.suggestion) {
          const s = this.ev.num(r.suggestion);
          suggestion = A.toPoints(s);
          const f = this.both(r.suggestion);
          const leaf = isLeaf(r.suggestion);
          zh += `；建议 ${leaf ? "" : `${f.zh} = `}${this.pts(s, "zh")}${this.legend("zh")}`;
          en += `; suggested ${leaf ? "" : `${f.en} = `}${this.pts(s, "en")}${this.legend("en")}`;
        }
        // Listed last: the legend above is about the suggestion.
        this.use(input.name, input.label, A.toPoints(raw), A.format(raw), A.format(raw));
        break;
      }
      case "deduction": {
        const base = this.render(r.base, "zh");
        const baseEn = this.render(r.base, "en");
        const baseValue = this.ev.num(r.base);
        const sum = this.ev.clauses(r.clauses);
        const taken = this.ev.deducted(r);
        const unfloored = A.sub(baseValue, taken);
        const floor = r.floor ? this.ev.num(r.floor) : A.zero;
        const fz = this.clausesFormula(isLeaf(r.base) ? base : `(${base})`, r.clauses, "zh");
        const fe = this.clausesFormula(isLeaf(r.base) ? baseEn : `(${baseEn})`, r.clauses, "en");
        const floored = A.compare(unfloored, floor) < 0;
        const capped = A.compare(taken, sum) < 0;
        outcome = floored ? "floored" : capped ? "capped" : "computed";
        const legendZh = this.legend("zh");
        const legendEn = this.legend("en");
        // Capped: the formula above is what the clauses would take; the sheet's limit comes next.
        const [headZh, headEn] = capped
          ? [
              `${fz}${legendZh}：共应扣 ${A.format(sum)} 分，最多扣 ${this.pts(taken, "zh")}，${A.format(baseValue)} − ${A.format(taken)} = `,
              `${fe}${legendEn}: ${A.format(sum)} to deduct, at most ${this.pts(taken, "en")}, so ${A.format(baseValue)} − ${A.format(taken)} = `,
            ]
          : [`${fz}${legendZh}${eqZh(legendZh)}`, `${fe}${legendEn} = `];
        if (floored) {
          const fl = r.floor ? `不低于 ${this.pts(floor, "zh")}` : "扣完为止";
          const flEn = r.floor ? `not below ${this.pts(floor, "en")}` : "deductions stop at 0";
          zh = `${headZh}${A.format(unfloored)}，${fl}，得 ${this.pts(raw, "zh")}`;
          en = `${headEn}${A.format(unfloored)}; ${flEn}, so ${this.pts(raw, "en")}`;
        } else {
          zh = `${headZh}${this.pts(raw, "zh")}`;
          en = `${headEn}${this.pts(raw, "en")}`;
        }
        break;
      }
      case "bonus": {
        const sum = this.ev.clauses(r.clauses);
        const fz = this.clausesFormula(null, r.clauses, "zh");
        const fe = this.clausesFormula(null, r.clauses, "en");
        const legendZh = this.legend("zh");
        const legendEn = this.legend("en");
        const capped = r.cap !== null && A.compare(sum, this.ev.num(r.cap)) > 0;
        outcome = capped ? "capped" : "computed";
        if (capped && r.cap) {
          const cap = this.ev.num(r.cap);
          zh = `加分 ${fz}${legendZh}${eqZh(legendZh)}${A.format(sum)}，最多 ${this.pts(cap, "zh")}，得 ${this.pts(raw, "zh")}`;
          en = `bonus ${fe}${legendEn} = ${A.format(sum)}, capped at ${this.pts(cap, "en")}, so ${this.pts(raw, "en")}`;
        } else {
          zh = `加分 ${fz}${legendZh}${eqZh(legendZh)}${this.pts(raw, "zh")}`;
          en = `bonus ${fe}${legendEn} = ${this.pts(raw, "en")}`;
        }
        break;
      }
    }
    let knocked: (typeof c.knockOuts)[number] | undefined;
    for (const k of c.knockOuts) {
      if (this.ev.bool(k.cond)) {
        knocked = k;
        break;
      }
    }
    if (knocked) {
      outcome = "knocked-out";
      const k = this.both(knocked.cond);
      zh = `不得分：${k.zh}（未触发时：${zh}）`;
      en = `scores 0: ${k.en} (otherwise: ${en})`;
    } else if (A.compare(raw, A.zero) < 0) {
      outcome = "clamped";
      zh = `${zh}；细则得分不为负，按 0 分计`;
      en = `${en}; a criterion is never negative, so 0 points`;
    }
    const reason: Reason = {
      rule: r.kind,
      outcome,
      zh,
      en,
      inputs: this.used,
      span: c.span,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(assessorReason !== undefined ? { assessorReason } : {}),
    };
    return reason;
  }

  /** Why a veto that held for the current subject zeroes the total. */
  veto(reason: string, cond: BoolExpr): { zh: string; en: string } {
    this.used = [];
    const c = this.both(cond);
    return {
      zh: `一票否决（${reason}）：${c.zh}${this.legend("zh")}，总分计 0 分`,
      en: `vetoed (${reason}): ${c.en}${this.legend("en")}, so the total is 0`,
    };
  }
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "= " after a full-width legend, " = " otherwise: "4 − 1 × 1（省抽不合格数 = 1）= 3". */
function eqZh(legend: string): string {
  return legend === "" ? " = " : "= ";
}
