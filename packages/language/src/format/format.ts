// Why this file is long: one printer class, a method per AST node kind, all sharing the keyword
// set, the names declared and the comment cursor; split, each part would need all three.
// format: AST (+ comments) → canonical text, in either keyword set. Statements keep their order;
// comments stay before the statement they preceded, or at the end of its line. The result is
// re-parsed and compared with the original tree before it is returned (a formatter must never
// change meaning).
import type { IToken, TokenType } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { splitsWhenBare } from "../lex/glued.ts";
import * as T from "../lex/tokens.ts";
import { parse } from "../parse/parse.ts";
import { lineOf, sourceFile, type SourceFile } from "../source.ts";
import { sameTree } from "../tree.ts";
import { precedence } from "../precedence.ts";

export interface FormatOptions {
  /** The keyword set to print; the file's own by default. */
  readonly keywords?: A.KeywordSet;
}

export interface FormatResult {
  /** Null when the text has syntax errors (see diagnostics) and cannot be formatted. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Formats a rubric text canonically; refuses (text null) when it does not parse cleanly. */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  const parsed = parse(text);
  if (hasErrors(parsed.diagnostics)) return { text: null, diagnostics: parsed.diagnostics };
  const set = options.keywords ?? parsed.rubric.keywords;
  const output = new Printer(set, parsed.comments, text, parsed.rubric).rubric(parsed.rubric);
  const reparsed = parse(output);
  if (hasErrors(reparsed.diagnostics) || !sameTree(parsed.rubric, reparsed.rubric)) {
    // A printer fault, not the user's: refuse, as data, rather than throw at the caller.
    const fault = diagnostic("KP901", { start: 0, end: 0 }, { keywords: set });
    return { text: null, diagnostics: [...parsed.diagnostics, fault] };
  }
  return { text: output, diagnostics: parsed.diagnostics };
}

const indentUnit = "  ";

/** The word of each rounding mode. */
const roundWords = { half: T.Round, down: T.RoundDown, up: T.RoundUp } as const;

class Printer {
  private readonly lines: string[] = [];
  private pending: IToken[];
  private readonly file: SourceFile;
  /** Declared names printed bare: the lexer reads other bare names as glued to them. */
  private readonly declared: ReadonlySet<string>;
  private readonly splits: (name: string) => boolean;

  constructor(
    private readonly set: A.KeywordSet,
    comments: readonly IToken[],
    private readonly source: string,
    rubric: A.Rubric,
  ) {
    this.pending = [...comments];
    this.file = sourceFile("", source);
    this.declared = new Set(
      [...rubric.inputs, ...rubric.lets].map((d) => d.name.name).filter((n) => T.writeName(n, set) === n),
    );
    this.splits = splitsWhenBare(set, this.declared);
  }

  private cohort(expr: A.CohortCall): string {
    if (expr.arg === null) return this.kw(T.CohortSize);
    const word = { rank: T.Rank, max: T.CohortMax, min: T.CohortMin, average: T.CohortAverage, size: T.CohortSize }[
      expr.fn
    ];
    const options = [...(expr.ascending ? [T.Ascending] : []), ...(expr.dense ? [T.Dense] : [])].map((o) => this.kw(o));
    return `${this.kw(word)}(${[this.expr(expr.arg), ...options].join(", ")})`;
  }

  private kw(token: TokenType): string {
    return T.wordOf(token, this.set);
  }

  rubric(rubric: A.Rubric): string {
    this.leading(rubric.id?.span.start ?? rubric.title?.span.start ?? 0, 0);
    const head = [
      this.kw(T.Rubric),
      rubric.id ? this.name(rubric.id) : null,
      rubric.title ? this.text(rubric.title) : null,
    ];
    const close = this.closingBrace();
    this.line(0, `${head.filter((p) => p !== null).join(" ")} {`);
    this.trailing(rubric.title?.span.end ?? rubric.id?.span.end ?? 0);
    const entries: Entry[] = [];
    const h = rubric.header;
    if (h.subject)
      entries.push({
        group: "header",
        start: h.subject.span.start,
        end: h.subject.span.end,
        print: (d) => this.line(d, `${this.kw(T.Subject)} ${this.text(h.subject as A.Text)}`),
      });
    if (h.version)
      entries.push({
        group: "header",
        start: h.version.span.start,
        end: h.version.span.end,
        print: (d) => this.line(d, `${this.kw(T.Version)} ${this.text(h.version as A.Text)}`),
      });
    if (h.effective) {
      const effective = h.effective;
      entries.push({
        group: "header",
        start: effective.span.start,
        end: effective.span.end,
        print: (d) => this.line(d, `${this.kw(T.Effective)} ${effective.value}`),
      });
    }
    if (h.total) {
      const total = h.total;
      entries.push({
        group: "header",
        start: total.span.start,
        end: total.span.end,
        print: (d) => this.line(d, `${this.kw(T.Total)} ${total.value}`),
      });
    }
    entries.push(...this.declarations(rubric.inputs, rubric.lets, null));
    if (rubric.grades.length > 0) {
      const first = rubric.grades[0] as A.Grade;
      const last = rubric.grades.at(-1) as A.Grade;
      entries.push({
        group: "block",
        start: first.span.start,
        end: last.span.end,
        print: (d) => this.grades(rubric.grades, d),
      });
    }
    for (const veto of rubric.vetoes) {
      entries.push({
        group: "veto",
        start: veto.span.start,
        end: veto.span.end,
        print: (d) =>
          this.line(d, `${this.kw(T.Veto)} ${this.text(veto.reason)} ${this.kw(T.When)} ${this.expr(veto.condition)}`),
      });
    }
    for (const item of rubric.items)
      entries.push({
        group: "block",
        start: item.span.start,
        end: item.span.end,
        print: (d) => this.item(item, rubric, d),
      });
    for (const test of rubric.tests)
      entries.push({ group: "block", start: test.span.start, end: test.span.end, print: (d) => this.test(test, d) });
    this.entries(entries, 1);
    this.leading(close, 1);
    this.line(0, "}");
    this.leading(this.source.length, 0);
    return `${this.lines.join("\n")}\n`;
  }

  private declarations(inputs: readonly A.Input[], lets: readonly A.Let[], item: A.Item | null): Entry[] {
    // A declaration belongs to the block it is written in: item numbers may repeat (KP303).
    const inside = (d: { readonly item: number | null; readonly span: A.Span }) =>
      item === null
        ? d.item === null
        : d.item === item.number && d.span.start >= item.span.start && d.span.end <= item.span.end;
    const entries: Entry[] = [];
    for (const input of inputs) {
      if (!inside(input)) continue;
      entries.push({
        group: "declaration",
        start: input.span.start,
        end: input.span.end,
        print: (d) => this.line(d, this.input(input)),
      });
    }
    for (const decl of lets) {
      if (!inside(decl)) continue;
      entries.push({
        group: "declaration",
        start: decl.span.start,
        end: decl.span.end,
        print: (d) => this.line(d, `${this.kw(T.Let)} ${this.name(decl.name)} = ${this.expr(decl.expr)}`),
      });
    }
    return entries;
  }

  /**
   * Prints entries in source order, a blank line between groups and around blocks; criteria follow
   * one another without one, as the rubrics and docs/language.md lay them out.
   */
  private entries(entries: Entry[], depth: number): void {
    entries.sort((a, b) => a.start - b.start);
    let previous: Entry["group"] | null = null;
    for (const entry of entries) {
      if (previous !== null && (previous !== entry.group || entry.group === "block")) this.lines.push("");
      this.leading(entry.start, depth);
      entry.print(depth);
      this.trailing(entry.end);
      previous = entry.group;
    }
  }

  private input(input: A.Input): string {
    const parts = [`${this.kw(T.Input)} ${this.name(input.name)}: ${this.inputType(input.type)}`];
    if (input.label) parts.push(this.text(input.label));
    if (input.help) parts.push(`${this.kw(T.Help)} ${this.text(input.help)}`);
    if (input.default) parts.push(`${this.kw(T.Default)} ${this.expr(input.default)}`);
    return parts.join(" ");
  }

  private inputType(type: A.InputType): string {
    switch (type.kind) {
      case "yesno":
        return this.kw(T.YesNoType);
      case "count":
        return this.kw(T.CountType);
      case "percent":
        return type.range
          ? `${this.kw(T.PercentType)} ${this.expr(type.range.min)} ${this.kw(T.To)} ${this.expr(type.range.max)}`
          : this.kw(T.PercentType);
      case "number":
        return type.unit
          ? `${this.kw(T.NumberType)} ${this.kw(T.Unit)} ${this.text(type.unit)}`
          : this.kw(T.NumberType);
      case "score": {
        const range = `${this.kw(T.ScoreType)} ${type.min.value} ${this.kw(T.To)} ${type.max.value}`;
        return type.step ? `${range} ${this.kw(T.Step)} ${type.step.value}` : range;
      }
    }
  }

  private grades(grades: readonly A.Grade[], depth: number): void {
    const band = (grade: A.Grade) =>
      grade.min ? `${this.text(grade.label)} >= ${grade.min.value}` : this.text(grade.label);
    // One band a line, with the comments among them; when no comment lands there, one line, like
    // the sheet's own legend. Deciding by what was printed keeps the choice idempotent.
    const start = this.lines.length;
    const pending = this.pending.length;
    this.line(depth, `${this.kw(T.Grades)} {`);
    for (const grade of grades) {
      this.leading(grade.span.start, depth + 1);
      this.line(depth + 1, band(grade));
      this.trailing(grade.span.end);
    }
    this.line(depth, "}");
    if (this.pending.length === pending) {
      this.lines.splice(start);
      this.line(depth, `${this.kw(T.Grades)} { ${grades.map(band).join("  ")} }`);
    }
  }

  private item(item: A.Item, rubric: A.Rubric, depth: number): void {
    const head = [this.kw(T.Item), String(item.number)];
    if (item.title) head.push(this.text(item.title));
    head.push(this.kw(T.Standard), item.standard?.value ?? "0");
    this.line(depth, `${head.join(" ")} {`);
    this.trailing(item.standard?.span.end ?? item.title?.span.end ?? item.numberSpan.end);
    const entries: Entry[] = [];
    if (item.content) {
      const content = item.content;
      entries.push({
        group: "declaration",
        start: content.span.start,
        end: content.span.end,
        print: (d) => this.line(d, `${this.kw(T.Content)} ${this.text(content)}`),
      });
    }
    entries.push(...this.declarations(rubric.inputs, rubric.lets, item));
    for (const criterion of item.criteria) {
      entries.push({
        group: "criterion",
        start: criterion.span.start,
        end: criterion.span.end,
        print: (d) => this.criterion(criterion, d),
      });
    }
    this.entries(entries, depth + 1);
    this.leading(item.span.end, depth + 1);
    this.line(depth, "}");
  }

  private criterion(criterion: A.Criterion, depth: number): void {
    const head = [this.kw(T.Criterion), String(criterion.number)];
    if (criterion.text) head.push(this.text(criterion.text));
    this.line(depth, `${head.join(" ")} {`);
    this.trailing(criterion.text?.span.end ?? criterion.numberSpan.end);
    if (criterion.rule) {
      this.leading(criterion.rule.span.start, depth + 1);
      const rule = criterion.rule;
      const [first, ...rest] = this.ruleParts(rule);
      const clauses = rule.kind === "deduction" || rule.kind === "bonus" ? rule.clauses.length : 0;
      if (clauses <= 1 && rule.knockOuts.length === 0) {
        this.line(depth + 1, [first, ...rest].join(" "));
      } else {
        this.line(depth + 1, first ?? "");
        for (const part of rest) this.line(depth + 1, part);
      }
      this.trailing(criterion.rule.span.end);
    }
    this.leading(criterion.span.end, depth + 1);
    this.line(depth, "}");
  }

  /** A rule as its parts (head, clauses, cap or floor, knock-outs), to print on one line or several. */
  private ruleParts(rule: A.Rule): string[] {
    const knockOuts = rule.knockOuts.map((k) => `${this.kw(T.Zero)} ${this.kw(T.When)} ${this.expr(k.condition)}`);
    switch (rule.kind) {
      case "award": {
        let head = `${this.kw(T.Award)} ${this.points(rule.amount)}`;
        if (rule.condition) head += ` ${this.kw(T.When)} ${this.expr(rule.condition)}`;
        if (rule.otherwise) head += ` ${this.kw(T.Else)} ${this.points(rule.otherwise)}`;
        return [head, ...knockOuts];
      }
      case "discretionary": {
        let head = `${this.kw(T.Discretionary)} ${this.name(rule.input)}`;
        if (rule.suggestion) head += ` ${this.kw(T.Suggest)} ${this.expr(rule.suggestion)}`;
        return [head, ...knockOuts];
      }
      case "deduction": {
        const parts = [
          `${this.kw(T.Base)} ${this.points(rule.base)}`,
          ...rule.clauses.map((c) => this.clause(c, T.Deduct)),
        ];
        if (rule.cap) parts.push(`${this.kw(T.DeductCap)} ${this.points(rule.cap.amount)}`);
        if (rule.floor) parts.push(`${this.kw(T.Floor)} ${this.points(rule.floor)}`);
        return [...parts, ...knockOuts];
      }
      case "bonus": {
        const parts = rule.clauses.map((c) => this.clause(c, T.Bonus));
        if (rule.cap) parts.push(`${this.kw(T.Cap)} ${this.points(rule.cap)}`);
        return [...parts, ...knockOuts];
      }
    }
  }

  /** Chinese reads 每 x 扣 1; English reads deduct 1 per x. */
  private clause(clause: A.Clause, verb: TokenType): string {
    const amount = `${this.kw(verb)} ${this.points(clause.amount)}`;
    if (clause.kind === "when") return `${amount} ${this.kw(T.When)} ${this.expr(clause.condition)}`;
    const count = this.expr(clause.count, precedence.add);
    return this.set === "zh" ? `${this.kw(T.Per)} ${count} ${amount}` : `${amount} ${this.kw(T.Per)} ${count}`;
  }

  private points(points: A.Points): string {
    const expr = this.expr(points.expr, precedence.add);
    if (!points.unit) return expr;
    const unit =
      this.set === "en" && points.expr.kind === "number" && points.expr.value === "1" ? "point" : this.kw(T.PointsUnit);
    return `${expr} ${unit}`;
  }

  private test(test: A.Test, depth: number): void {
    const head = [
      this.kw(T.Test),
      test.name ? this.text(test.name) : null,
      test.base ? `${this.kw(T.Based)} ${this.text(test.base)}` : null,
    ];
    this.line(depth, `${head.filter((p) => p !== null).join(" ")} {`);
    if (test.given.length > 0) {
      this.line(depth + 1, `${this.kw(T.Given)} {`);
      for (const given of test.given) {
        this.leading(given.span.start, depth + 2);
        const reason = given.reason ? ` ${this.kw(T.Reason)} ${this.text(given.reason)}` : "";
        this.line(depth + 2, `${this.name(given.name)} = ${this.expr(given.value)}${reason}`);
        this.trailing(given.span.end);
      }
      this.line(depth + 1, "}");
    }
    if (test.expect.length > 0) {
      this.line(depth + 1, `${this.kw(T.Expect)} {`);
      for (const expectation of test.expect) {
        this.leading(expectation.span.start, depth + 2);
        const value = expectation.value.kind === "text" ? this.text(expectation.value) : this.expr(expectation.value);
        this.line(depth + 2, `${this.target(expectation.target)} = ${value}`);
        this.trailing(expectation.span.end);
      }
      this.line(depth + 1, "}");
    }
    this.leading(test.span.end, depth + 1);
    this.line(depth, "}");
  }

  private target(target: A.ExpectTarget): string {
    switch (target.kind) {
      case "item":
        return `${this.kw(T.Item)} ${target.item}`;
      case "criterion":
        return `${this.kw(T.Criterion)} ${target.item}.${target.criterion}`;
      case "total":
        return this.set === "zh" ? "总分" : this.kw(T.Total);
      case "grade":
        return this.set === "zh" ? this.kw(T.Grades) : "grade";
    }
  }

  // ── Expressions ──

  expr(expr: A.Expr, min: number = precedence.if): string {
    const [text, prec] = this.exprWithPrecedence(expr);
    return prec < min ? `(${text})` : text;
  }

  private exprWithPrecedence(expr: A.Expr): [string, number] {
    switch (expr.kind) {
      case "number":
        return [expr.value, precedence.atom];
      case "percent":
        return [`${expr.value}%`, precedence.atom];
      case "bool":
        return [this.kw(expr.value ? T.Yes : T.No), precedence.atom];
      case "name":
        return [this.name(expr), precedence.atom];
      case "call":
        return [
          `${this.kw(expr.fn === "min" ? T.Min : T.Max)}(${expr.args.map((a) => this.expr(a)).join(", ")})`,
          precedence.atom,
        ];
      case "cohort":
        return [this.cohort(expr), precedence.atom];
      case "round": {
        const args = [this.expr(expr.operand), ...(expr.digits ? [this.expr(expr.digits)] : [])];
        return [`${this.kw(roundWords[expr.mode])}(${args.join(", ")})`, precedence.atom];
      }
      case "percentPoints":
        return [`${this.expr(expr.operand, precedence.atom)} ${this.kw(T.PercentPoints)}`, precedence.postfix];
      case "negate":
        return [`-${this.expr(expr.operand, precedence.unary)}`, precedence.unary];
      case "not":
        return [`${this.kw(T.Not)} ${this.expr(expr.operand, precedence.not)}`, precedence.not];
      case "if":
        return [
          `${this.kw(T.If)} ${this.expr(expr.condition)} ${this.kw(T.Then)} ${this.expr(expr.then)} ${this.kw(T.Else)} ${this.expr(expr.otherwise)}`,
          precedence.if,
        ];
      case "logical": {
        const p = expr.op === "or" ? precedence.or : precedence.and;
        const word = this.kw(expr.op === "or" ? T.Or : T.And);
        return [`${this.expr(expr.left, p)} ${word} ${this.expr(expr.right, p + 1)}`, p];
      }
      case "compare":
        return [
          `${this.expr(expr.left, precedence.add)} ${expr.op} ${this.expr(expr.right, precedence.add)}`,
          precedence.compare,
        ];
      case "arithmetic": {
        const p = expr.op === "+" || expr.op === "-" ? precedence.add : precedence.mul;
        return [`${this.expr(expr.left, p)} ${expr.op} ${this.expr(expr.right, p + 1)}`, p];
      }
    }
  }

  // Quotes only where a bare name would not read back as the same name: the printed text
  // depends on the tree and the keyword set alone, so a translation there and back gives the
  // same text.
  private name(name: A.Name): string {
    const bare =
      this.declared.has(name.name) || (T.writeName(name.name, this.set) === name.name && !this.splits(name.name));
    return bare ? name.name : `「${name.name}」`;
  }

  private text(text: A.Text): string {
    if (text.block || text.value.includes("\n")) return `"""${text.value}"""`;
    return T.writeText(text.value);
  }

  // ── Lines and comments ──

  private line(depth: number, content: string): void {
    this.lines.push(indentUnit.repeat(depth) + content);
  }

  /** Where the rubric's closing brace is: the comments written after it stay after it. */
  private closingBrace(): number {
    let end = this.source.length;
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const comment = this.pending[i] as IToken;
      if (/[}｝]/.test(this.source.slice(comment.startOffset + comment.image.length, end))) break;
      end = comment.startOffset;
    }
    return end;
  }

  /** Prints the comments written before `offset` on lines of their own. */
  private leading(offset: number, depth: number): void {
    while (this.pending.length > 0 && (this.pending[0] as IToken).startOffset < offset) {
      const comment = this.pending.shift() as IToken;
      this.line(depth, comment.image.trimEnd());
    }
  }

  /** Appends a comment that followed `offset` on the same source line to the last printed line. */
  private trailing(offset: number): void {
    const next = this.pending[0];
    if (!next || next.startOffset < offset) return;
    // By line numbers, not a scan between them: on a one-line file every statement would scan to the comment.
    if (lineOf(this.file, offset) !== lineOf(this.file, next.startOffset)) return;
    this.pending.shift();
    this.lines[this.lines.length - 1] += ` ${next.image.trimEnd()}`;
  }
}

interface Entry {
  readonly group: "header" | "declaration" | "veto" | "criterion" | "block";
  readonly start: number;
  readonly end: number;
  readonly print: (depth: number) => void;
}
