// Annex 1 (villages) scored by hand, as ../shared/seed/READING.md reads it: the reference that the
// compiled rubrics/village-quality.rubric is differentially tested and benchmarked against.
// Deliberately plain: one line per criterion, no shared machinery with the engine.
//
// Exactness: every amount on the sheet is a whole number of points except the discretionary
// letters score, which moves in steps of 0.1. So all points are kept as integers in tenths of a
// point and divided by 10 only when returned; thresholds are compared in integers (× 100) too.

/** The facts of one village, keyed by the rubric's input names. */
export interface VillageFacts {
  // 项目 1 工作机构
  readonly 及时调整工作机构: boolean;
  readonly 工作机构正常开展活动: boolean;
  readonly 参加政府会议活动: boolean;
  // 项目 2 工作方案
  readonly 制定工作方案: boolean;
  readonly 应签责任状企业数: number;
  readonly 已签责任状企业数: number;
  /** The assessor's discretionary score, 0..4 in steps of 0.1. */
  readonly 责任书评分: number;
  readonly 有检查考核总结: boolean;
  // 项目 3 宣传培训
  readonly 辖区企业数: number;
  readonly 培训人数: number;
  readonly 法规培训期数: number;
  // 项目 4 名牌战略
  readonly 及时申报名牌产品: boolean;
  readonly 新增省级名牌数: number;
  readonly 新增中国名牌数: number;
  // 项目 5 质量管理
  readonly 五百万以上工业企业数: number;
  readonly 通过认证企业数: number;
  readonly 新增认证企业数: number;
  /** Percent points, 0..100 (100 means 100 %), as in the engine's facts. */
  readonly 质量建档率: number;
  // 项目 6 标准计量
  readonly 企业标准覆盖率: number;
  readonly 完成标准复审: boolean;
  readonly 标准复审率: number;
  readonly 新增计量确认单位数: number;
  readonly 新增采标单位数: number;
  // 项目 7 质量监督
  readonly 省抽不合格数: number;
  readonly 国抽不合格数: number;
  // 项目 8 打假治劣
  readonly 建立打假责任制: boolean;
  readonly 明确打假联络员: boolean;
  readonly 一般违法案件数: number;
  readonly 严重违法案件数: number;
  readonly 发生重大制假售假案件: boolean;
  readonly 被省级以上媒体曝光: boolean;
  readonly 查实线索数: number;
  // 项目 9 台帐资料
  readonly 台帐按要求分类: boolean;
  readonly 资料齐全: boolean;
  readonly 数据准确: boolean;
}

/** Points of items 1..9 (index 0 is item 1) and the total. */
export interface VillageScore {
  readonly items: number[];
  readonly total: number;
}

/** Scores one village by Annex 1, exactly as READING.md reads the sheet. */
export function scoreVillageByHand(f: VillageFacts): VillageScore {
  // All amounts below are tenths of a point.
  const item1 = (f.及时调整工作机构 ? 20 : 0) + (f.工作机构正常开展活动 ? 20 : 0) + (f.参加政府会议活动 ? 10 : 0);

  const item2 = (f.制定工作方案 ? 30 : 0) + Math.round(f.责任书评分 * 10) + (f.有检查考核总结 ? 30 : 0);

  // 60 % of the enterprises, compared without division: a village with none meets it.
  const item3 = (f.培训人数 * 100 >= 60 * f.辖区企业数 ? 50 : 0) + Math.min(f.法规培训期数 * 10, 30);

  // Bonuses are open (no cap) and come on top of the standard points.
  const item4 = (f.及时申报名牌产品 ? 150 : 0) + 50 * f.新增省级名牌数 + 100 * f.新增中国名牌数;

  const item5 =
    (f.通过认证企业数 * 100 >= 30 * f.五百万以上工业企业数 ? 20 : 0) +
    (f.新增认证企业数 > 0 ? 10 : 0) +
    (f.质量建档率 >= 100 ? 20 : 0);

  const item6 =
    (f.企业标准覆盖率 >= 98 ? 100 : 0) +
    (f.完成标准复审 && f.标准复审率 >= 98 ? 100 : 0) +
    10 * f.新增计量确认单位数 +
    10 * f.新增采标单位数;

  // 扣完为止: each deduction criterion stops at 0.
  const item7 = Math.max(0, 40 - 10 * f.省抽不合格数) + Math.max(0, 60 - 20 * f.国抽不合格数);

  // The knock-out zeroes the case criterion only, not the item.
  const cases =
    f.发生重大制假售假案件 || f.被省级以上媒体曝光
      ? 0
      : Math.max(0, 100 - 10 * f.一般违法案件数 - 20 * f.严重违法案件数);
  const item8 = (f.建立打假责任制 ? 50 : 0) + (f.明确打假联络员 ? 50 : 0) + cases + 30 * f.查实线索数;

  const item9 = (f.台帐按要求分类 ? 30 : 0) + (f.资料齐全 ? 50 : 0) + (f.数据准确 ? 20 : 0);

  const tenths = [item1, item2, item3, item4, item5, item6, item7, item8, item9];
  let total = 0;
  for (const t of tenths) total += t;
  return { items: tenths.map((t) => t / 10), total: total / 10 };
}
