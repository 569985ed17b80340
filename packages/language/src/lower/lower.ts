// lower: concrete syntax tree → typed AST, statement by statement. The header, declarations,
// items and criteria are lowered here; rules (rules.ts), expressions (expressions.ts), tests
// (tests.ts) and literals (literals.ts) each have their own file. Recovered (partial) nodes lower
// to nulls, never to exceptions.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, replaceWith, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { first, nodeSpan, nodes, token, tokenSpan, tokens, type Children } from "./cst.ts";
import { ExpressionLowering } from "./expressions.ts";
import {
  lowerLiteral,
  lowerName,
  lowerNumber,
  lowerOrdinal,
  lowerSignedNumber,
  lowerText,
  lowerUnsignedNumber,
  missingName,
  zero,
} from "./literals.ts";
import { lowerRule } from "./rules.ts";
import { lowerTest } from "./tests.ts";

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
  private readonly expressions: ExpressionLowering;
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

  constructor(private readonly keywords: A.KeywordSet) {
    this.expressions = new ExpressionLowering(this.diagnostics, keywords);
  }

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
        tests.push(lowerTest(node, this.diagnostics));
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
      id: name ? lowerName(name) : null,
      title: lowerText(token(c["TextToken"])),
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
    if (c["Subject"]) setOnce("subject", lowerText(token(c["TextToken"])), span, { zh: "对象", en: "the subject" });
    if (c["Version"]) setOnce("version", lowerText(token(c["TextToken"])), span, { zh: "版本", en: "the version" });
    if (c["Effective"]) {
      const date = token(c["DateLiteral"]);
      if (date) setOnce("effective", this.date(date), span, { zh: "生效日期", en: "the effective date" });
    }
    if (c["Total"]) setOnce("total", lowerNumber(token(c["NumberLiteral"])), span, { zh: "满分", en: "the total" });
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
      name: nameToken ? lowerName(nameToken) : missingName(span),
      type: typeNode ? this.inputType(typeNode) : { kind: "yesno", span },
      // With help but one text, the one text is the help (the label was left out).
      label: hasHelp && texts.length < 2 ? null : lowerText(texts[0]),
      help: hasHelp ? lowerText(texts[texts.length - 1]) : null,
      default: literalNode ? lowerLiteral(literalNode) : null,
      item,
      span,
    };
  }

  private inputType(node: CstNode): A.InputType {
    const c = node.children as Children;
    const span = nodeSpan(node);
    if (c["CountType"]) return { kind: "count", span };
    if (c["NumberType"]) return { kind: "number", unit: lowerText(token(c["TextToken"])), span };
    if (c["PercentType"]) return { kind: "percent", range: this.percentRange(c), span };
    if (c["ScoreType"]) {
      const [min, max, step] = nodes(c["signedNumber"]).map((n) => lowerUnsignedNumber(n, this.diagnostics));
      return { kind: "score", min: min ?? zero(span), max: max ?? zero(span), step: step ?? null, span };
    }
    return { kind: "yesno", span };
  }

  /** `百分比 a% 至 b%`: a number without its % is read as a percent and reported with the fix. */
  private percentRange(c: Children): { min: A.PercentLiteral | A.Negate; max: A.PercentLiteral | A.Negate } | null {
    const [lo, hi] = nodes(c["signedNumber"]).map((n) => lowerSignedNumber(n));
    if (!lo || !hi) return null;
    const signs = tokens(c["PercentSign"]).map((t) => t.startOffset);
    const bound = (n: A.NumberLiteral | A.Negate): A.PercentLiteral | A.Negate => {
      const literal = (n.kind === "negate" ? n.operand : n) as A.NumberLiteral;
      const hasSign = signs.includes(literal.span.end);
      if (!hasSign) {
        const at = { start: literal.span.end, end: literal.span.end };
        this.diagnostics.push(
          diagnostic(
            "KP526",
            n.span,
            { value: literal.value },
            { fixes: [replaceWith(at, "%", { zh: `写成 ${literal.value}%`, en: `write ${literal.value}%` })] },
          ),
        );
      }
      const end = hasSign ? literal.span.end + 1 : literal.span.end;
      const percent: A.PercentLiteral = {
        kind: "percent",
        value: literal.value,
        span: { start: literal.span.start, end },
      };
      return n.kind === "negate" ? { kind: "negate", operand: percent, span: { start: n.span.start, end } } : percent;
    };
    return { min: bound(lo), max: bound(hi) };
  }

  private letDecl(node: CstNode, item: number | null): void {
    const c = node.children as Children;
    const nameToken = token(c["NameToken"]);
    const expr = this.expressions.exprOf(first(c["expr"]));
    if (!nameToken || !expr) return;
    this.lets.push({ kind: "let", name: lowerName(nameToken), expr, item, span: nodeSpan(node) });
  }

  private grades(node: CstNode): A.Grade[] {
    return nodes((node.children as Children)["gradeBand"]).flatMap((band) => {
      const c = band.children as Children;
      const label = lowerText(token(c["TextToken"]));
      if (!label) return [];
      const min = token(c["NumberLiteral"]);
      return [{ kind: "grade" as const, label, min: min ? lowerNumber(min) : null, span: nodeSpan(band) }];
    });
  }

  private veto(node: CstNode): A.Veto | null {
    const c = node.children as Children;
    const reason = lowerText(token(c["TextToken"]));
    const condition = this.expressions.exprOf(first(c["expr"]));
    if (!reason || !condition) return null;
    return { kind: "veto", reason, condition, span: nodeSpan(node) };
  }

  private item(statement: Extract<ParsedStatement, { kind: "item" }>): A.Item {
    const c = statement.header.children as Children;
    const [numberToken, standardToken] = tokens(c["NumberLiteral"]);
    const number = lowerOrdinal(numberToken, this.diagnostics);
    let content: A.Text | null = null;
    const criteria: A.Criterion[] = [];
    for (const part of statement.body) {
      if (part.kind !== "cst") continue;
      const node = part.cst;
      if (node.name === "inputDecl") this.inputs.push(this.input(node, number));
      else if (node.name === "letDecl") this.letDecl(node, number);
      else if (node.name === "criterion") criteria.push(this.criterion(node));
      else if (node.name === "content") {
        const text = lowerText(token((node.children as Children)["TextToken"]));
        if (content && text)
          this.diagnostics.push(diagnostic("KP204", text.span, { field: { zh: "内容", en: "the content" } }));
        else content = text;
      }
    }
    return {
      kind: "item",
      number,
      title: lowerText(token(c["TextToken"])),
      standard: standardToken ? lowerNumber(standardToken) : null,
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
      number: lowerOrdinal(numberToken, this.diagnostics),
      text: lowerText(token(c["TextToken"])),
      rule: ruleNode ? lowerRule(ruleNode, this.expressions) : null,
      span,
      numberSpan: numberToken ? tokenSpan(numberToken) : span,
    };
  }
}
