// How tightly each operator of the language binds, loosest first. One table for the parser
// (lower/expressions.ts), the formatter's parentheses and the engine's explained formulas.

/**
 * Binding strength: `if` loosest, then or < and < not < comparison < + − < × ÷ < unary minus <
 * the postfix `百分点` (-x 百分点 is -(x 百分点)) < atoms.
 */
export const precedence = {
  if: 0,
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  add: 5,
  mul: 6,
  unary: 7,
  postfix: 7.5,
  atom: 8,
} as const;
