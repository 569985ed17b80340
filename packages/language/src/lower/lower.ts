// Why this file is long (716 lines): one CST → AST visitor, a function per grammar rule; issue 14
// splits it by block (header, items and criteria, expressions, tests).
// lower: concrete syntax tree → typed AST. The one place where Chevrotain's inclusive end offsets
// become half-open spans, full-width digits become ASCII, names are NFC-normalised and texts are
// unquoted. Recovered (partial) nodes lower to nulls, never to exceptions.
import type { CstElement, CstNode, IToken, TokenType } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, replaceWith, type Diagnostic, type Fix, type Message } from "../diagnostics/diagnostic.ts";
import { describeExpected, describeToken } from "../parse/describe.ts";
import {
  And,
  BlockText,
  CurlyText,
  Divide,
  Minus,
  Or,
  Equals,
  Greater,
  GreaterEqual,
  Less,
  LessEqual,
  NotEqual,
  Plus,
  Times,
  LineText,
  QuotedName,
  UnterminatedText,
  conceptOf,
  keywords as keywordTable,
  wordOf,
} from "../lex/tokens.ts";

/** Longer expressions (terms counted through parentheses) are refused: every later stage walks the tree recursively. */
export const maxTerms = 256;

type Children = Record<string, CstElement[] | undefined>;

/** A parsed statement: a grammar rule's CST, or an item with its header and body statements. */
export type ParsedStatement =
  | { readonly kind: "cst"; readonly cst: CstNode }
  | {
      readonly kind: "item";
      readonly header: CstNode;
      readonly body: readonly ParsedStatement[];
      readonly span: A.Span;
    };

export class Lowering {
  readonly diagnostics: Diagnostic[] = [];
  private inputs: A.Input[] = [];
  private lets: A.Let[] = [];

  private readonly fields: { -readonly [K in keyof A.Header]: A.Header[K] } = {
    subject: null,
    version: null,
    effective: null,
    total: null,
  };
  private readonly gradeList: A.Grade[] = [];
  private readonly vetoes: A.Veto[] = [];
  private readonly items: A.Item[] = [];
  private readonly tests: A.Test[] = [];
  /** How deep in an expression the lowering is, and the terms of the outermost one so far. */
  private exprDepth = 0;
  private exprTerms = 0;

  constructor(private readonly keywords: A.KeywordSet) {}

  /**
   * Lowers one statement as soon as it is parsed: its CST dies young, which the garbage collector
   * handles far more cheaply than the CST of a whole file kept alive until the end.
   */
  add(statement: ParsedStatement): void {
    const { fields, gradeList: grades, vetoes, items, tests } = this;
    if (statement.kind === "item") {
      items.push(this.item(statement));
      return;
    }
    const node = statement.cst;
    switch (node.name) {
      case "headerField":
        this.headerField(node, fields);
        break;
      case "inputDecl":
        this.inputs.push(this.input(node, null));
        break;
      case "letDecl":
        this.letDecl(node, null);
        break;
      case "grades":
        grades.push(...this.grades(node));
        break;
      case "veto": {
        const veto = this.veto(node);
        if (veto) vetoes.push(veto);
        break;
      }
      case "test":
        tests.push(this.test(node));
        break;
    }
  }

  /** The rubric of every statement added, under its header. */
  rubric(header: CstNode | null, textLength: number): A.Rubric {
    const { fields, gradeList: grades, vetoes, items, tests } = this;
    const c = (header?.children ?? {}) as Children;
    const name = token(c["NameToken"]);
    return {
      kind: "rubric",
      keywords: this.keywords,
      id: name ? this.name(name) : null,
      title: this.text(token(c["TextToken"])),
      header: fields,
      inputs: this.inputs,
      lets: this.lets,
      grades,
      vetoes,
      items,
      tests,
      span: { start: 0, end: textLength },
    };
  }

  private headerField(node: CstNode, header: { -readonly [K in keyof A.Header]: A.Header[K] }): void {
    const c = node.children as Children;
    const setOnce = <K extends keyof A.Header>(
      key: K,
      value: A.Header[K],
      field: A.Span,
      label: { zh: string; en: string },
    ) => {
      if (value === null) return;
      if (header[key] !== null) this.diagnostics.push(diagnostic("KP204", field, { field: label }));
      else header[key] = value;
    };
    const span = nodeSpan(node);
    if (c["Subject"]) setOnce("subject", this.text(token(c["TextToken"])), span, { zh: "对象", en: "the subject" });
    if (c["Version"]) setOnce("version", this.text(token(c["TextToken"])), span, { zh: "版本", en: "the version" });
    if (c["Effective"]) {
      const date = token(c["DateLiteral"]);
      if (date) setOnce("effective", this.date(date), span, { zh: "生效日期", en: "the effective date" });
    }
    if (c["Total"]) setOnce("total", this.number(token(c["NumberLiteral"])), span, { zh: "满分", en: "the total" });
  }

  private date(tok: IToken): { value: string; span: A.Span } {
    const [y, m, d] = tok.image.split("-").map(Number) as [number, number, number];
    const value = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const probe = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(probe.getTime()) || probe.getUTCMonth() + 1 !== m || probe.getUTCDate() !== d) {
      this.diagnostics.push(diagnostic("KP205", tokenSpan(tok), { text: tok.image }));
    }
    return { value, span: tokenSpan(tok) };
  }

  private input(node: CstNode, item: number | null): A.Input {
    const c = node.children as Children;
    const texts = tokens(c["TextToken"]);
    const hasHelp = c["Help"] !== undefined;
    const nameToken = token(c["NameToken"]);
    const literalNode = first(c["literal"]);
    const typeNode = first(c["inputType"]);
    const span = nodeSpan(node);
    return {
      kind: "input",
      name: nameToken ? this.name(nameToken) : missingName(span),
      type: typeNode ? this.inputType(typeNode) : { kind: "yesno", span },
      // With help but one text, the one text is the help (the label was left out).
      label: hasHelp && texts.length < 2 ? null : this.text(texts[0]),
      help: hasHelp ? this.text(texts[texts.length - 1]) : null,
      default: literalNode ? this.literal(literalNode) : null,
      item,
      span,
    };
  }

  private inputType(node: CstNode): A.InputType {
    const c = node.children as Children;
    const span = nodeSpan(node);
    if (c["CountType"]) return { kind: "count", span };
    if (c["NumberType"]) return { kind: "number", unit: this.text(token(c["TextToken"])), span };
    if (c["PercentType"]) return { kind: "percent", span };
    if (c["ScoreType"]) {
      const [min, max, step] = nodes(c["signedNumber"]).map((n) => this.unsignedNumber(n));
      return { kind: "score", min: min ?? zero(span), max: max ?? zero(span), step: step ?? null, span };
    }
    return { kind: "yesno", span };
  }

  private letDecl(node: CstNode, item: number | null): void {
    const c = node.children as Children;
    const nameToken = token(c["NameToken"]);
    const expr = this.exprOf(first(c["expr"]));
    if (!nameToken || !expr) return;
    this.lets.push({ kind: "let", name: this.name(nameToken), expr, item, span: nodeSpan(node) });
  }

  private grades(node: CstNode): A.Grade[] {
    return nodes((node.children as Children)["gradeBand"]).flatMap((band) => {
      const c = band.children as Children;
      const label = this.text(token(c["TextToken"]));
      if (!label) return [];
      const min = token(c["NumberLiteral"]);
      return [{ kind: "grade" as const, label, min: min ? this.number(min) : null, span: nodeSpan(band) }];
    });
  }

  private veto(node: CstNode): A.Veto | null {
    const c = node.children as Children;
    const reason = this.text(token(c["TextToken"]));
    const condition = this.exprOf(first(c["expr"]));
    if (!reason || !condition) return null;
    return { kind: "veto", reason, condition, span: nodeSpan(node) };
  }

  private item(statement: Extract<ParsedStatement, { kind: "item" }>): A.Item {
    const c = statement.header.children as Children;
    const [numberToken, standardToken] = tokens(c["NumberLiteral"]);
    const number = this.ordinal(numberToken);
    let content: A.Text | null = null;
    const criteria: A.Criterion[] = [];
    for (const part of statement.body) {
      if (part.kind !== "cst") continue;
      const node = part.cst;
      if (node.name === "inputDecl") this.inputs.push(this.input(node, number));
      else if (node.name === "letDecl") this.letDecl(node, number);
      else if (node.name === "criterion") criteria.push(this.criterion(node));
      else if (node.name === "content") {
        const text = this.text(token((node.children as Children)["TextToken"]));
        if (content && text)
          this.diagnostics.push(diagnostic("KP204", text.span, { field: { zh: "内容", en: "the content" } }));
        else content = text;
      }
    }
    return {
      kind: "item",
      number,
      title: this.text(token(c["TextToken"])),
      standard: standardToken ? this.number(standardToken) : null,
      content,
      criteria,
      span: statement.span,
      numberSpan: numberToken ? tokenSpan(numberToken) : statement.span,
    };
  }

  private criterion(node: CstNode): A.Criterion {
    const c = node.children as Children;
    const numberToken = token(c["NumberLiteral"]);
    const ruleNode = first(c["rule"]);
    const span = nodeSpan(node);
    return {
      kind: "criterion",
      number: this.ordinal(numberToken),
      text: this.text(token(c["TextToken"])),
      rule: ruleNode ? this.rule(ruleNode) : null,
      span,
      numberSpan: numberToken ? tokenSpan(numberToken) : span,
    };
  }

  /** An item or criterion number: a whole number above 0 (reported otherwise, read as 0). */
  private ordinal(tok: IToken | undefined): number {
    if (!tok) return 0;
    const text = asciiDigits(tok.image);
    if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000) {
      this.diagnostics.push(diagnostic("KP206", tokenSpan(tok), { text: tok.image }));
      return 0;
    }
    return Number(text);
  }

  private rule(node: CstNode): A.Rule | null {
    const c = node.children as Children;
    const knockOuts = nodes(c["knockOut"]).flatMap((k): A.KnockOut[] => {
      const condition = this.exprOf(first((k.children as Children)["expr"]));
      return condition ? [{ kind: "knockout", condition, span: nodeSpan(k) }] : [];
    });
    const span = nodeSpan(node);
    const award = first(c["awardRule"]);
    if (award) {
      const ac = award.children as Children;
      const [amount, otherwise] = nodes(ac["points"]).map((p) => this.points(p));
      if (!amount) return null;
      return {
        kind: "award",
        amount,
        condition: this.exprOf(first(ac["expr"])),
        otherwise: otherwise ?? null,
        knockOuts,
        span,
      };
    }
    const discretionary = first(c["discretionaryRule"]);
    if (discretionary) {
      const dc = discretionary.children as Children;
      const input = token(dc["NameToken"]);
      if (!input) return null;
      return {
        kind: "discretionary",
        input: this.name(input),
        suggestion: this.exprOf(first(dc["expr"])),
        knockOuts,
        span,
      };
    }
    const deduction = first(c["deductionRule"]);
    if (deduction) {
      const dc = deduction.children as Children;
      const [base, floor] = nodes(dc["points"]).map((p) => this.points(p));
      if (!base) return null;
      const clauses = nodes(dc["deductClause"]).flatMap((n) => this.clause(n));
      return { kind: "deduction", base, clauses, floor: floor ?? null, knockOuts, span };
    }
    const bonus = first(c["bonusRule"]);
    if (bonus) {
      const bc = bonus.children as Children;
      const clauses = nodes(bc["bonusClause"]).flatMap((n) => this.clause(n));
      const cap = first(bc["points"]);
      return { kind: "bonus", clauses, cap: cap ? this.points(cap) : null, knockOuts, span };
    }
    return null;
  }

  private clause(node: CstNode): A.Clause[] {
    const c = node.children as Children;
    const amountNode = first(c["points"]);
    const amount = amountNode ? this.points(amountNode) : null;
    if (!amount) return [];
    const span = nodeSpan(node);
    const tail = first(c["clauseTail"]);
    if (tail) {
      const tc = tail.children as Children;
      const expr = this.exprOf(first(tc["expr"]));
      if (!expr) return [];
      return tc["When"]
        ? [{ kind: "when", condition: expr, amount, span }]
        : [{ kind: "per", count: expr, amount, span }];
    }
    const count = this.exprOf(first(c["expr"]));
    return count ? [{ kind: "per", count, amount, span }] : [];
  }

  private points(node: CstNode): A.Points | null {
    const c = node.children as Children;
    const expr = this.exprOf(first(c["expr"]));
    if (!expr) return null;
    return { kind: "points", expr, unit: c["PointsUnit"] !== undefined, span: nodeSpan(node) };
  }

  private test(node: CstNode): A.Test {
    const c = node.children as Children;
    const given = nodes(c["givenEntry"]).flatMap((entry): A.Given[] => {
      const ec = entry.children as Children;
      const nameToken = token(ec["NameToken"]);
      const literalNode = first(ec["literal"]);
      const value = literalNode ? this.literal(literalNode) : null;
      if (!nameToken || !value) return [];
      return [
        {
          kind: "given",
          name: this.name(nameToken),
          value,
          reason: this.text(token(ec["TextToken"])),
          span: nodeSpan(entry),
        },
      ];
    });
    const expect = nodes(c["expectEntry"]).flatMap((entry) => this.expectation(entry));
    const [name, base] = tokens(c["TextToken"]);
    return { kind: "test", name: this.text(name), base: this.text(base), given, expect, span: nodeSpan(node) };
  }

  private expectation(node: CstNode): A.Expectation[] {
    const c = node.children as Children;
    const numberNode = first(c["signedNumber"]);
    const value = numberNode ? this.signedNumber(numberNode) : this.text(token(c["TextToken"]));
    if (!value) return [];
    const ref = token(c["NumberLiteral"]);
    let target: A.ExpectTarget;
    if (c["Item"]) target = { kind: "item", item: this.ordinal(ref) };
    else if (c["Criterion"]) {
      const [item = "", criterion = ""] = asciiDigits(ref?.image ?? "").split(".");
      if (!ref || !/^\d+$/.test(item) || !/^\d+$/.test(criterion)) {
        if (ref) {
          this.diagnostics.push(
            diagnostic(
              "KP207",
              tokenSpan(ref),
              { text: ref.image },
              {
                help: {
                  zh: "例如 细则 2.1 = 3 是项目 2 的细则 1",
                  en: "e.g. criterion 2.1 = 3 is criterion 1 of item 2",
                },
              },
            ),
          );
        }
        return [];
      }
      target = { kind: "criterion", item: Number(item), criterion: Number(criterion) };
    } else if (c["Total"]) target = { kind: "total" };
    else target = { kind: "grade" };
    return [{ kind: "expect", target, value, span: nodeSpan(node) }];
  }

  private literal(node: CstNode): A.Literal | A.Negate | null {
    const c = node.children as Children;
    const span = nodeSpan(node);
    if (c["Yes"]) return { kind: "bool", value: true, span };
    if (c["No"]) return { kind: "bool", value: false, span };
    const numberNode = first(c["signedNumber"]);
    if (!numberNode) return null;
    const number = this.signedNumber(numberNode);
    if (!number) return null;
    if (!c["PercentSign"]) return number;
    if (number.kind === "negate") {
      const inner = number.operand as A.NumberLiteral;
      return { kind: "negate", operand: { kind: "percent", value: inner.value, span: inner.span }, span };
    }
    return { kind: "percent", value: number.value, span };
  }

  /** A number where a sign makes no sense (score ranges): a minus is reported and dropped. */
  private unsignedNumber(node: CstNode): A.NumberLiteral | null {
    const number = this.signedNumber(node);
    if (number?.kind !== "negate") return number;
    this.diagnostics.push(
      diagnostic("KP406", number.span, { reason: { zh: "不能为负数", en: "it cannot be negative" } }),
    );
    return number.operand as A.NumberLiteral;
  }

  private signedNumber(node: CstNode): A.NumberLiteral | A.Negate | null {
    const c = node.children as Children;
    const tok = token(c["NumberLiteral"]);
    if (!tok) return null;
    const number: A.NumberLiteral = { kind: "number", value: asciiDigits(tok.image), span: tokenSpan(tok) };
    return c["Minus"] ? { kind: "negate", operand: number, span: nodeSpan(node) } : number;
  }

  private number(tok: IToken | undefined): A.NumberLiteral | null {
    if (!tok) return null;
    return { kind: "number", value: asciiDigits(tok.image), span: tokenSpan(tok) };
  }

  name(tok: IToken): A.Name {
    const quoted = tok.tokenType === QuotedName;
    const raw = quoted ? tok.image.slice(1, -1) : tok.image;
    return { kind: "name", name: raw.normalize("NFC"), quoted, span: tokenSpan(tok) };
  }

  private text(tok: IToken | undefined): A.Text | null {
    if (!tok) return null;
    return { kind: "text", ...unquote(tok), span: tokenSpan(tok) };
  }

  // ── Expressions ──

  private exprOf(node: CstNode | undefined): A.Expr | null {
    return node ? this.expr(node) : null;
  }

  /**
   * Lowers an expression; at the outermost one, starts counting its terms afresh. The count runs
   * over the whole expression, parentheses included: counted per parenthesis, 60 nested ones of
   * 250 terms each made a tree 15,000 deep, and every later stage walks trees recursively.
   */
  private expr(node: CstNode): A.Expr | null {
    if (this.exprDepth === 0) this.exprTerms = 0;
    this.exprDepth++;
    try {
      return this.lowerExpr(node);
    } finally {
      this.exprDepth--;
    }
  }

  private lowerExpr(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    switch (node.name) {
      case "expr": {
        if (!c["If"]) return this.opExpr(node);
        const [condition, then, otherwise] = nodes(c["expr"]).map((e) => this.expr(e));
        if (!condition || !then || !otherwise) return null;
        return { kind: "if", condition, then, otherwise, span: from(token(c["If"]), otherwise.span) };
      }
      case "call": {
        const args = nodes(c["expr"]).map((e) => this.expr(e));
        if (args.some((a) => a === null)) return null;
        const close = token(c["RParen"]);
        const end = close ? tokenSpan(close) : (args.at(-1)?.span ?? { start: 0, end: 0 });
        return {
          kind: "call",
          fn: c["Min"] ? "min" : "max",
          args: args as A.Expr[],
          span: from(token(c["Min"] ?? c["Max"]), end),
        };
      }
      default:
        return null;
    }
  }

  /**
   * An expression written as operands and operators, given its precedence: or < and < not <
   * comparison (one per operand pair, not chained) < + - < × / < unary minus, binary operators
   * left-associative. What the grammar no longer rules out is reported here, as a syntax error.
   */
  private opExpr(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    const operands = nodes(c["operand"]);
    this.exprTerms += operands.length;
    if (this.exprTerms > maxTerms) {
      // Reported once, where the count passes the limit; what follows is part of the same mistake.
      if (this.exprTerms - operands.length <= maxTerms)
        this.diagnostics.push(diagnostic("KP106", nodeSpan(node), { limit: maxTerms }));
      return null;
    }
    // Most expressions are one operand without prefixes: a number, a name.
    if (operands.length === 1) {
      const only = operands[0] as CstNode;
      if (!(only.children as Children)["PrefixOp"]) return this.primary(only);
    }
    const reader = new OperandReader(operands, tokens(c["BinaryOp"]), (operand) => this.primary(operand));
    const result = reader.expression(0);
    for (const { at, expected } of reader.errors) {
      this.diagnostics.push(
        diagnostic(
          "KP201",
          tokenSpan(at),
          { expected: describeExpected(expected, this.keywords), found: describeToken(at) },
          { help: expected === "expr" ? parenthesesHelp : compareJoinHelp },
        ),
      );
    }
    return reader.errors.length > 0 ? null : result;
  }

  private primary(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    const lead = token(c["NumberLiteral"] ?? c["Yes"] ?? c["No"]);
    const percent = token(c["PercentSign"]);
    const span = lead ? from(lead, percent ? tokenSpan(percent) : tokenSpan(lead)) : { start: 0, end: 0 };
    const num = token(c["NumberLiteral"]);
    if (num) {
      const value = asciiDigits(num.image);
      return c["PercentSign"] ? { kind: "percent", value, span } : { kind: "number", value, span };
    }
    if (c["Yes"]) return { kind: "bool", value: true, span };
    if (c["No"]) return { kind: "bool", value: false, span };
    const call = first(c["call"]);
    if (call) return this.expr(call);
    const name = token(c["NameToken"]);
    if (name) return this.name(name);
    return this.exprOf(first(c["expr"]));
  }
}

// ── Operator precedence ──

const precedence = { or: 1, and: 2, not: 3, compare: 4, add: 5, mul: 6, unary: 7 } as const;

const parenthesesHelp = {
  zh: "把「非」和它否定的部分放进括号，如 a = (非 b)",
  en: "put `not` and what it negates in parentheses, e.g. a = (not b)",
};

const compareJoinHelp = {
  zh: "每个比较单独写，用「且」或「或」连起来，如 a >= 30% 且 a <= 60%",
  en: "write each comparison on its own and join them with `and` or `or`, e.g. a >= 30% and a <= 60%",
};

type BinaryKind =
  | { readonly kind: "logical"; readonly op: "and" | "or" }
  | { readonly kind: "arithmetic"; readonly op: A.ArithmeticOp }
  | { readonly kind: "compare"; readonly op: A.CompareOp };

function binaryOf(tok: IToken): { readonly prec: number; readonly node: BinaryKind } | null {
  const type = tok.tokenType;
  const compare = compareOps.get(type);
  if (compare) return { prec: precedence.compare, node: { kind: "compare", op: compare } };
  if (type === Plus) return { prec: precedence.add, node: { kind: "arithmetic", op: "+" } };
  if (type === Minus) return { prec: precedence.add, node: { kind: "arithmetic", op: "-" } };
  if (type === Times) return { prec: precedence.mul, node: { kind: "arithmetic", op: "×" } };
  if (type === Divide) return { prec: precedence.mul, node: { kind: "arithmetic", op: "/" } };
  const concept = conceptOf(type);
  if (concept === Or) return { prec: precedence.or, node: { kind: "logical", op: "or" } };
  if (concept === And) return { prec: precedence.and, node: { kind: "logical", op: "and" } };
  return null;
}

/**
 * Precedence climbing over one expression's operands (each with its prefix operators) and the
 * binary operators between them. Recursion is bounded: by the precedence levels, and by the
 * prefixes of one operand, which the lexer caps (KP105).
 */
class OperandReader {
  /** What the grammar would have refused: where, and what was expected there. Reading goes on as if
   * it had been allowed, so that every mistake of an expression is reported once. */
  readonly errors: { readonly at: IToken; readonly expected: "expr" | "compareJoin" }[] = [];
  private operand = 0;
  private prefix = 0;

  constructor(
    private readonly operands: readonly CstNode[],
    private readonly operators: readonly IToken[],
    /** Lowers what an operand holds after its prefixes. */
    private readonly lowerPrimary: (operand: CstNode) => A.Expr | null,
  ) {}

  expression(min: number): A.Expr | null {
    let left = this.unary(min);
    let compared = false;
    while (left && this.operand < this.operands.length) {
      const opToken = this.operators[this.operand - 1];
      const binary = opToken ? binaryOf(opToken) : null;
      if (!opToken || !binary || binary.prec < min) break;
      if (binary.node.kind === "compare" && compared) this.errors.push({ at: opToken, expected: "compareJoin" });
      const right = this.expression(binary.prec + 1);
      if (!right) return null;
      const span = { start: left.span.start, end: right.span.end };
      left = { ...binary.node, left, right, span } as A.Expr;
      compared = binary.node.kind === "compare";
    }
    return left;
  }

  /** One operand with its remaining prefixes; `min` is the loosest operator allowed here. */
  private unary(min: number): A.Expr | null {
    const node = this.operands[this.operand];
    if (!node) return null;
    const c = node.children as Children;
    const prefixes = tokens(c["PrefixOp"]);
    const prefix = prefixes[this.prefix];
    if (!prefix) {
      this.operand++;
      this.prefix = 0;
      return this.lowerPrimary(node);
    }
    this.prefix++;
    if (prefix.tokenType === Minus) {
      const operand = this.unary(precedence.unary);
      return operand ? { kind: "negate", operand, span: from(prefix, operand.span) } : null;
    }
    // 非 applies to a comparison (非 a > b is 非 (a > b)); it cannot stand inside one or a sum.
    if (min > precedence.not) this.errors.push({ at: prefix, expected: "expr" });
    const operand = this.expression(precedence.not);
    return operand ? { kind: "not", operand, span: from(prefix, operand.span) } : null;
  }
}

// ── CST helpers ──

function nodes(elements: CstElement[] | undefined): CstNode[] {
  return (elements ?? []).filter((e): e is CstNode => "children" in e);
}

// `first` and `token` run for nearly every CST node: loops, not filtered copies, keep the
// lowering from feeding the garbage collector.
function first(elements: CstElement[] | undefined): CstNode | undefined {
  if (elements) for (const e of elements) if ("children" in e) return e;
  return undefined;
}

function tokens(elements: CstElement[] | undefined): IToken[] {
  return (elements ?? []).filter((e): e is IToken => "image" in e && e.startOffset >= 0);
}

function token(elements: CstElement[] | undefined): IToken | undefined {
  if (elements) for (const e of elements) if ("image" in e && e.startOffset >= 0) return e;
  return undefined;
}

const compareOps = new Map<TokenType, A.CompareOp>([
  [GreaterEqual, ">="],
  [LessEqual, "<="],
  [NotEqual, "≠"],
  [Greater, ">"],
  [Less, "<"],
  [Equals, "="],
]);

export function tokenSpan(tok: IToken): A.Span {
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/**
 * A node's half-open span, from Chevrotain's inclusive node location (the lexer gives every token
 * its end offset). A node recovery left without a known end falls back to the end of its last
 * token, found by descending into the last child.
 */
function nodeSpan(node: CstNode): A.Span {
  const start = node.location?.startOffset;
  if (start === undefined || start < 0) return { start: 0, end: 0 };
  const end = node.location?.endOffset;
  if (end !== undefined && end >= 0) return { start, end: Math.max(start, end + 1) };
  return { start, end: Math.max(start, nodeEnd(node)) };
}

function nodeEnd(node: CstNode): number {
  let last: CstElement | undefined;
  let lastStart = -1;
  for (const key in node.children) {
    for (const element of node.children[key] ?? []) {
      const at = "image" in element ? element.startOffset : (element.location?.startOffset ?? -1);
      if (at > lastStart) {
        lastStart = at;
        last = element;
      }
    }
  }
  if (!last) return -1;
  return "image" in last ? last.startOffset + last.image.length : nodeEnd(last);
}

/** The span from a token's start to the end of another span. */
function from(tok: IToken | undefined, end: A.Span): A.Span {
  return { start: tok ? tok.startOffset : end.start, end: end.end };
}

function asciiDigits(text: string): string {
  // Nearly every number is written in ASCII already: skip the replacing then.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return text;
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace("．", ".");
}

function unquote(tok: IToken): { value: string; block: boolean } {
  const image = tok.image;
  if (tok.tokenType === BlockText) return { value: image.slice(3, -3), block: true };
  if (tok.tokenType === CurlyText) return { value: image.slice(1, -1), block: false };
  if (tok.tokenType === UnterminatedText) {
    return image.startsWith('"""')
      ? { value: image.slice(3), block: true }
      : { value: unescapeText(image.slice(1)), block: false };
  }
  if (tok.tokenType === LineText) return { value: unescapeText(image.slice(1, -1)), block: false };
  return { value: image, block: false };
}

function unescapeText(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\(.)/g, "$1");
}

function zero(span: A.Span): A.NumberLiteral {
  return { kind: "number", value: "0", span };
}

function missingName(span: A.Span): A.Name {
  return { kind: "name", name: "", quoted: false, span };
}

/** When a name is a keyword of the other set, say which keyword this file uses instead. */
export function otherSetHelp(tok: IToken, set: A.KeywordSet): { help?: Message; fixes?: readonly Fix[] } {
  const other: A.KeywordSet = set === "zh" ? "en" : "zh";
  const concept = conceptOf(tok.tokenType);
  if (concept) return {};
  const match = findKeyword(tok.image, other);
  if (!match) return {};
  const word = wordOf(match, set);
  return {
    help: {
      zh: `本文件使用${set === "zh" ? "中文" : "英文"}关键字：「${tok.image}」应写成「${word}」`,
      en: `this file uses ${set === "zh" ? "Chinese" : "English"} keywords: write "${word}" for "${tok.image}"`,
    },
    fixes: [replaceWith(tokenSpan(tok), word, { zh: `改为「${word}」`, en: `change to "${word}"` })],
  };
}

function findKeyword(word: string, set: A.KeywordSet) {
  return keywordTable.find((k) => k.words[set].includes(word))?.token;
}
