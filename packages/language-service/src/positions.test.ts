import { describe, expect, it } from "vitest";
import { LineIndex } from "./positions.ts";

describe("LineIndex", () => {
  it("counts characters in UTF-16 code units, as LSP does", () => {
    const text = "评分 𠀀x\r\n第二行\r第三行";
    const lines = new LineIndex(text);
    expect(lines.position(text.indexOf("x"))).toEqual({ line: 0, character: 5 });
    expect(lines.position(text.indexOf("第二"))).toEqual({ line: 1, character: 0 });
    expect(lines.position(text.indexOf("第三"))).toEqual({ line: 2, character: 0 });
    expect(lines.lineCount).toBe(3);
  });

  it("turns positions back into offsets, clamping past a line's end to it", () => {
    const text = "ab\r\ncd\n";
    const lines = new LineIndex(text);
    expect(lines.offset({ line: 1, character: 1 })).toBe(5);
    expect(lines.offset({ line: 0, character: 99 })).toBe(2);
    expect(lines.offset({ line: 9, character: 0 })).toBe(text.length);
    expect(lines.lineText(0)).toBe("ab");
    for (let i = 0; i <= text.length; i++) if (text[i - 1] !== "\r") expect(lines.offset(lines.position(i))).toBe(i);
  });
});
