// Test helper: a small rubric around the given declarations and items, with the header the
// checker requires, compiled; fails the test loudly when it does not compile.
import { compile, type CompileOptions, type CompiledRubric } from "../src/index.ts";

/** Wraps declarations and items into a rubric text with declared total `total`. */
export function rubricText(body: string, total: number): string {
  return `评分细则 t "测试细则" {\n  对象 "行政村"\n  满分 ${total}\n${body}\n}\n`;
}

/** An item block with the content the checker asks for. */
export function item(number: number, standard: number, criteria: string): string {
  return `  项目 ${number} "项目${number}" 标准分 ${standard} {\n    内容 "内容"\n${criteria}\n  }`;
}

/** Compiles, or throws with every error so the failing test shows why. */
export function compiled(text: string, options: CompileOptions = {}): CompiledRubric {
  const { rubric, diagnostics } = compile(text, options);
  if (!rubric) {
    throw new Error(diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message.en} @${d.span.start}`).join("\n"));
  }
  return rubric;
}
