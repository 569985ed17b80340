// Tests (测试 blocks): given facts and expected points or grades, CST → AST.
import type { CstNode } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { first, nodeSpan, nodes, token, tokenSpan, tokens, type Children } from "./cst.ts";
import { asciiDigits, lowerLiteral, lowerName, lowerOrdinal, lowerSignedNumber, lowerText } from "./literals.ts";

/** One test block; a given or expectation recovery left incomplete is dropped. */
export function lowerTest(node: CstNode, diagnostics: Diagnostic[]): A.Test {
  const c = node.children as Children;
  const given = nodes(c["givenEntry"]).flatMap((entry): A.Given[] => {
    const ec = entry.children as Children;
    const nameToken = token(ec["NameToken"]);
    const literalNode = first(ec["literal"]);
    const value = literalNode ? lowerLiteral(literalNode) : null;
    if (!nameToken || !value) return [];
    return [
      {
        kind: "given",
        name: lowerName(nameToken),
        value,
        reason: lowerText(token(ec["TextToken"])),
        span: nodeSpan(entry),
      },
    ];
  });
  const expect = nodes(c["expectEntry"]).flatMap((entry) => lowerExpectation(entry, diagnostics));
  const [name, base] = tokens(c["TextToken"]);
  return { kind: "test", name: lowerText(name), base: lowerText(base), given, expect, span: nodeSpan(node) };
}

function lowerExpectation(node: CstNode, diagnostics: Diagnostic[]): A.Expectation[] {
  const c = node.children as Children;
  const numberNode = first(c["signedNumber"]);
  const value = numberNode ? lowerSignedNumber(numberNode) : lowerText(token(c["TextToken"]));
  if (!value) return [];
  const ref = token(c["NumberLiteral"]);
  let target: A.ExpectTarget;
  if (c["Item"]) target = { kind: "item", item: lowerOrdinal(ref, diagnostics) };
  else if (c["Criterion"]) {
    const [item = "", criterion = ""] = asciiDigits(ref?.image ?? "").split(".");
    if (!ref || !/^\d+$/.test(item) || !/^\d+$/.test(criterion)) {
      if (ref) {
        diagnostics.push(
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
