// Plausible random villages for benchmarks and the differential test of the compiled Annex 1
// rubric against the hand-written scorer. Deterministic (mulberry32), so a failing case can be
// replayed from its seed and index. The mix leans on the places where scorers go wrong: rates
// right at their thresholds, villages without enterprises, deductions past the floor,
// knock-outs, bonuses past their cap, discretionary scores off the whole points.

import { mulberry32 } from "@kaoping/seeded-random";
import type { VillageFacts } from "./village-handwritten.ts";

type Profile = "typical" | "no-enterprises" | "poor" | "outstanding";

/** `count` villages from `seed`; the same arguments always give the same villages. */
export function generateVillageFacts(count: number, seed: number): VillageFacts[] {
  const rand = mulberry32(seed);
  /** A whole number in [lo, hi]. */
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number): boolean => rand() < p;
  /** A percent with at most one decimal, in [lo, 100]; often exactly at `at`, the threshold. */
  const percent = (lo: number, at: number, pFull: number): number => {
    const r = rand();
    if (r < pFull) return 100;
    if (r < pFull + 0.1) return at;
    return Math.round((lo + rand() * (100 - lo)) * 10) / 10;
  };
  /** A count near `at`: either side of a threshold, never below 0. */
  const near = (at: number, spread: number): number => Math.max(0, at + int(-spread, spread));

  const villages: VillageFacts[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const profile: Profile = r < 0.06 ? "no-enterprises" : r < 0.2 ? "poor" : r < 0.3 ? "outstanding" : "typical";
    const p = profile === "poor" ? 0.35 : profile === "outstanding" ? 0.97 : 0.8;
    const yes = (): boolean => chance(p);
    const none = profile === "no-enterprises";

    const enterprises = none ? 0 : int(1, 120);
    const bigOnes = none ? 0 : int(0, Math.ceil(enterprises / 3));
    const signed = chance(p) ? bigOnes : int(0, bigOnes);
    // The assessor mostly takes the suggestion (rounded down to the 0.1 step), sometimes not.
    const suggestedTenths = bigOnes > 0 ? Math.floor((signed * 40) / bigOnes) : 40;
    const letterTenths = chance(0.8) ? suggestedTenths : Math.min(40, Math.max(0, suggestedTenths + int(-8, 5)));
    const industrial = int(0, bigOnes);
    const certified = chance(0.5) ? Math.min(industrial, near(Math.ceil(industrial * 0.3), 2)) : int(0, industrial);

    const poor = profile === "poor";
    villages.push({
      及时调整工作机构: yes(),
      工作机构正常开展活动: yes(),
      参加政府会议活动: yes(),
      制定工作方案: yes(),
      应签责任状企业数: bigOnes,
      已签责任状企业数: signed,
      责任书评分: letterTenths / 10,
      有检查考核总结: yes(),
      辖区企业数: enterprises,
      培训人数: none ? 0 : chance(0.5) ? near(Math.ceil(enterprises * 0.6), 3) : int(0, enterprises * 2),
      法规培训期数: chance(0.3) ? 0 : int(1, 6),
      及时申报名牌产品: yes(),
      新增省级名牌数: chance(0.8) ? 0 : int(1, 3),
      新增中国名牌数: chance(0.95) ? 0 : int(1, 2),
      五百万以上工业企业数: industrial,
      通过认证企业数: certified,
      新增认证企业数: chance(p) ? int(0, Math.min(3, certified)) : 0,
      质量建档率: none ? 100 : percent(60, 99.9, p),
      企业标准覆盖率: none ? 100 : percent(85, 98, p * 0.5),
      完成标准复审: yes(),
      标准复审率: none ? 100 : percent(85, 98, p * 0.5),
      新增计量确认单位数: chance(0.6) ? 0 : int(1, 4),
      新增采标单位数: chance(0.7) ? 0 : int(1, 3),
      省抽不合格数: poor ? int(0, 8) : chance(p) ? 0 : int(1, 2),
      国抽不合格数: poor ? int(0, 5) : chance(p) ? 0 : 1,
      建立打假责任制: yes(),
      明确打假联络员: yes(),
      一般违法案件数: poor ? int(0, 12) : chance(p) ? 0 : int(1, 3),
      严重违法案件数: poor ? int(0, 6) : chance(0.95) ? 0 : 1,
      发生重大制假售假案件: chance(poor ? 0.2 : 0.01),
      被省级以上媒体曝光: chance(poor ? 0.15 : 0.01),
      查实线索数: chance(0.7) ? 0 : int(1, 4),
      台帐按要求分类: yes(),
      资料齐全: yes(),
      数据准确: yes(),
    });
  }
  return villages;
}
