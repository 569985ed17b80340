import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateVillageFacts } from "./village-facts.ts";
import { scoreVillageByHand, type VillageFacts } from "./village-handwritten.ts";

// Every criterion met, rates exactly at their thresholds (24 of 40 trained, 9 of 30 certified,
// 98 % coverage and review): the same village as the rubric's test "全部达标".
const allMet: VillageFacts = {
  及时调整工作机构: true,
  工作机构正常开展活动: true,
  参加政府会议活动: true,
  制定工作方案: true,
  应签责任状企业数: 10,
  已签责任状企业数: 10,
  责任书评分: 4,
  有检查考核总结: true,
  辖区企业数: 40,
  培训人数: 24,
  法规培训期数: 0,
  及时申报名牌产品: true,
  新增省级名牌数: 0,
  新增中国名牌数: 0,
  五百万以上工业企业数: 30,
  通过认证企业数: 9,
  新增认证企业数: 1,
  质量建档率: 100,
  企业标准覆盖率: 98,
  完成标准复审: true,
  标准复审率: 98,
  新增计量确认单位数: 0,
  新增采标单位数: 0,
  省抽不合格数: 0,
  国抽不合格数: 0,
  建立打假责任制: true,
  明确打假联络员: true,
  一般违法案件数: 0,
  严重违法案件数: 0,
  发生重大制假售假案件: false,
  被省级以上媒体曝光: false,
  查实线索数: 0,
  台帐按要求分类: true,
  资料齐全: true,
  数据准确: true,
};

// READING.md's worked example: the engine's fixture (also the rubric's test "示例村（READING.md）"),
// with the discretionary score as the plain number the hand-written scorer takes.
const workedExampleFile = new URL("../../engine/test/fixtures/facts/village-worked-example.json", import.meta.url);
const { 责任书评分: letterScore, ...workedExampleRest } = JSON.parse(readFileSync(workedExampleFile, "utf8")) as Omit<
  VillageFacts,
  "责任书评分"
> & { readonly 责任书评分: { readonly value: number } };
const example: VillageFacts = { ...workedExampleRest, 责任书评分: letterScore.value };

describe("scoreVillageByHand", () => {
  it("scores READING.md's worked example: 109.2", () => {
    expect(scoreVillageByHand(example)).toEqual({
      items: [5, 9.2, 7, 20, 5, 22, 9, 22, 10],
      total: 109.2,
    });
  });

  it("gives the standard points when everything is met exactly at the thresholds", () => {
    expect(scoreVillageByHand(allMet)).toEqual({
      items: [5, 10, 5, 15, 5, 20, 10, 20, 10],
      total: 100,
    });
  });

  it("gives 0 when nothing is met, rates just below their thresholds", () => {
    const nothing: VillageFacts = {
      ...allMet,
      及时调整工作机构: false,
      工作机构正常开展活动: false,
      参加政府会议活动: false,
      制定工作方案: false,
      已签责任状企业数: 0,
      责任书评分: 0,
      有检查考核总结: false,
      培训人数: 23,
      及时申报名牌产品: false,
      通过认证企业数: 8,
      新增认证企业数: 0,
      质量建档率: 99,
      企业标准覆盖率: 97.9,
      完成标准复审: false,
      标准复审率: 99,
      省抽不合格数: 4,
      国抽不合格数: 3,
      建立打假责任制: false,
      明确打假联络员: false,
      一般违法案件数: 6,
      严重违法案件数: 2,
      台帐按要求分类: false,
      资料齐全: false,
      数据准确: false,
    };
    expect(scoreVillageByHand(nothing)).toEqual({ items: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0 });
  });

  it("zeroes only the case criterion on a major counterfeiting case or media exposure", () => {
    const major = scoreVillageByHand({ ...allMet, 发生重大制假售假案件: true, 查实线索数: 2 });
    expect(major.items[7]).toBe(16);
    expect(major.total).toBe(96);
    const exposed = scoreVillageByHand({ ...allMet, 被省级以上媒体曝光: true });
    expect(exposed.items).toEqual([5, 10, 5, 15, 5, 20, 10, 10, 10]);
    expect(exposed.total).toBe(90);
  });

  it("caps the law-session bonus at 3 and leaves the other bonuses open", () => {
    expect(scoreVillageByHand({ ...allMet, 法规培训期数: 5 }).items[2]).toBe(8);
    const open = scoreVillageByHand({
      ...allMet,
      法规培训期数: 3,
      新增省级名牌数: 2,
      新增中国名牌数: 1,
      新增计量确认单位数: 4,
      新增采标单位数: 3,
      查实线索数: 5,
    });
    expect(open).toEqual({ items: [5, 10, 8, 35, 5, 27, 10, 35, 10], total: 145 });
  });

  it("stops deductions at 0", () => {
    const floored = scoreVillageByHand({
      ...allMet,
      省抽不合格数: 7,
      国抽不合格数: 3,
      一般违法案件数: 3,
      严重违法案件数: 5,
    });
    expect(floored).toEqual({ items: [5, 10, 5, 15, 5, 20, 0, 10, 10], total: 80 });
  });

  it("counts a zero base as met (a village without enterprises)", () => {
    const empty = scoreVillageByHand({
      ...allMet,
      应签责任状企业数: 0,
      已签责任状企业数: 0,
      辖区企业数: 0,
      培训人数: 0,
      法规培训期数: 1,
      五百万以上工业企业数: 0,
      通过认证企业数: 0,
      新增认证企业数: 0,
      企业标准覆盖率: 100,
      标准复审率: 100,
    });
    expect(empty).toEqual({ items: [5, 10, 6, 15, 4, 20, 10, 20, 10], total: 100 });
  });

  it("adds tenths exactly", () => {
    // 0.1 + 0.2 in floating point is not 0.3; in tenths it is.
    const r = scoreVillageByHand({ ...allMet, 责任书评分: 0.3, 制定工作方案: false, 有检查考核总结: false });
    expect(r.items[1]).toBe(0.3);
    expect(r.total).toBe(90.3);
  });
});

describe("generateVillageFacts", () => {
  it("is deterministic in its seed", () => {
    expect(generateVillageFacts(50, 7)).toEqual(generateVillageFacts(50, 7));
    expect(generateVillageFacts(50, 7)).not.toEqual(generateVillageFacts(50, 8));
  });

  it("gives valid facts with the edge cases a differential test needs", () => {
    const villages = generateVillageFacts(2000, 20260101);
    const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;
    const onTenths = (n: number): boolean => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;
    // Collect what is wrong instead of asserting per field: 2,000 × 35 expects would be slow.
    const invalid: string[] = [];
    villages.forEach((v, i) => {
      for (const [key, value] of Object.entries(v)) {
        if (typeof value === "boolean") continue;
        const ok =
          typeof value === "number" &&
          (key.endsWith("率")
            ? value >= 0 && value <= 100 && onTenths(value)
            : key === "责任书评分"
              ? value >= 0 && value <= 4 && onTenths(value)
              : isCount(value));
        if (!ok) invalid.push(`#${i} ${key} = ${String(value)}`);
      }
      if (v.已签责任状企业数 > v.应签责任状企业数) invalid.push(`#${i} signed more than required`);
      if (v.应签责任状企业数 > v.辖区企业数) invalid.push(`#${i} more big enterprises than enterprises`);
      if (v.通过认证企业数 > v.五百万以上工业企业数) invalid.push(`#${i} certified more than exist`);
      const { items, total } = scoreVillageByHand(v);
      if (!items.every((p) => Number.isFinite(p) && p >= 0) || !Number.isFinite(total)) {
        invalid.push(`#${i} scored ${items.join(",")} = ${total}`);
      }
    });
    expect(invalid.slice(0, 10)).toEqual([]);
    const some = (p: (v: VillageFacts) => boolean): number => villages.filter(p).length;
    expect(some((v) => v.辖区企业数 === 0)).toBeGreaterThan(20);
    expect(some((v) => v.发生重大制假售假案件)).toBeGreaterThan(10);
    expect(some((v) => v.被省级以上媒体曝光)).toBeGreaterThan(10);
    expect(some((v) => v.法规培训期数 > 3)).toBeGreaterThan(100);
    expect(some((v) => v.省抽不合格数 > 4 || v.国抽不合格数 > 3)).toBeGreaterThan(20);
    expect(some((v) => v.一般违法案件数 + 2 * v.严重违法案件数 > 10)).toBeGreaterThan(20);
    expect(some((v) => v.责任书评分 < 4 && !Number.isInteger(v.责任书评分))).toBeGreaterThan(50);
    expect(some((v) => v.辖区企业数 > 0 && v.培训人数 * 100 === 60 * v.辖区企业数)).toBeGreaterThan(5);
    expect(some((v) => v.企业标准覆盖率 === 98)).toBeGreaterThan(50);
    const totals = new Set(villages.map((v) => scoreVillageByHand(v).total));
    expect(totals.size).toBeGreaterThan(100);
  });
});
