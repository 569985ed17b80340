import { useQueries, useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type RubricEntry, useRubricCatalog } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { Chart } from "../components/chart.tsx";
import { useFormat } from "../i18n/format.ts";
import { histogram, lostPoints, totalBins } from "../lib/stats.ts";
import { useTRPC } from "../trpc.ts";

const statuses = ["draft", "returned", "submitted", "approved"] as const;
const statusColors: Record<(typeof statuses)[number] | "none", string> = {
  none: "#d9d9d9",
  draft: "#faad14",
  returned: "#ff4d4f",
  submitted: "#1677ff",
  approved: "#52c41a",
};

/** The period at a glance: progress per subject kind, distribution of totals, where points are lost. */
export function DashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { period } = useShell();
  const catalog = useRubricCatalog();
  const ranking = useQuery({
    ...trpc.reports.ranking.queryOptions({ periodId: period?.id ?? 0 }),
    enabled: period !== null,
  });
  const rubrics = (catalog.data ?? []).filter((r) => r.published);

  const chart = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: "category", data: totalBins.map((b) => b.label), name: t("common.total") },
      yAxis: { type: "value", minInterval: 1, name: t("dashboard.count") },
      series: rubrics.map((r) => ({
        type: "bar",
        name: r.subjectKind,
        data: histogram((ranking.data ?? []).filter((x) => x.subjectKind === r.subjectKind).map((x) => x.total)),
      })),
    }),
    [rubrics, ranking.data, t],
  );

  if (!period) return <Empty description={t("dashboard.noData")} />;
  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("dashboard.title")} · {period.name}
      </Typography.Title>
      <section aria-labelledby="kp-progress">
        <Typography.Title level={4} id="kp-progress">
          {t("dashboard.progress")}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {rubrics.map((r) => (
            <Col xs={24} lg={12} key={r.key}>
              <KindProgress rubric={r} periodId={period.id} />
            </Col>
          ))}
        </Row>
      </section>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <Card title={<h4 style={{ margin: 0 }}>{t("dashboard.distribution")}</h4>}>
            {(ranking.data ?? []).length === 0 ? (
              <Empty description={t("dashboard.noData")} />
            ) : (
              <Chart option={chart} label={t("dashboard.distribution")} height={300} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={<h4 style={{ margin: 0 }}>{t("dashboard.lost")}</h4>}>
            {rubrics.map((r) => (
              <LostItems key={r.key} rubric={r} periodId={period.id} />
            ))}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function KindProgress({ rubric, periodId }: { rubric: RubricEntry; periodId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const subjects = useQuery(trpc.subjects.list.queryOptions({ kind: rubric.subjectKind, limit: 1, offset: 0 }));
  const counts = useQueries({
    queries: statuses.map((status) =>
      trpc.assessments.list.queryOptions({ periodId, kind: rubric.subjectKind, status, limit: 1, offset: 0 }),
    ),
  });
  const stats = useQuery(trpc.reports.itemStats.queryOptions({ periodId, rubricKey: rubric.key }));
  const total = subjects.data?.total ?? 0;
  const by = Object.fromEntries(statuses.map((s, i) => [s, counts[i]?.data?.total ?? 0])) as Record<
    (typeof statuses)[number],
    number
  >;
  const started = statuses.reduce((s, k) => s + by[k], 0);
  const none = Math.max(0, total - started);
  const pct = (n: number) => (total === 0 ? 0 : (n / total) * 100);

  return (
    <Card
      title={<h5 style={{ margin: 0, fontSize: 16 }}>{rubric.subjectKind}</h5>}
      extra={<Typography.Text type="secondary">{rubric.title}</Typography.Text>}
    >
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title={t("dashboard.count")} value={total} />
        <Statistic title={t("status.approved")} value={by.approved} />
        <Statistic
          title={t("dashboard.average")}
          value={stats.data?.meanTotal ?? "—"}
          precision={stats.data?.meanTotal == null ? undefined : 1}
        />
      </Space>
      <div
        role="img"
        aria-label={`${rubric.subjectKind}: ${t("status.none")} ${none}, ${statuses.map((s) => `${t(`status.${s}`)} ${by[s]}`).join(", ")}`}
        style={{ display: "flex", height: 14, borderRadius: 7, overflow: "hidden", background: statusColors.none }}
      >
        {statuses.map((s) => (
          <div key={s} style={{ width: `${pct(by[s])}%`, background: statusColors[s] }} />
        ))}
      </div>
      <Space size={[8, 4]} wrap style={{ marginTop: 8 }}>
        {(["none", ...statuses] as const).map((s) => (
          <Link key={s} to={`/subjects?kind=${encodeURIComponent(rubric.subjectKind)}&status=${s}`}>
            <Tag color={statusColors[s]} style={s === "none" ? { color: "#333" } : undefined}>
              {t(`status.${s}`)} {s === "none" ? none : by[s]}
            </Tag>
          </Link>
        ))}
      </Space>
      <Progress
        percent={Math.round(pct(by.approved))}
        size="small"
        format={(p) => `${t("status.approved")} ${format.percent(p ?? 0)}`}
      />
    </Card>
  );
}

function LostItems({ rubric, periodId }: { rubric: RubricEntry; periodId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const stats = useQuery(trpc.reports.itemStats.queryOptions({ periodId, rubricKey: rubric.key }));
  const rows = lostPoints(stats.data?.items ?? []).slice(0, 5);
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>
        {rubric.subjectKind}（{stats.data?.scored ?? 0} {t("dashboard.subjects")}）
      </Typography.Text>
      <Table
        size="small"
        rowKey="number"
        pagination={false}
        loading={stats.isPending}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t("common.item"), dataIndex: "number", width: 56 },
          { title: t("common.name"), dataIndex: "title" },
          { title: t("assessment.standard"), dataIndex: "standard", width: 72 },
          { title: t("dashboard.average"), dataIndex: "mean", width: 80, render: (v: number) => format.number(v, 2) },
          {
            title: t("dashboard.lostPoints"),
            dataIndex: "lost",
            width: 160,
            render: (lost: number, r) => (
              <Progress
                percent={Math.max(0, Math.min(100, (lost / r.standard) * 100))}
                size="small"
                format={() => format.number(lost, 2)}
                status="exception"
              />
            ),
          },
        ]}
      />
    </div>
  );
}
