// Which inputs each criterion and veto reads (CompiledRubric's `reads`): through derived values,
// knock-outs and suggestions, in declaration order, and nothing it does not read.
import { describe, expect, it } from "vitest";
import { compiled, item, rubricText } from "../test/rubric.ts";

describe("reads", () => {
  const rubric = compiled(
    rubricText(
      `  输入 企业数: 计数 "企业数"
  输入 培训人数: 计数 "培训人数"
  输入 有方案: 是否 "有方案？"
  输入 重大事故: 是否 "重大事故？"
  输入 曝光: 是否 "曝光？"
  输入 应签数: 计数 "应签"
  输入 已签数: 计数 "已签"
  输入 责任书评分: 评分 0 至 4 "责任书得分"
  输入 未读: 计数 "无人读"
  令 覆盖率 = 若 企业数 > 0 则 培训人数 / 企业数 否则 0%
  令 达标 = 覆盖率 >= 60%
  否决 "重大事故" 当 重大事故 或 达标 = 否 且 有方案 = 否
${item(
  1,
  10,
  `    细则 1 "培训" { 得 5 分 当 达标 不得分 当 曝光 }
    细则 2 "方案" { 得 1 分 当 有方案 }
    细则 3 "责任书" { 酌情 责任书评分 建议 若 应签数 > 0 则 已签数 / 应签数 × 3 否则 3 }`,
)}`,
      10,
    ),
  );
  const reads = (c: number) => rubric.items[0]?.criteria.find((x) => x.number === c)?.reads;

  it("follows derived values to the inputs they read, and includes knock-outs", () => {
    expect(reads(1)).toEqual(["企业数", "培训人数", "曝光"]);
  });
  it("lists only what the rule reads", () => {
    expect(reads(2)).toEqual(["有方案"]);
  });
  it("includes a discretionary rule's score input and what its suggestion reads, in declaration order", () => {
    expect(reads(3)).toEqual(["应签数", "已签数", "责任书评分"]);
  });
  it("gives each veto the inputs its condition reads", () => {
    expect(rubric.vetoes[0]?.reads).toEqual(["企业数", "培训人数", "有方案", "重大事故"]);
  });

  it("follows a cohort figure to the inputs its argument reads, also through a derived value", () => {
    const cohort = compiled(
      rubricText(
        `  输入 办结率: 百分比 "办结率"
  输入 受理数: 计数 "受理数"
  输入 办结数: 计数 "办结数"
  令 计算办结率 = 若 受理数 > 0 则 办结数 / 受理数 否则 0%
  令 排名 = 名次(计算办结率)
${item(
  1,
  30,
  `    细则 1 "办结率第1名得15分" { 得 最大(16 - 名次(办结率), 0) 分 }
    细则 2 "按计算排名" { 得 最大(16 - 排名, 0) 分 }`,
)}`,
        30,
      ),
    );
    const read = (c: number) => cohort.items[0]?.criteria.find((x) => x.number === c)?.reads;
    expect(read(1)).toEqual(["办结率"]);
    expect(read(2)).toEqual(["受理数", "办结数"]);
  });
});
