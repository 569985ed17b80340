// Annex 1 encoded for two peer rule engines, for the benchmark: json-rules-engine and GoRules ZEN.
// Both must give exactly the hand-written scorer's item points and total (the benchmark checks
// every village before it times anything).
//
// - json-rules-engine decides which rules fire; it has no arithmetic, so thresholds use custom
//   operators ("at least 60 % of another fact") and the per-occurrence amounts, caps, floors and
//   knock-outs carried by its events are applied by a small reducer, the way it is used in practice.
// - ZEN (Rust, through N-API) evaluates a decision graph whose expression node holds each item's
//   formula in its own expression language (decimal arithmetic).
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import { Engine, type RuleProperties } from "json-rules-engine";
import type { VillageFacts, VillageScore } from "./village-handwritten.ts";

type Params = { item: number } & (
  | { kind: "award"; points: number }
  | { kind: "per"; fact: keyof VillageFacts; amount: number; cap?: number }
  | { kind: "deduct"; base: number; clauses: { fact: keyof VillageFacts; amount: number }[]; id: string }
  | { kind: "score"; fact: keyof VillageFacts }
  | { kind: "knockout"; id: string }
);

const is = (fact: keyof VillageFacts) => ({ fact, operator: "equal", value: true });
const always = (fact: keyof VillageFacts) => ({ fact, operator: "greaterThanInclusive", value: 0 });

function award(item: number, points: number, conditions: RuleProperties["conditions"]): RuleProperties {
  return { conditions, event: { type: "points", params: { item, kind: "award", points } satisfies Params } };
}
function per(item: number, fact: keyof VillageFacts, amount: number, cap?: number): RuleProperties {
  const params: Params =
    cap === undefined ? { item, kind: "per", fact, amount } : { item, kind: "per", fact, amount, cap };
  return { conditions: { all: [{ fact, operator: "greaterThan", value: 0 }] }, event: { type: "points", params } };
}

/** Annex 1 as json-rules-engine rules; returns a scorer of one village. */
export function jsonRulesEngineScorer(): (v: VillageFacts) => Promise<VillageScore> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addOperator("atLeast60PercentOf", (a: number, b: number) => a * 100 >= 60 * b);
  engine.addOperator("atLeast30PercentOf", (a: number, b: number) => a * 100 >= 30 * b);
  const rules: RuleProperties[] = [
    award(1, 2, { all: [is("及时调整工作机构")] }),
    award(1, 2, { all: [is("工作机构正常开展活动")] }),
    award(1, 1, { all: [is("参加政府会议活动")] }),
    award(2, 3, { all: [is("制定工作方案")] }),
    {
      conditions: { all: [always("责任书评分")] },
      event: { type: "points", params: { item: 2, kind: "score", fact: "责任书评分" } satisfies Params },
    },
    award(2, 3, { all: [is("有检查考核总结")] }),
    award(3, 5, { all: [{ fact: "培训人数", operator: "atLeast60PercentOf", value: { fact: "辖区企业数" } }] }),
    per(3, "法规培训期数", 1, 3),
    award(4, 15, { all: [is("及时申报名牌产品")] }),
    per(4, "新增省级名牌数", 5),
    per(4, "新增中国名牌数", 10),
    award(5, 2, {
      all: [{ fact: "通过认证企业数", operator: "atLeast30PercentOf", value: { fact: "五百万以上工业企业数" } }],
    }),
    award(5, 1, { all: [{ fact: "新增认证企业数", operator: "greaterThan", value: 0 }] }),
    award(5, 2, { all: [{ fact: "质量建档率", operator: "greaterThanInclusive", value: 100 }] }),
    award(6, 10, { all: [{ fact: "企业标准覆盖率", operator: "greaterThanInclusive", value: 98 }] }),
    award(6, 10, { all: [is("完成标准复审"), { fact: "标准复审率", operator: "greaterThanInclusive", value: 98 }] }),
    per(6, "新增计量确认单位数", 1),
    per(6, "新增采标单位数", 1),
    {
      conditions: { all: [always("省抽不合格数")] },
      event: {
        type: "points",
        params: {
          item: 7,
          kind: "deduct",
          base: 4,
          clauses: [{ fact: "省抽不合格数", amount: 1 }],
          id: "7.1",
        } satisfies Params,
      },
    },
    {
      conditions: { all: [always("国抽不合格数")] },
      event: {
        type: "points",
        params: {
          item: 7,
          kind: "deduct",
          base: 6,
          clauses: [{ fact: "国抽不合格数", amount: 2 }],
          id: "7.2",
        } satisfies Params,
      },
    },
    award(8, 5, { all: [is("建立打假责任制")] }),
    award(8, 5, { all: [is("明确打假联络员")] }),
    {
      conditions: { all: [always("一般违法案件数")] },
      event: {
        type: "points",
        params: {
          item: 8,
          kind: "deduct",
          base: 10,
          clauses: [
            { fact: "一般违法案件数", amount: 1 },
            { fact: "严重违法案件数", amount: 2 },
          ],
          id: "8.3",
        } satisfies Params,
      },
    },
    {
      conditions: { any: [is("发生重大制假售假案件"), is("被省级以上媒体曝光")] },
      event: { type: "points", params: { item: 8, kind: "knockout", id: "8.3" } satisfies Params },
    },
    per(8, "查实线索数", 3),
    award(9, 3, { all: [is("台帐按要求分类")] }),
    award(9, 5, { all: [is("资料齐全")] }),
    award(9, 2, { all: [is("数据准确")] }),
  ];
  for (const r of rules) engine.addRule(r);
  return async (v) => {
    const { events } = await engine.run(v as unknown as Record<string, unknown>);
    // Tenths of a point, as the hand-written scorer keeps them: exact.
    const tenths = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const knockedOut = new Set(
      events
        .map((e) => e.params as Params)
        .filter((p) => p.kind === "knockout")
        .map((p) => (p as { id: string }).id),
    );
    for (const e of events) {
      const p = e.params as Params;
      let t = 0;
      switch (p.kind) {
        case "award":
          t = p.points * 10;
          break;
        case "per":
          t = Math.min((v[p.fact] as number) * p.amount * 10, p.cap === undefined ? Infinity : p.cap * 10);
          break;
        case "deduct":
          t = knockedOut.has(p.id)
            ? 0
            : Math.max(0, p.base * 10 - p.clauses.reduce((s, c) => s + (v[c.fact] as number) * c.amount * 10, 0));
          break;
        case "score":
          t = Math.round((v[p.fact] as number) * 10);
          break;
        case "knockout":
          break;
      }
      tenths[p.item - 1] = (tenths[p.item - 1] ?? 0) + t;
    }
    const total = tenths.reduce((s, t) => s + t, 0);
    return { items: tenths.map((t) => t / 10), total: total / 10 };
  };
}

const FIELDS: readonly (keyof VillageFacts)[] = [
  "及时调整工作机构",
  "工作机构正常开展活动",
  "参加政府会议活动",
  "制定工作方案",
  "应签责任状企业数",
  "已签责任状企业数",
  "责任书评分",
  "有检查考核总结",
  "辖区企业数",
  "培训人数",
  "法规培训期数",
  "及时申报名牌产品",
  "新增省级名牌数",
  "新增中国名牌数",
  "五百万以上工业企业数",
  "通过认证企业数",
  "新增认证企业数",
  "质量建档率",
  "企业标准覆盖率",
  "完成标准复审",
  "标准复审率",
  "新增计量确认单位数",
  "新增采标单位数",
  "省抽不合格数",
  "国抽不合格数",
  "建立打假责任制",
  "明确打假联络员",
  "一般违法案件数",
  "严重违法案件数",
  "发生重大制假售假案件",
  "被省级以上媒体曝光",
  "查实线索数",
  "台帐按要求分类",
  "资料齐全",
  "数据准确",
];

/** ZEN's expression language wants ASCII names: f0, f1, … in FIELDS order. */
function zenFacts(v: VillageFacts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [i, k] of FIELDS.entries()) out[`f${i}`] = v[k];
  return out;
}

/** Annex 1 as a ZEN decision graph; returns a scorer of one village. */
export function zenScorer(): { score: (v: VillageFacts) => Promise<VillageScore>; dispose: () => void } {
  const f = (k: keyof VillageFacts): string => `f${FIELDS.indexOf(k)}`;
  const items = [
    `(${f("及时调整工作机构")} ? 2 : 0) + (${f("工作机构正常开展活动")} ? 2 : 0) + (${f("参加政府会议活动")} ? 1 : 0)`,
    `(${f("制定工作方案")} ? 3 : 0) + ${f("责任书评分")} + (${f("有检查考核总结")} ? 3 : 0)`,
    `(${f("培训人数")} * 100 >= 60 * ${f("辖区企业数")} ? 5 : 0) + min([${f("法规培训期数")}, 3])`,
    `(${f("及时申报名牌产品")} ? 15 : 0) + 5 * ${f("新增省级名牌数")} + 10 * ${f("新增中国名牌数")}`,
    `(${f("通过认证企业数")} * 100 >= 30 * ${f("五百万以上工业企业数")} ? 2 : 0) + (${f("新增认证企业数")} > 0 ? 1 : 0) + (${f("质量建档率")} >= 100 ? 2 : 0)`,
    `(${f("企业标准覆盖率")} >= 98 ? 10 : 0) + (${f("完成标准复审")} and ${f("标准复审率")} >= 98 ? 10 : 0) + ${f("新增计量确认单位数")} + ${f("新增采标单位数")}`,
    `max([0, 4 - ${f("省抽不合格数")}]) + max([0, 6 - 2 * ${f("国抽不合格数")}])`,
    `(${f("建立打假责任制")} ? 5 : 0) + (${f("明确打假联络员")} ? 5 : 0) + (${f("发生重大制假售假案件")} or ${f("被省级以上媒体曝光")} ? 0 : max([0, 10 - ${f("一般违法案件数")} - 2 * ${f("严重违法案件数")}])) + 3 * ${f("查实线索数")}`,
    `(${f("台帐按要求分类")} ? 3 : 0) + (${f("资料齐全")} ? 5 : 0) + (${f("数据准确")} ? 2 : 0)`,
  ];
  const expressions = items.map((value, i) => ({ id: `i${i + 1}`, key: `item${i + 1}`, value }));
  expressions.push({ id: "total", key: "total", value: items.map((_, i) => `$.item${i + 1}`).join(" + ") });
  const content = {
    nodes: [
      { id: "in", type: "inputNode", name: "facts", position: { x: 0, y: 0 } },
      { id: "score", type: "expressionNode", name: "score", position: { x: 200, y: 0 }, content: { expressions } },
      { id: "out", type: "outputNode", name: "result", position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: "a", sourceId: "in", targetId: "score", type: "edge" },
      { id: "b", sourceId: "score", targetId: "out", type: "edge" },
    ],
  };
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(content);
  return {
    score: async (v) => {
      const r = (await decision.evaluate(zenFacts(v))).result as Record<string, number>;
      return { items: items.map((_, i) => Number(r[`item${i + 1}`])), total: Number(r["total"]) };
    },
    dispose: () => engine.dispose(),
  };
}
