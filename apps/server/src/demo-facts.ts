// Plausible, varied facts for the demo villages and enterprises. Deterministic (a seeded PRNG) so
// that every fresh start shows the same data. Each subject gets a profile — strong, typical or weak
// — that tilts its answers, so rankings and charts have something to show.

import { mulberry32 } from "@kaoping/seeded-random";

export type Profile = "strong" | "typical" | "weak";
type Facts = Record<string, boolean | number | { value: number; reason: string }>;

function tools(random: () => number, profile: Profile) {
  const care = profile === "strong" ? 0.95 : profile === "typical" ? 0.8 : 0.55;
  return {
    /** A yes/no that is usually yes, more so for strong subjects. */
    yes: (bias = 0) => random() < Math.min(0.99, care + bias),
    int: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)),
    /** A small count of bad events: rarer for strong subjects. */
    bad: (max: number) => {
      const r = random();
      const scale = profile === "strong" ? 0.25 : profile === "typical" ? 0.5 : 0.9;
      return Math.min(max, Math.floor(r * r * (max + 1) * scale * 2));
    },
    /** A percentage near the target, with one decimal. */
    pct: (lo: number) => Math.round((lo + random() * (100 - lo)) * 10) / 10,
    rare: (p: number) => random() < (profile === "weak" ? p * 2 : profile === "strong" ? p / 3 : p),
    care,
  };
}

/** Facts for a village under 附件一. */
export function villageFacts(seed: number, profile: Profile): Facts {
  const random = mulberry32(seed);
  const t = tools(random, profile);
  const required = t.int(3, 15);
  const signed = t.yes(0.05) ? required : t.int(Math.floor(required / 2), required - 1);
  const enterprises = t.int(8, 60);
  const big = t.int(3, 30);
  const score = Math.round((signed / required) * 40) / 10;
  return {
    及时调整工作机构: t.yes(0.05),
    工作机构正常开展活动: t.yes(),
    参加政府会议活动: t.yes(0.05),
    制定工作方案: t.yes(0.05),
    应签责任状企业数: required,
    已签责任状企业数: signed,
    责任书评分: score >= 4 ? 4 : { value: score, reason: `应签 ${required} 家，已签 ${signed} 家` },
    有检查考核总结: t.yes(),
    辖区企业数: enterprises,
    培训人数: Math.round(enterprises * (0.35 + random() * t.care * 0.8)),
    法规培训期数: t.int(0, profile === "weak" ? 2 : 4),
    及时申报名牌产品: t.yes(),
    新增省级名牌数: t.rare(0.3) ? t.int(1, 2) : 0,
    新增中国名牌数: t.rare(0.05) ? 1 : 0,
    五百万以上工业企业数: big,
    通过认证企业数: Math.round(big * (0.1 + random() * t.care * 0.5)),
    新增认证企业数: t.int(0, 3),
    质量建档率: t.yes() ? 100 : t.pct(70),
    企业标准覆盖率: t.pct(profile === "weak" ? 85 : 95),
    完成标准复审: t.yes(),
    标准复审率: t.pct(profile === "weak" ? 85 : 96),
    新增计量确认单位数: t.int(0, 3),
    新增采标单位数: t.int(0, 2),
    省抽不合格数: t.bad(3),
    国抽不合格数: t.bad(2),
    建立打假责任制: t.yes(),
    明确打假联络员: t.yes(),
    一般违法案件数: t.bad(4),
    严重违法案件数: t.bad(2),
    发生重大制假售假案件: t.rare(0.04),
    被省级以上媒体曝光: t.rare(0.04),
    查实线索数: t.int(0, 2),
    台帐按要求分类: t.yes(),
    资料齐全: t.yes(),
    数据准确: t.yes(),
  };
}

/** Facts for an industrial enterprise under 附件二. */
export function enterpriseFacts(seed: number, profile: Profile): Facts {
  const random = mulberry32(seed);
  const t = tools(random, profile);
  const staff = t.int(40, 900);
  return {
    及时调整工作机构: t.yes(0.05),
    工作机构正常开展活动: t.yes(),
    参加政府会议活动: t.yes(),
    制定工作方案: t.yes(0.05),
    有检查考核总结: t.yes(),
    参加培训班: t.yes(0.05),
    职工人数: staff,
    培训人数: Math.round(staff * (0.3 + random() * t.care * 0.8)),
    有创名牌工作计划: t.yes(),
    及时申报名牌产品: t.yes(),
    获省市名牌数: t.rare(0.35) ? t.int(1, 2) : 0,
    获中国名牌数: t.rare(0.06) ? 1 : 0,
    通过质量体系认证: t.yes(0.05),
    有质量建档: t.yes(0.05),
    按标生产: t.yes(0.05),
    完成标准复审: t.yes(),
    通过计量确认: t.yes(-0.2),
    通过采标: t.yes(-0.3),
    省抽不合格数: t.bad(3),
    国抽不合格数: t.bad(2),
    明确打假联络员: t.yes(),
    一般违法案件数: t.bad(3),
    严重违法案件数: t.bad(1),
    发生重大制假售假案件: t.rare(0.03),
    被省级以上媒体曝光: t.rare(0.03),
    查实线索数: t.int(0, 1),
    台帐按要求分类: t.yes(),
    资料齐全: t.yes(),
    数据准确: t.yes(),
  };
}
