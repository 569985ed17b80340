import { describe, expect, it } from "vitest";
import { annex, enRubric, open, zhRubric } from "../test/support.ts";

describe("document symbols", () => {
  it("outline the items with their inputs and criteria, grades and tests", () => {
    const { service, uri } = open(zhRubric);
    const [root] = service.documentSymbols(uri);
    expect(root?.name).toBe("小评分细则");
    expect(root?.children?.map((s) => s.name)).toEqual(["优秀", "合格", "不合格", "项目 1 宣传培训", "测试 达标"]);
    const item = root?.children?.[3];
    expect(item?.detail).toBe("10 分");
    expect(item?.children?.map((s) => s.name)).toEqual([
      "企业数",
      "培训人数",
      "有方案",
      "违规数",
      "细则 1.1",
      "细则 1.2",
    ]);
    expect(item?.children?.[4]?.detail).toBe("完成培训人数5分");
  });

  it("in the file's keyword set, on the annexes", () => {
    const en = open(enRubric, "en");
    expect(en.service.documentSymbols(en.uri)[0]?.children?.map((s) => s.name)).toContain("item 1 Training");
    const village = open(annex("village-quality"));
    const items = village.service.documentSymbols(village.uri)[0]?.children?.filter((s) => s.name.startsWith("项目"));
    expect(items).toHaveLength(9);
  });
});

describe("folding ranges", () => {
  it("fold every block, keeping the closing brace visible, and runs of comments", () => {
    const text = `# 一\n# 二\n${zhRubric}`;
    const { service, uri } = open(text);
    const ranges = service.foldingRanges(uri);
    expect(ranges).toContainEqual({ startLine: 0, endLine: 1, kind: "comment" });
    const item = text.split("\n").findIndex((l) => l.includes('项目 1 "宣传培训"'));
    const close = text.split("\n").findIndex((l, i) => i > item && l === "  }");
    expect(ranges).toContainEqual({ startLine: item, endLine: close - 1, kind: "region" });
  });
});
