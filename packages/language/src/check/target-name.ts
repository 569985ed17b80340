// How a test's expectation target is named in both languages, so that the checker's diagnostics and
// the engine's test report call 项目 2 / 细则 2.2 / 总分 / 等级 the same thing.
import type { ExpectTarget } from "../ast.ts";
import type { Message } from "../diagnostics/diagnostic.ts";

/** An expectation's target in words: 项目 2 / item 2, 细则 2.2 / criterion 2.2, 总分 / total, 等级 / grade. */
export function targetName(target: ExpectTarget): Message {
  switch (target.kind) {
    case "item":
      return { zh: `项目 ${target.item}`, en: `item ${target.item}` };
    case "criterion":
      return { zh: `细则 ${target.item}.${target.criterion}`, en: `criterion ${target.item}.${target.criterion}` };
    case "total":
      return { zh: "总分", en: "total" };
    case "grade":
      return { zh: "等级", en: "grade" };
  }
}
