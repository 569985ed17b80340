// Diagnostics as the API sends them: lines and columns are the language package's source
// positions (CRLF and lone CR line ends, columns in characters), the same the CLI and editor show.
import { lineColumn, sourceFile } from "@kaoping/language";
import { describe, expect, it } from "vitest";
import { compileSource } from "./scoring.ts";

describe("compileSource", () => {
  it("places diagnostics by the language's lines and columns", () => {
    const source = '评分细则 t "𠀀𠀀" {\r\n  对象 "行政村"\r\n  满分 10\r  输入 x: 计数 "𠀀" ~\r\n}\r\n';
    const { prepared, diagnostics } = compileSource(source);
    expect(prepared).toBeNull();
    const bad = diagnostics.find((d) => d.code === "KP101");
    expect(bad).toMatchObject({ line: 4, column: 16 });
    const file = sourceFile("", source);
    for (const d of diagnostics) expect({ line: d.line, column: d.column }).toEqual(lineColumn(file, d.span.start));
  });
});
