// parse: source text → AST and syntax diagnostics. Lexes, cuts the tokens into statements
// (split.ts), parses each statement with the grammar, and lowers the result. Recovers from
// errors to report them all; never throws on user input.
import type { CstNode, IRecognitionException, IToken, TokenType } from "chevrotain";
import type { KeywordSet, Rubric, Span } from "../ast.ts";
import { diagnostic, type Diagnostic, type Message } from "../diagnostics/diagnostic.ts";
import { lex } from "../lex/lex.ts";
import { maxNesting } from "../lex/nesting.ts";
import { allTokenTypes, conceptOf, LBrace, RBrace } from "../lex/tokens.ts";
import { tokenSpan } from "../lower/cst.ts";
import { Lowering, type ParsedStatement } from "../lower/lower.ts";
import { describeExpected, describeToken, describeTokenType, hasContext, isExpressionRule } from "../lex/describe.ts";
import { grammar, TooManyErrors } from "./grammar.ts";
import { otherSetHelp } from "./other-set-help.ts";
import { splitRubric, type Statement } from "./split.ts";

export interface ParseResult {
  readonly rubric: Rubric;
  readonly diagnostics: readonly Diagnostic[];
  /** The `#` comments, for the formatter. */
  readonly comments: readonly IToken[];
}

const tokenTypeByName = new Map(allTokenTypes.map((t) => [t.name, t]));
const endOfFile: Message = { zh: "文件结尾", en: "the end of the file" };

/** Parses a rubric text into its AST, with every lexical and syntax diagnostic. */
export function parse(text: string): ParseResult {
  const lexed = lex(text);
  const parser = new StatementParser(lexed.keywords, text.length);
  let rubric: Rubric;
  const lowering = new Lowering(lexed.keywords);
  try {
    const split = splitRubric(lexed.tokens);
    const header = parser.run("rubricHeader", split.header, split.open);
    if (split.header.length === 0 || !header) {
      const word = lexed.keywords === "zh" ? "评分细则" : "rubric";
      const help = {
        zh: `文件的第一句是：${word} 编号 "标题" { … }`,
        en: `the file starts: ${word} <id> "<title>" { … }`,
      };
      parser.diagnostics.push(
        diagnostic("KP202", spanAt(split.header[0] ?? split.open ?? lexed.tokens[0], text.length), {}, { help }),
      );
    }
    if (!split.open && split.header.length > 0)
      parser.expected(split.body.length > 0 ? firstToken(split.body[0]) : split.trailing[0], {
        zh: "「{」",
        en: "`{`",
      });
    parser.statements(split.body, (statement) => lowering.add(statement));
    if (split.open && !split.close) parser.expected(split.trailing[0], { zh: "「}」", en: "`}`" });
    if (split.trailing.length > 0) parser.expected(split.trailing[0], endOfFile);
    rubric = lowering.rubric(header ?? null, text.length);
  } catch (error) {
    // The lexer bounds nesting; this is the last guard should some other shape still recurse too deep.
    if (!(error instanceof RangeError)) throw error;
    parser.diagnostics.push(diagnostic("KP105", { start: 0, end: Math.min(text.length, 1) }, { limit: maxNesting }));
    rubric = new Lowering(lexed.keywords).rubric(null, text.length);
  } finally {
    grammar.input = [];
  }
  return {
    rubric,
    diagnostics: [...lexed.diagnostics, ...parser.diagnostics, ...lowering.diagnostics],
    comments: lexed.comments,
  };
}

function is(token: IToken, type: TokenType): boolean {
  return token.tokenType === type || conceptOf(token.tokenType) === type;
}

function firstToken(statement: Statement | undefined): IToken | undefined {
  if (!statement) return undefined;
  return statement.kind === "item" ? statement.header[0] : statement.tokens[0];
}

function spanAt(token: IToken | undefined, textLength: number): Span {
  return token ? tokenSpan(token) : { start: textLength, end: textLength };
}

class StatementParser {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly keywords: KeywordSet,
    private readonly textLength: number,
  ) {}

  /** Parses statements in order, handing each to `done` as soon as it is parsed. */
  statements(statements: readonly Statement[], done: (statement: ParsedStatement) => void): void {
    // Whether the statement before went wrong: a body right after it ({ … }) is the same mistake.
    let previousFailed = false;
    for (const statement of statements) {
      const before = this.diagnostics.length;
      if (statement.kind === "junk") {
        const first = statement.tokens[0] as IToken;
        if (previousFailed && is(first, LBrace)) continue;
        this.diagnostics.push(
          diagnostic(
            "KP201",
            tokenSpan(first),
            {
              expected: describeExpected(
                statement.block === "rubric" ? "rubricStatement" : "itemStatement",
                this.keywords,
              ),
              found: describeToken(first),
            },
            otherSetHelp(first, this.keywords),
          ),
        );
      } else if (statement.kind === "item") {
        const header = this.run("itemHeader", statement.header, statement.open ?? statement.next);
        if (!statement.open) this.expected(statement.next, { zh: "「{」", en: "`{`" });
        const body: ParsedStatement[] = [];
        this.statements(statement.body, (s) => body.push(s));
        if (statement.open && !statement.close) this.expected(statement.next, { zh: "「}」", en: "`}`" });
        const first = statement.header[0] as IToken;
        const last = statement.close ?? lastToken(statement.body) ?? statement.header.at(-1) ?? first;
        const span = { start: first.startOffset, end: last.startOffset + last.image.length };
        if (header) done({ kind: "item", header, body, span });
      } else {
        const cst = this.run(statement.rule, statement.tokens, statement.next);
        if (cst) done({ kind: "cst", cst });
      }
      previousFailed = this.diagnostics.length > before;
    }
  }

  /** Parses one statement's tokens with one grammar rule. */
  run(
    rule: "rubricHeader" | "itemHeader" | Statement["kind"] | string,
    tokens: readonly IToken[],
    next: IToken | undefined,
  ): CstNode | undefined {
    if (tokens.length === 0) return undefined;
    grammar.input = tokens as IToken[];
    const invoke = (grammar as unknown as Record<string, () => CstNode>)[rule];
    if (!invoke) return undefined;
    let cst: CstNode | undefined;
    try {
      cst = invoke.call(grammar);
    } catch (error) {
      // Too many errors in one statement: report those found, and drop the statement.
      if (!(error instanceof TooManyErrors)) throw error;
    }
    this.report(grammar.errors, next);
    return cst;
  }

  /** Reports "expected …" at a token (or the end of the file). */
  expected(at: IToken | undefined, expected: Message): void {
    this.diagnostics.push(
      diagnostic("KP201", spanAt(at, this.textLength), { expected, found: at ? describeToken(at) : endOfFile }),
    );
  }

  private report(errors: readonly IRecognitionException[], next: IToken | undefined): void {
    const seen = new Set<number>();
    for (const error of errors) {
      // A statement's end of input is where the next statement (or the end of the file) begins.
      const atEnd = error.token.startOffset < 0;
      const token = atEnd ? next : error.token;
      const at = token?.startOffset ?? this.textLength;
      if (seen.has(at)) continue;
      seen.add(at);
      const expectedName = /-->\s*(\w+)\s*<--/.exec(error.message)?.[1];
      const rule = error.context.ruleStack.at(-1) ?? "";
      let expected: Message;
      if (error.name === "NotAllInputParsedException") expected = this.statementEnd();
      else if (error.name === "MismatchedTokenException" && expectedName && tokenTypeByName.has(expectedName)) {
        expected = describeTokenType(tokenTypeByName.get(expectedName) ?? RBrace, this.keywords);
      } else expected = describeExpected(hasContext(rule) && !isExpressionRule(rule) ? rule : "expr", this.keywords);
      const found = token ? describeToken(token) : endOfFile;
      this.diagnostics.push(
        diagnostic(
          "KP201",
          spanAt(token, this.textLength),
          { expected, found },
          token ? otherSetHelp(token, this.keywords) : {},
        ),
      );
    }
  }

  private statementEnd(): Message {
    return { zh: "语句结束", en: "the end of the statement" };
  }
}

function lastToken(statements: readonly Statement[]): IToken | undefined {
  const last = statements.at(-1);
  if (!last) return undefined;
  if (last.kind === "item") return last.close ?? lastToken(last.body) ?? last.header.at(-1);
  return last.tokens.at(-1);
}
