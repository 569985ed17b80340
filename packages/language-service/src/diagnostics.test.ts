import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "@kaoping/engine";
import { describe, expect, it } from "vitest";
import { annex, enRubric, open, zhRubric } from "../test/support.ts";

const errDir = fileURLToPath(new URL("../../language/test/fixtures/check/err/", import.meta.url));
const slips = readdirSync(errDir).filter((f) => f.endsWith(".rubric"));

describe("diagnostics", () => {
  it("are none on the annexes and the small rubrics", () => {
    for (const text of [annex("village-quality"), annex("enterprise-quality"), zhRubric, enRubric]) {
      const { service, uri } = open(text);
      expect(service.diagnostics(uri)).toEqual([]);
    }
  });

  it.each(slips)("%s: the checker's and the engine's findings, with codes, at their lines", (file) => {
    const text = readFileSync(errDir + file, "utf8");
    const { service, uri } = open(text, "en");
    const found = service.diagnostics(uri);
    const expected = compile(text).diagnostics;
    expect(found.map((d) => d.code)).toEqual(expected.map((d) => d.code));
    expect(found.map((d) => d.code)).toContain(file.slice(0, 5));
    found.forEach((d, i) => {
      const e = expected[i];
      expect(d.message.startsWith(e?.message.en ?? "?")).toBe(true);
      if (e?.help) expect(d.message).toContain(e.help.en);
      const line = text.slice(0, e?.span.start).split(/\r\n|\r|\n/).length - 1;
      expect(d.range.start.line).toBe(line);
    });
  });

  it("can leave out the engine's analyses for a quick first answer", () => {
    const text = zhRubric.replace(
      "      不得分 当 非 有方案\n    }\n",
      '      不得分 当 非 有方案\n    }\n    细则 3 "有方案加1分" {\n      加 1 分 当 有方案\n      最多 3 分\n    }\n',
    );
    const { service, uri } = open(text);
    expect(service.diagnostics(uri, { engine: false })).toEqual([]);
    expect(service.diagnostics(uri).map((d) => d.code)).toEqual(["KP802"]);
  });

  it("speaks the service's language and marks unused inputs as unnecessary", () => {
    const text = zhRubric.replace("    输入 违规数", '    输入 闲置: 计数 "没用"\n    输入 违规数');
    const zh = open(text, "zh");
    const en = open(text, "en");
    const [z] = zh.service.diagnostics(zh.uri);
    const [e] = en.service.diagnostics(en.uri);
    expect(z?.message).toContain("没有被任何细则使用");
    expect(e?.message).toContain("is not used");
    expect(z?.tags).toEqual([1]);
  });
});
