// Why this file is long: one fast-check generator per construct of the language, each short,
// which the property tests need together to write whole rubrics.
// Random rubric texts for the property tests, built with fast-check's `gen` so that failures shrink.
// `rubricText` writes every construct of the language in either keyword set, with the spellings
// people use (synonyms, full-width forms, optional 分, either clause order) and a random layout
// (spaces, tabs, blank lines, comments between any two tokens). Its output is meant to parse
// without syntax errors; names and types are random, so the checker may still object.
import fc from "fast-check";
import { keywords, type KeywordSet } from "../src/index.ts";

type Gen = fc.GeneratorValue;

/** Every keyword word, both sets: generated names must not be one of them. */
const keywordWords = new Set(keywords.flatMap((k) => [...k.words.zh, ...k.words.en]));

function word(g: Gen, set: KeywordSet, concept: string): string {
  const entry = keywords.find((k) => k.token.name === concept);
  if (!entry) throw new Error(`no keyword ${concept}`);
  return g(fc.constantFrom, ...entry.words[set]);
}

const namePool = [
  "企业数",
  "培训人数",
  "认证率",
  "得分率",
  "是否达标",
  "应签数",
  "已签数",
  "省抽不合格数",
  "a",
  "b_1",
  "x2",
  "ISO9000认证数",
  "营业额",
  "ä_1",
  "Жx",
  "αβ",
].filter((n) => !keywordWords.has(n));

const textPool = [
  "",
  "行政村",
  "制定工作方案3分",
  '带"引号"的文字',
  "反斜杠\\和全角（括号）％",
  "   前后空格  ",
  "emoji 😀 和 𠀀",
  "# 不是注释",
  "“弯引号”",
  "tab\there",
];

function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

class Writer {
  readonly tokens: string[] = [];
  readonly names: string[];

  constructor(
    private readonly g: Gen,
    readonly set: KeywordSet,
  ) {
    this.names = g(fc.subarray, namePool, { minLength: 1 });
  }

  kw(concept: string): this {
    this.tokens.push(word(this.g, this.set, concept));
    return this;
  }

  raw(...tokens: string[]): this {
    this.tokens.push(...tokens);
    return this;
  }

  /** A symbol in one of the forms the lexer accepts. */
  sym(...forms: string[]): this {
    this.tokens.push(this.g(fc.constantFrom, ...forms));
    return this;
  }

  name(): this {
    const name = this.g(fc.constantFrom, ...this.names);
    const quoted = this.g(fc.boolean);
    this.tokens.push(quoted ? `「${name}」` : name);
    return this;
  }

  number(integer = false): this {
    const n = integer
      ? String(this.g(fc.integer, { min: 0, max: 120 }))
      : this.g(fc.constantFrom, "0", "1", "2", "3.2", "10", "0.5", "100", "007");
    this.tokens.push(this.g(fc.boolean) && this.g(fc.boolean) ? fullWidthDigits(n) : n);
    return this;
  }

  text(multiline = false): this {
    const value = this.g(fc.constantFrom, ...textPool);
    if (multiline && this.g(fc.boolean)) {
      this.tokens.push(`"""${value.replace(/"/g, "'")}\n第二行 ${value.replace(/"/g, "'")}"""`);
    } else {
      this.tokens.push(`"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
    }
    return this;
  }

  literal(): this {
    const kind = this.g(fc.constantFrom, "number", "percent", "bool", "negative");
    if (kind === "number") return this.number();
    if (kind === "percent") return this.number().sym("%", "％");
    if (kind === "negative") return this.sym("-", "－").number();
    return this.kw(this.g(fc.boolean) ? "Yes" : "No");
  }

  /** An operand of an operator: an atom, a call, or a parenthesized expression (so that the text
   * always parses; the formatter drops the parentheses it does not need). */
  operand(depth: number): this {
    const g = this.g;
    const kind = depth <= 0 ? "atom" : g(fc.constantFrom, "atom", "atom", "call", "paren");
    if (kind === "paren")
      return this.sym("(", "（")
        .expr(depth - 1)
        .sym(")", "）");
    if (kind === "call") return this.call(depth);
    switch (g(fc.constantFrom, "number", "percent", "bool", "name", "name")) {
      case "number":
        return this.number();
      case "percent":
        return this.number().sym("%", "％");
      case "bool":
        return this.kw(g(fc.boolean) ? "Yes" : "No");
      default:
        return this.name();
    }
  }

  call(depth: number): this {
    this.kw(this.g(fc.boolean) ? "Min" : "Max")
      .sym("(", "（")
      .expr(depth - 1);
    const more = this.g(fc.integer, { min: 0, max: 2 });
    for (let i = 0; i < more; i++) this.sym(",", "，").expr(depth - 1);
    return this.sym(")", "）");
  }

  expr(depth: number): this {
    const g = this.g;
    const kinds =
      depth <= 0
        ? ["operand"]
        : ["operand", "operand", "negate", "arith", "arith", "chain", "compare", "compare", "logical", "not", "if"];
    switch (g(fc.constantFrom, ...kinds)) {
      case "negate":
        return this.sym("-", "－", "−").operand(depth - 1);
      case "arith":
        return this.operand(depth - 1)
          .sym("+", "-", "×", "*", "/", "÷", "＋", "－")
          .operand(depth - 1);
      case "chain": {
        // Left-associative chains without parentheses: a + b × c - d.
        this.operand(depth - 1);
        const n = g(fc.integer, { min: 1, max: 4 });
        for (let i = 0; i < n; i++) this.sym("+", "-", "×", "/").operand(depth - 1);
        return this;
      }
      case "compare":
        return this.operand(depth - 1)
          .sym(">=", "≥", "＞＝", ">", "<", "<=", "≤", "=", "＝", "≠", "!=")
          .operand(depth - 1);
      case "logical":
        return this.operand(depth - 1)
          .kw(g(fc.boolean) ? "And" : "Or")
          .operand(depth - 1);
      case "not":
        return this.kw("Not").operand(depth - 1);
      case "if":
        return this.kw("If")
          .expr(depth - 1)
          .kw("Then")
          .expr(depth - 1)
          .kw("Else")
          .expr(depth - 1);
      default:
        return this.operand(depth);
    }
  }

  points(): this {
    this.expr(this.g(fc.integer, { min: 0, max: 2 }));
    if (this.g(fc.boolean)) this.kw("PointsUnit");
    return this;
  }

  clause(verb: "Deduct" | "Bonus"): this {
    const form = this.g(fc.constantFrom, "per-first", "amount-first", "when");
    if (form === "per-first") return this.kw("Per").expr(1).kw(verb).points();
    this.kw(verb).points();
    return form === "when" ? this.kw("When").expr(2) : this.kw("Per").expr(1);
  }

  rule(): this {
    const g = this.g;
    switch (g(fc.constantFrom, "award", "discretionary", "deduction", "bonus")) {
      case "award":
        this.kw("Award").points();
        if (g(fc.boolean)) {
          this.kw("When").expr(2);
          if (g(fc.boolean)) this.kw("Else").points();
        }
        break;
      case "discretionary":
        this.kw("Discretionary").name();
        if (g(fc.boolean)) this.kw("Suggest").expr(2);
        break;
      case "deduction": {
        this.kw("Base").points();
        const n = g(fc.integer, { min: 1, max: 3 });
        for (let i = 0; i < n; i++) this.clause("Deduct");
        if (g(fc.boolean)) this.kw("Floor").points();
        break;
      }
      case "bonus": {
        const n = g(fc.integer, { min: 1, max: 3 });
        for (let i = 0; i < n; i++) this.clause("Bonus");
        if (g(fc.boolean)) this.kw("Cap").points();
        break;
      }
    }
    const knockOuts = g(fc.integer, { min: 0, max: 2 });
    for (let i = 0; i < knockOuts; i++) this.kw("Zero").kw("When").expr(2);
    return this;
  }

  input(): this {
    this.kw("Input").name().sym(":");
    switch (this.g(fc.constantFrom, "yesno", "count", "number", "percent", "score")) {
      case "yesno":
        this.kw("YesNoType");
        break;
      case "count":
        this.kw("CountType");
        break;
      case "number":
        this.kw("NumberType");
        if (this.g(fc.boolean)) this.kw("Unit").text();
        break;
      case "percent":
        this.kw("PercentType");
        break;
      case "score":
        this.kw("ScoreType").number().kw("To").number();
        if (this.g(fc.boolean)) this.kw("Step").number();
        break;
    }
    if (this.g(fc.boolean)) this.text();
    if (this.g(fc.boolean)) this.kw("Help").text();
    if (this.g(fc.boolean)) this.kw("Default").literal();
    return this;
  }

  declaration(): this {
    return this.g(fc.integer, { min: 0, max: 3 }) === 0 ? this.kw("Let").name().sym("=", "＝").expr(2) : this.input();
  }

  item(number: number): this {
    const g = this.g;
    this.kw("Item").raw(String(number));
    if (g(fc.boolean)) this.text();
    this.kw("Standard").number();
    if (g(fc.boolean)) this.kw("PointsUnit");
    this.sym("{", "｛");
    const parts = g(fc.shuffledSubarray, ["content", "decl", "decl", "criterion", "criterion", "criterion"]);
    let criterion = 1;
    for (const part of parts) {
      if (part === "content") this.kw("Content").text(true);
      else if (part === "decl") this.declaration();
      else {
        this.kw("Criterion").raw(String(criterion++));
        if (g(fc.boolean)) this.text();
        this.sym("{", "｛").rule().sym("}", "｝");
      }
    }
    return this.sym("}", "｝");
  }

  test(names: readonly string[]): this {
    const g = this.g;
    this.kw("Test");
    if (names.length > 0 || g(fc.boolean)) this.text();
    if (names.length > 0 && g(fc.boolean)) this.kw("Based").raw(g(fc.constantFrom, ...names));
    this.sym("{", "｛");
    if (g(fc.boolean)) {
      this.kw("Given").sym("{", "｛");
      const n = g(fc.integer, { min: 0, max: 4 });
      for (let i = 0; i < n; i++) {
        this.name().sym("=", "＝").literal();
        if (g(fc.boolean)) this.kw("Reason").text();
        if (g(fc.boolean)) this.sym(",", "，");
      }
      this.sym("}", "｝");
    }
    if (g(fc.boolean)) {
      this.kw("Expect").sym("{", "｛");
      const n = g(fc.integer, { min: 0, max: 4 });
      for (let i = 0; i < n; i++) {
        switch (g(fc.constantFrom, "item", "criterion", "total", "grade")) {
          case "item":
            this.kw("Item")
              .raw(String(g(fc.integer, { min: 1, max: 5 })))
              .sym("=")
              .number();
            break;
          case "criterion":
            this.kw("Criterion")
              .raw(`${g(fc.integer, { min: 1, max: 9 })}.${g(fc.integer, { min: 1, max: 9 })}`)
              .sym("=")
              .number();
            break;
          case "total":
            this.raw(this.set === "zh" ? g(fc.constantFrom, "总分", "满分") : "total")
              .sym("=")
              .number();
            break;
          case "grade":
            this.kw("Grades").sym("=").text();
            break;
        }
        if (g(fc.boolean)) this.sym(",", "，");
      }
      this.sym("}", "｝");
    }
    return this.sym("}", "｝");
  }

  rubric(): this {
    const g = this.g;
    this.kw("Rubric").raw(g(fc.constantFrom, "village_quality", "r1", "质量考核"));
    if (g(fc.boolean)) this.text();
    this.sym("{", "｛");
    const parts = g(fc.shuffledSubarray, [
      "subject",
      "version",
      "effective",
      "total",
      "decl",
      "decl",
      "grades",
      "veto",
      "item",
      "item",
      "item",
      "test",
      "test",
    ]);
    let item = 1;
    const tests: string[] = [];
    for (const part of parts) {
      switch (part) {
        case "subject":
          this.kw("Subject").text();
          break;
        case "version":
          this.kw("Version").text();
          break;
        case "effective":
          this.kw("Effective").raw(g(fc.constantFrom, "2026-01-01", "2026-1-5", "2024-02-29"));
          break;
        case "total":
          this.kw("Total").number();
          if (g(fc.boolean)) this.kw("PointsUnit");
          break;
        case "decl":
          this.declaration();
          break;
        case "grades": {
          this.kw("Grades").sym("{", "｛");
          const n = g(fc.integer, { min: 0, max: 3 });
          for (let i = 0; i < n; i++) {
            this.text().sym(">=", "≥").number();
            if (g(fc.boolean)) this.sym(",", "，");
          }
          if (g(fc.boolean)) this.text();
          this.sym("}", "｝");
          break;
        }
        case "veto":
          this.kw("Veto").text().kw("When").expr(2);
          break;
        case "item":
          this.item(item++);
          break;
        case "test": {
          const before = this.tokens.length;
          this.test(tests);
          const name = this.tokens[before + 1];
          // The name as written: a later test refers to it with the same token.
          if (name?.startsWith('"') && !name.startsWith('"""')) tests.push(name);
          break;
        }
      }
    }
    return this.sym("}", "｝");
  }
}

/** Joins tokens with random whitespace and comments (every token is separated by at least one). */
function layout(g: Gen, tokens: readonly string[]): string {
  const separators = [" ", " ", " ", "\n", "\n  ", "  ", "\t", "\n\n", "\r\n", "　", " # 注释 {\n", "\n# 整行注释\n  "];
  let out = g(fc.boolean) ? "" : "# 文件开头\n";
  for (const token of tokens) out += token + g(fc.constantFrom, ...separators);
  return out;
}

/** A random rubric text in either keyword set, meant to parse without syntax errors. */
export const rubricText: fc.Arbitrary<string> = fc.gen().map((g) => {
  const writer = new Writer(g, g(fc.constantFrom, "zh", "en"));
  return layout(g, writer.rubric().tokens);
});

/** Tokens of the language, both sets, for "keyword soup": nonsense made of real words. */
export const soupToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...keywordWords),
  fc.constantFrom(...namePool),
  fc.constantFrom(
    "{",
    "}",
    "｛",
    "｝",
    "(",
    ")",
    "（",
    "）",
    ":",
    "：",
    ",",
    "，",
    "=",
    "＝",
    ">=",
    "≥",
    "<",
    "+",
    "-",
    "×",
    "/",
    "÷",
    "%",
    "％",
    "「",
    "」",
    "。",
    "；",
    "#",
    "\n",
    '"',
    '"""',
    "“",
    "”",
    "1.2.3",
    "2026-13-45",
    "０",
    "1e5",
  ),
  fc.integer({ min: 0, max: 10_000 }).map(String),
  fc.constantFrom(...textPool).map((t) => `"${t}"`),
);
