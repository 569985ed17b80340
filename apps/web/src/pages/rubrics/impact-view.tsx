import { useQuery } from "@tanstack/react-query";
import type { RubricDiff } from "@kaoping/engine";
import { Alert, Empty, Space, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { messageLang } from "../../i18n/format.ts";
import { rankChanges } from "../../lib/ranks.ts";
import { useTRPC } from "../../trpc.ts";
import type { Impact } from "./use-rubric-draft.ts";

/** What the edit changes: the rules against the published version, then each subject's points and rank. */
export function ImpactView({
  structural,
  impact,
  periodId,
  kind,
}: {
  /** Null without a published version or while the text does not compile. */
  structural: RubricDiff | null;
  /** Null until the user asks for the impact on the period. */
  impact: Impact | null;
  periodId: number | null;
  kind: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t("rubrics.structural")}</Typography.Title>
      <RuleChanges structural={structural} />
      <Typography.Title level={5}>{t("rubrics.impact")}</Typography.Title>
      {!impact ? (
        <Empty />
      ) : impact.subjects.length === 0 ? (
        <Alert type="info" title={t("rubrics.noChanges")} />
      ) : (
        <SubjectChanges impact={impact} periodId={periodId} kind={kind} />
      )}
    </>
  );
}

function RuleChanges({ structural }: { structural: RubricDiff | null }) {
  const { t } = useTranslation();
  const changedItems = structural?.items.filter((i) => i.change !== "unchanged") ?? [];
  const changedInputs = structural?.inputs.filter((i) => i.change !== "unchanged") ?? [];
  const changeLabel = (c: string) =>
    c === "added" ? t("rubrics.added") : c === "removed" ? t("rubrics.removed") : t("rubrics.modified");
  if (changedItems.length === 0 && changedInputs.length === 0) {
    return <Typography.Paragraph type="secondary">{t("rubrics.noChanges")}</Typography.Paragraph>;
  }
  return (
    <ul style={{ paddingLeft: 18 }}>
      {changedInputs.map((i) => (
        <li key={`i-${i.name}`}>
          {changeLabel(i.change)} {t("assessment.conflictField")} {i.name}
        </li>
      ))}
      {changedItems.map((i) => (
        <li key={`item-${i.number}`}>
          {changeLabel(i.change)} {t("common.item")} {i.number} {i.title.new ?? i.title.old}
          <ul>
            {i.criteria
              .filter((c) => c.change !== "unchanged")
              .map((c) => (
                <li key={c.number} style={{ fontSize: 12 }}>
                  {t("common.criterion")} {i.number}.{c.number}: {c.rule.old ?? "—"} → {c.rule.new ?? "—"}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function SubjectChanges({ impact, periodId, kind }: { impact: Impact; periodId: number | null; kind: string }) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  const trpc = useTRPC();
  const ranking = useQuery({
    ...trpc.reports.ranking.queryOptions({ periodId: periodId ?? 0, kind }),
    enabled: periodId !== null,
  });
  const ranks = useMemo(() => {
    if (!ranking.data) return null;
    const changed = new Map<number, number>(
      impact.subjects.flatMap((r) => (r.new === null ? [] : [[r.assessmentId, r.new.total] as [number, number]])),
    );
    return rankChanges(
      ranking.data.map((r) => ({ id: r.assessmentId, total: r.total })),
      changed,
    );
  }, [impact, ranking.data]);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="green">
          {t("rubrics.gains")} {impact.summary.raised}
        </Tag>
        <Tag color="red">
          {t("rubrics.losses")} {impact.summary.lowered}
        </Tag>
        <Tag>
          {t("rubrics.changed")} {impact.summary.raised + impact.summary.lowered} / {impact.summary.subjects}
        </Tag>
      </Space>
      <Table
        size="small"
        rowKey="assessmentId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={impact.subjects}
        scroll={{ x: true }}
        data-testid="impact"
        columns={[
          { title: t("common.name"), dataIndex: "subjectName" },
          { title: t("rubrics.oldTotal"), width: 70, render: (_, r) => r.old?.total ?? "—" },
          {
            title: t("rubrics.newTotal"),
            width: 70,
            render: (_, r) => r.new?.total ?? r.errors.map((e) => e[lang]).join("；"),
          },
          {
            title: t("rubrics.delta"),
            dataIndex: "delta",
            width: 70,
            render: (v: number | null) =>
              v === null ? "—" : <span style={{ color: v < 0 ? "#cf1322" : "#389e0d" }}>{v > 0 ? `+${v}` : v}</span>,
          },
          { title: t("rubrics.oldRank"), width: 60, render: (_, r) => ranks?.before.get(r.assessmentId) ?? "—" },
          { title: t("rubrics.newRank"), width: 60, render: (_, r) => ranks?.after.get(r.assessmentId) ?? "—" },
        ]}
      />
    </>
  );
}
