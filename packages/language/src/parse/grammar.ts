// Why this file is long: Chevrotain wants every rule of one parser on one class, so
// the grammar is one class; its rules are already one per statement kind.
// The grammar, and only the grammar: Chevrotain rules that build a concrete syntax tree, one
// statement at a time (split.ts cuts the token stream into statements by their braces, so an
// error stays inside its statement). Meaning is given by the CST → AST lowering (lower/).
// One parser instance is built once and reused.
import { CstParser, type IOrAlt } from "chevrotain";
import * as T from "../lex/tokens.ts";

/** Syntax errors per statement; past this many, the rest of the statement is not read. */
const maxStatementErrors = 50;

/** Thrown out of the grammar when a statement has too many errors: the parse of it stops there. */
export class TooManyErrors extends Error {}

class RubricGrammar extends CstParser {
  /**
   * Each OR's alternatives, built on first use and reused: a fresh array of closures on every
   * call costs allocation and GC (Chevrotain's performance guide, "caching arrays of alternatives").
   */
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};

  /** Errors saved since the last input was set. */
  private statementErrors = 0;

  constructor() {
    super(T.allTokenTypes, { recoveryEnabled: true, nodeLocationTracking: "onlyOffset", maxLookahead: 3 });
    this.performSelfAnalysis();
    // Every error Chevrotain recovers from is saved here first. Unbounded, they cost twice: a
    // repetition (MANY) re-enters itself by recursion after each re-sync, so 1,500 slips in one
    // test's expectations overflowed the stack, and whether they did depended on how warm the
    // code was (the same text, different answers); and 64,000 operators without operands took a
    // minute. Past a fixed number the statement is abandoned (parse.ts reports what was saved),
    // so the depth and the work are bounded and the answer fixed. SAVE_ERROR is a method of
    // Chevrotain's error-handling trait, outside its typed API.
    const parser = this as unknown as { SAVE_ERROR: (error: unknown) => unknown };
    const save = parser.SAVE_ERROR;
    parser.SAVE_ERROR = (error) => {
      if (++this.statementErrors > maxStatementErrors) throw new TooManyErrors();
      return save.call(this, error);
    };
  }

  override reset(): void {
    super.reset();
    this.statementErrors = 0;
  }

  /** `评分细则 id "title"`, before the rubric's opening brace. */
  rubricHeader = this.RULE("rubricHeader", () => {
    this.CONSUME(T.Rubric);
    this.OPTION(() => this.CONSUME(T.NameToken));
    this.OPTION2(() => this.CONSUME(T.TextToken));
  });

  headerField = this.RULE("headerField", () => {
    this.OR(
      (this.alts["headerField"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Subject);
            this.CONSUME(T.TextToken);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Version);
            this.CONSUME2(T.TextToken);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Effective);
            this.CONSUME(T.DateLiteral);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Total);
            this.CONSUME(T.NumberLiteral);
            this.OPTION(() => this.CONSUME(T.PointsUnit));
          },
        },
      ]),
    );
  });

  inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.NameToken);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.inputType);
    this.OPTION(() => this.CONSUME(T.TextToken));
    this.OPTION2(() => {
      this.CONSUME(T.Help);
      this.CONSUME2(T.TextToken);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Default);
      this.SUBRULE(this.literal);
    });
  });

  inputType = this.RULE("inputType", () => {
    this.OR(
      (this.alts["inputType"] ??= [
        { ALT: () => this.CONSUME(T.YesNoType) },
        { ALT: () => this.CONSUME(T.CountType) },
        {
          ALT: () => {
            this.CONSUME(T.NumberType);
            this.OPTION(() => {
              this.CONSUME(T.Unit);
              this.CONSUME(T.TextToken);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.PercentType);
            // `百分比 0% 至 200%`: its own range (a missing % is read, and reported by the lowering).
            this.OPTION3(() => {
              this.SUBRULE4(this.signedNumber);
              this.OPTION4(() => this.CONSUME(T.PercentSign));
              this.CONSUME2(T.To);
              this.SUBRULE5(this.signedNumber);
              this.OPTION5(() => this.CONSUME2(T.PercentSign));
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ScoreType);
            this.SUBRULE(this.signedNumber);
            this.CONSUME(T.To);
            this.SUBRULE2(this.signedNumber);
            this.OPTION2(() => {
              this.CONSUME(T.Step);
              this.SUBRULE3(this.signedNumber);
            });
          },
        },
      ]),
    );
  });

  letDecl = this.RULE("letDecl", () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.NameToken);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr);
  });

  grades = this.RULE("grades", () => {
    this.CONSUME(T.Grades);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.gradeBand));
    this.CONSUME(T.RBrace);
  });

  gradeBand = this.RULE("gradeBand", () => {
    this.CONSUME(T.TextToken);
    this.OPTION(() => {
      this.CONSUME(T.GreaterEqual);
      this.CONSUME(T.NumberLiteral);
      this.OPTION2(() => this.CONSUME(T.PointsUnit));
    });
    this.OPTION3(() => this.CONSUME(T.Comma));
  });

  veto = this.RULE("veto", () => {
    this.CONSUME(T.Veto);
    this.CONSUME(T.TextToken);
    this.CONSUME(T.When);
    this.SUBRULE(this.expr);
  });

  /** `项目 3 "title" 标准分 5`, before the item's opening brace. */
  itemHeader = this.RULE("itemHeader", () => {
    this.CONSUME(T.Item);
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => this.CONSUME(T.TextToken));
    this.CONSUME(T.Standard);
    this.CONSUME2(T.NumberLiteral);
    this.OPTION2(() => this.CONSUME(T.PointsUnit));
  });

  content = this.RULE("content", () => {
    this.CONSUME(T.Content);
    this.CONSUME(T.TextToken);
  });

  criterion = this.RULE("criterion", () => {
    this.CONSUME(T.Criterion);
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => this.CONSUME(T.TextToken));
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.rule);
    this.CONSUME(T.RBrace);
  });

  rule = this.RULE("rule", () => {
    this.OR(
      (this.alts["rule"] ??= [
        { ALT: () => this.SUBRULE(this.awardRule) },
        { ALT: () => this.SUBRULE(this.discretionaryRule) },
        { ALT: () => this.SUBRULE(this.deductionRule) },
        { ALT: () => this.SUBRULE(this.bonusRule) },
      ]),
    );
    this.MANY(() => this.SUBRULE(this.knockOut));
  });

  awardRule = this.RULE("awardRule", () => {
    this.CONSUME(T.Award);
    this.SUBRULE(this.points);
    this.OPTION(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expr);
      this.OPTION2(() => {
        this.CONSUME(T.Else);
        this.SUBRULE2(this.points);
      });
    });
  });

  discretionaryRule = this.RULE("discretionaryRule", () => {
    this.CONSUME(T.Discretionary);
    this.CONSUME(T.NameToken);
    this.OPTION(() => {
      this.CONSUME(T.Suggest);
      this.SUBRULE(this.expr);
    });
  });

  deductionRule = this.RULE("deductionRule", () => {
    this.CONSUME(T.Base);
    this.SUBRULE(this.points);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.deductClause));
    this.OPTION3(() => this.SUBRULE(this.deductCap));
    this.OPTION(() => {
      this.CONSUME(T.Floor);
      this.SUBRULE2(this.points);
    });
  });

  /**
   * `最多扣 n` (also spaced, `最多 扣 n`): the most the clauses take together. A bare `最多 n` is
   * read too, so that the checker can ask which of the two limits was meant instead of a parser message.
   */
  deductCap = this.RULE("deductCap", () => {
    this.OR(
      (this.alts["deductCap"] ??= [
        { ALT: () => this.CONSUME(T.DeductCap) },
        {
          ALT: () => {
            this.CONSUME(T.Cap);
            this.OPTION(() => this.CONSUME(T.Deduct));
          },
        },
      ]),
    );
    this.SUBRULE(this.points);
  });

  bonusRule = this.RULE("bonusRule", () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.bonusClause));
    this.OPTION(() => {
      this.CONSUME(T.Cap);
      this.SUBRULE(this.points);
    });
  });

  /** `每 x 扣 n` or `扣 n 每 x` or `扣 n 当 c`. */
  deductClause = this.RULE("deductClause", () => {
    this.OR(
      (this.alts["deductClause"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Per);
            this.SUBRULE(this.expr);
            this.CONSUME(T.Deduct);
            this.SUBRULE(this.points);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(T.Deduct);
            this.SUBRULE2(this.points);
            this.SUBRULE(this.clauseTail);
          },
        },
      ]),
    );
  });

  /** `每 x 加 n` or `加 n 每 x` or `加 n 当 c`. */
  bonusClause = this.RULE("bonusClause", () => {
    this.OR(
      (this.alts["bonusClause"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Per);
            this.SUBRULE(this.expr);
            this.CONSUME(T.Bonus);
            this.SUBRULE(this.points);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(T.Bonus);
            this.SUBRULE2(this.points);
            this.SUBRULE(this.clauseTail);
          },
        },
      ]),
    );
  });

  clauseTail = this.RULE("clauseTail", () => {
    this.OR(
      (this.alts["clauseTail"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Per);
            this.SUBRULE(this.expr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.When);
            this.SUBRULE2(this.expr);
          },
        },
      ]),
    );
  });

  knockOut = this.RULE("knockOut", () => {
    this.CONSUME(T.Zero);
    this.CONSUME(T.When);
    this.SUBRULE(this.expr);
  });

  points = this.RULE("points", () => {
    this.SUBRULE(this.expr);
    this.OPTION(() => this.CONSUME(T.PointsUnit));
  });

  test = this.RULE("test", () => {
    this.CONSUME(T.Test);
    this.OPTION(() => this.CONSUME(T.TextToken));
    this.OPTION2(() => {
      this.CONSUME(T.Based);
      this.CONSUME2(T.TextToken);
    });
    this.CONSUME(T.LBrace);
    this.MANY(() =>
      this.OR(
        (this.alts["test"] ??= [
          {
            ALT: () => {
              this.CONSUME(T.Given);
              this.CONSUME2(T.LBrace);
              this.MANY2(() => this.SUBRULE(this.givenEntry));
              this.CONSUME2(T.RBrace);
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Expect);
              this.CONSUME3(T.LBrace);
              this.MANY3(() => this.SUBRULE(this.expectEntry));
              this.CONSUME3(T.RBrace);
            },
          },
        ]),
      ),
    );
    this.CONSUME(T.RBrace);
  });

  givenEntry = this.RULE("givenEntry", () => {
    this.CONSUME(T.NameToken);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.literal);
    this.OPTION(() => {
      this.CONSUME(T.Reason);
      this.CONSUME(T.TextToken);
    });
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  expectEntry = this.RULE("expectEntry", () => {
    this.OR(
      (this.alts["expectEntry"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Item);
            this.CONSUME(T.NumberLiteral);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Criterion);
            this.CONSUME2(T.NumberLiteral);
          },
        },
        { ALT: () => this.CONSUME(T.Total) },
        { ALT: () => this.CONSUME(T.Grades) },
      ]),
    );
    this.CONSUME(T.Equals);
    this.OR2(
      (this.alts["expectEntry2"] ??= [
        {
          ALT: () => {
            this.SUBRULE(this.signedNumber);
            this.OPTION(() => this.CONSUME(T.PointsUnit));
          },
        },
        { ALT: () => this.CONSUME(T.TextToken) },
      ]),
    );
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  /** A literal value: a (signed) number or percent, or yes/no. */
  literal = this.RULE("literal", () => {
    this.OR(
      (this.alts["literal"] ??= [
        {
          ALT: () => {
            this.SUBRULE(this.signedNumber);
            this.OPTION(() => this.CONSUME(T.PercentSign));
          },
        },
        { ALT: () => this.CONSUME(T.Yes) },
        { ALT: () => this.CONSUME(T.No) },
      ]),
    );
  });

  signedNumber = this.RULE("signedNumber", () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLiteral);
  });

  // ── Expressions ──
  // An expression is `若 … 则 … 否则 …`, or operands joined by binary operators, each operand with
  // its prefix operators; the lowering applies precedence (or < and < not < comparison < + - <
  // × / < unary minus). Two CST nodes an operand instead of one per precedence level: rule
  // invocations and their nodes are most of what a parse allocates.

  expr = this.RULE("expr", () => {
    this.OR(
      (this.alts["expr"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.If);
            this.SUBRULE(this.expr);
            this.CONSUME(T.Then);
            this.SUBRULE2(this.expr);
            this.CONSUME(T.Else);
            this.SUBRULE3(this.expr);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.operand);
            this.MANY(() => {
              this.CONSUME(T.BinaryOp);
              this.SUBRULE2(this.operand);
            });
          },
        },
      ]),
    );
  });

  /** Prefix operators, then a number or percent, yes/no, a call, a name or a parenthesized expression. */
  operand = this.RULE("operand", () => {
    this.MANY(() => this.CONSUME(T.PrefixOp));
    this.OR(
      (this.alts["operand"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.NumberLiteral);
            this.OPTION(() => this.CONSUME(T.PercentSign));
          },
        },
        { ALT: () => this.CONSUME(T.Yes) },
        { ALT: () => this.CONSUME(T.No) },
        { ALT: () => this.SUBRULE(this.call) },
        { ALT: () => this.SUBRULE(this.cohortCall) },
        { ALT: () => this.SUBRULE(this.roundCall) },
        { ALT: () => this.CONSUME(T.NameToken) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expr);
            this.CONSUME(T.RParen);
          },
        },
      ]),
    );
    this.OPTION2(() => this.CONSUME(T.PercentPoints));
  });

  /** `四舍五入(x[, 位数])` and its two siblings; the digits are any expression here, checked later. */
  roundCall = this.RULE("roundCall", () => {
    this.OR(
      (this.alts["roundCall"] ??= [
        { ALT: () => this.CONSUME(T.Round) },
        { ALT: () => this.CONSUME(T.RoundDown) },
        { ALT: () => this.CONSUME(T.RoundUp) },
      ]),
    );
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expr);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expr);
    });
    this.CONSUME(T.RParen);
  });

  call = this.RULE("call", () => {
    this.OR((this.alts["call"] ??= [{ ALT: () => this.CONSUME(T.Min) }, { ALT: () => this.CONSUME(T.Max) }]));
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expr);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expr);
    });
    this.CONSUME(T.RParen);
  });

  /** A cohort figure: `名次(x[, 升序][, 密集])`, `最高值(x)`, `最低值(x)`, `平均值(x)`, or `参评数`. */
  cohortCall = this.RULE("cohortCall", () => {
    this.OR(
      (this.alts["cohortCall"] ??= [
        {
          ALT: () => {
            this.CONSUME(T.Rank);
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expr);
            this.MANY(() => {
              this.CONSUME(T.Comma);
              this.OR2(
                (this.alts["rankOption"] ??= [
                  { ALT: () => this.CONSUME(T.Ascending) },
                  { ALT: () => this.CONSUME(T.Dense) },
                ]),
              );
            });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.OR3(
              (this.alts["cohortAggregate"] ??= [
                { ALT: () => this.CONSUME(T.CohortMax) },
                { ALT: () => this.CONSUME(T.CohortMin) },
                { ALT: () => this.CONSUME(T.CohortAverage) },
              ]),
            );
            this.CONSUME2(T.LParen);
            this.SUBRULE2(this.expr);
            this.CONSUME2(T.RParen);
          },
        },
        { ALT: () => this.CONSUME(T.CohortSize) },
      ]),
    );
  });
}

/** The one parser instance (Chevrotain parsers are built once and fed new input). */
export const grammar = new RubricGrammar();
export type { RubricGrammar };
