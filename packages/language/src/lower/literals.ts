// Literals as written → as meant: full-width digits become ASCII, names are NFC-normalised, texts
// are unquoted and unescaped, numbers keep their exact decimal text.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { BlockText, CurlyText, LineText, QuotedName, UnterminatedText } from "../lex/tokens.ts";
import { first, nodeSpan, token, tokenSpan, type Children } from "./cst.ts";

/** A name token as a name: quotes dropped, NFC-normalised. */
export function lowerName(tok: IToken): A.Name {
  const quoted = tok.tokenType === QuotedName;
  const raw = quoted ? tok.image.slice(1, -1) : tok.image;
  return { kind: "name", name: raw.normalize("NFC"), quoted, span: tokenSpan(tok) };
}

/** A text token as its text, unquoted. */
export function lowerText(tok: IToken | undefined): A.Text | null {
  if (!tok) return null;
  return { kind: "text", ...unquote(tok), span: tokenSpan(tok) };
}

export function lowerNumber(tok: IToken | undefined): A.NumberLiteral | null {
  if (!tok) return null;
  return { kind: "number", value: asciiDigits(tok.image), span: tokenSpan(tok) };
}

export function lowerSignedNumber(node: CstNode): A.NumberLiteral | A.Negate | null {
  const c = node.children as Children;
  const tok = token(c["NumberLiteral"]);
  if (!tok) return null;
  const number: A.NumberLiteral = { kind: "number", value: asciiDigits(tok.image), span: tokenSpan(tok) };
  return c["Minus"] ? { kind: "negate", operand: number, span: nodeSpan(node) } : number;
}

/** A number where a sign makes no sense (score ranges): a minus is reported and dropped. */
export function lowerUnsignedNumber(node: CstNode, diagnostics: Diagnostic[]): A.NumberLiteral | null {
  const number = lowerSignedNumber(node);
  if (number?.kind !== "negate") return number;
  diagnostics.push(diagnostic("KP406", number.span, { reason: { zh: "不能为负数", en: "it cannot be negative" } }));
  return number.operand as A.NumberLiteral;
}

/** A default or a test's given value: yes, no, or a signed number or percent. */
export function lowerLiteral(node: CstNode): A.Literal | A.Negate | null {
  const c = node.children as Children;
  const span = nodeSpan(node);
  if (c["Yes"]) return { kind: "bool", value: true, span };
  if (c["No"]) return { kind: "bool", value: false, span };
  const numberNode = first(c["signedNumber"]);
  if (!numberNode) return null;
  const number = lowerSignedNumber(numberNode);
  if (!number) return null;
  if (!c["PercentSign"]) return number;
  if (number.kind === "negate") {
    const inner = number.operand as A.NumberLiteral;
    return { kind: "negate", operand: { kind: "percent", value: inner.value, span: inner.span }, span };
  }
  return { kind: "percent", value: number.value, span };
}

/** An item or criterion number: a whole number above 0 (reported otherwise, read as 0). */
export function lowerOrdinal(tok: IToken | undefined, diagnostics: Diagnostic[]): number {
  if (!tok) return 0;
  const text = asciiDigits(tok.image);
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000) {
    diagnostics.push(diagnostic("KP206", tokenSpan(tok), { text: tok.image }));
    return 0;
  }
  return Number(text);
}

export function asciiDigits(text: string): string {
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

export function zero(span: A.Span): A.NumberLiteral {
  return { kind: "number", value: "0", span };
}

export function missingName(span: A.Span): A.Name {
  return { kind: "name", name: "", quoted: false, span };
}
