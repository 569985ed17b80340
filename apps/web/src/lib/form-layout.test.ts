import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prepareRubric } from "./live-score.ts";

// Item 1 reads 企业数 through a derived value, item 2 reads it directly: it is shared. The veto's
// input and the inputs nobody reads have no criterion to stand under.
const source = `评分细则 layout_test "布局" {
  对象 "村"
  满分 20
  输入 企业数: 计数 "本辖区有几家企业？"
  输入 备注项: 是否 "没有细则读它"
  输入 重大事故: 是否 "发生重大质量事故？"
  令 培训达标线 = 60% × 企业数
  否决 "发生重大质量事故" 当 重大事故

  项目 1 "培训" 标准分 10 {
    内容 "培训"
    输入 培训人数: 计数 "培训人数"
    输入 有方案: 是否 "有方案？"
    细则 1 "培训人数达标5分" {
      得 5 分 当 培训人数 >= 培训达标线
    }
    细则 2 "有方案5分" {
      得 5 分 当 有方案
    }
  }

  项目 2 "企业" 标准分 10 {
    内容 "企业"
    输入 未读项: 计数 "也没有细则读它"
    细则 1 "有企业10分" {
      得 10 分 当 企业数 > 0
    }
  }
}
`;

describe("layoutForm", () => {
  const prepared = prepareRubric(source);
  if (!prepared) throw new Error("the layout rubric does not compile");
  const { layout } = prepared;

  it("puts each input under the one criterion that reads it, through derived values too", () => {
    expect(layout.byCriterion.get("1.1")).toEqual(["培训人数"]);
    expect(layout.byCriterion.get("1.2")).toEqual(["有方案"]);
    expect([...(layout.reads.get("1.1") ?? [])].sort()).toEqual(["企业数", "培训人数"].sort());
  });

  it("puts shared, veto-only and unread inputs in the general section, in source order", () => {
    expect(layout.general).toEqual(["企业数", "备注项", "重大事故", "未读项"]);
    expect(layout.byCriterion.get("2.1")).toBeUndefined();
    expect([...layout.vetoReads]).toEqual(["重大事故"]);
  });
});

describe("layoutForm on a rubric with cohort rules", () => {
  // 名次(办结率) reads 办结率: its question stands under the criterion that ranks it.
  const cohortSource = readFileSync(
    fileURLToPath(new URL("../../../../rubrics/examples/cohort-ranking-zh.rubric", import.meta.url)),
    "utf8",
  );
  it("puts an input read only through a cohort figure under its criterion", () => {
    const prepared = prepareRubric(cohortSource);
    if (!prepared) throw new Error("the cohort example does not compile");
    expect(prepared.layout.byCriterion.get("1.1")).toEqual(["办结率"]);
    expect(prepared.layout.general).not.toContain("办结率");
  });
});
