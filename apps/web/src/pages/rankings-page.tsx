import { useQueries, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Col, Empty, Row, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRubricCatalog } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { Chart } from "../components/chart.tsx";
import { useFormat } from "../i18n/format.ts";
import { exportPeriodSummary } from "../lib/summary-export.ts";
import { type RouterOutputs, useTRPC, useTRPCClient } from "../trpc.ts";

type RankRow = RouterOutputs["reports"]["ranking"][number];

/** Rankings per period and subject kind: table, bar chart, and a per-item comparison. */
export function RankingsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message } = App.useApp();
  const { period } = useShell();
  const catalog = useRubricCatalog();
  const rubrics = (catalog.data ?? []).filter((r) => r.published);
  const [kind, setKind] = useState<string | null>(null);
  const rubric = rubrics.find((r) => r.subjectKind === kind) ?? rubrics[0];
  const [compare, setCompare] = useState<number[]>([]);
  const [exporting, setExporting] = useState(false);

  const ranking = useQuery({
    ...trpc.reports.ranking.queryOptions({ periodId: period?.id ?? 0, kind: rubric?.subjectKind ?? "" }),
    enabled: period !== null && rubric !== undefined,
  });
  const stats = useQuery({
    ...trpc.reports.itemStats.queryOptions({ periodId: period?.id ?? 0, rubricKey: rubric?.key ?? "" }),
    enabled: period !== null && rubric !== undefined,
  });
  const rows = ranking.data ?? [];
  const chosen = compare.length > 0 ? compare : rows.slice(0, 3).map((r) => r.assessmentId);
  const details = useQueries({ queries: chosen.map((id) => trpc.assessments.get.queryOptions({ id })) });

  const barOption = useMemo(() => {
    const sorted = [...rows].reverse();
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", name: t("common.total") },
      yAxis: {
        type: "category",
        data: sorted.map((r) => `${r.rank}. ${r.subjectName}`),
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: sorted.map((r) => r.total),
          label: { show: true, position: "right" },
          itemStyle: { color: "#1d5fbf" },
        },
      ],
    };
  }, [rows, t]);

  const compareOption = useMemo(() => {
    const items = stats.data?.items ?? [];
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: {
        type: "category",
        data: items.map((i) => `${i.number} ${i.title}`),
        axisLabel: { interval: 0, rotate: 30, width: 80, overflow: "truncate" },
      },
      yAxis: { type: "value", name: t("common.points") },
      series: [
        {
          type: "line",
          name: t("assessment.standard"),
          data: items.map((i) => i.standard),
          lineStyle: { type: "dashed" },
        },
        { type: "line", name: t("dashboard.average"), data: items.map((i) => i.mean) },
        ...details.flatMap((d) =>
          d.data
            ? [
                {
                  type: "bar",
                  name: d.data.subjectName,
                  data: items.map((i) => d.data?.result?.items.find((x) => x.number === i.number)?.points ?? null),
                },
              ]
            : [],
        ),
      ],
    };
  }, [stats.data, details, t]);

  if (!period || !rubric) return <Empty description={t("dashboard.noData")} />;
  const barHeight = Math.max(200, rows.length * 26 + 40);

  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("rankings.title")} · {period.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t("common.kind")}
          value={rubric.subjectKind}
          options={rubrics.map((r) => r.subjectKind)}
          onChange={(v) => {
            setKind(String(v));
            setCompare([]);
          }}
        />
        <Button
          loading={exporting}
          onClick={async () => {
            setExporting(true);
            try {
              await exportPeriodSummary(client, period.id, period.name, rubrics, t);
            } catch (e) {
              void message.error(e instanceof Error ? e.message : String(e));
            } finally {
              setExporting(false);
            }
          }}
        >
          {t("rankings.summary")}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t("rankings.table")}</h3>}>
            <Table<RankRow>
              rowKey="assessmentId"
              size="small"
              loading={ranking.isPending}
              dataSource={rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: t("common.rank"), dataIndex: "rank", width: 56 },
                { title: t("common.code"), dataIndex: "subjectCode", width: 90 },
                {
                  title: t("common.name"),
                  dataIndex: "subjectName",
                  minWidth: 180,
                  render: (n: string, r) => <Link to={`/assessments/${r.assessmentId}`}>{n}</Link>,
                },
                {
                  title: t("common.status"),
                  dataIndex: "status",
                  width: 90,
                  render: (s: RankRow["status"]) => <Tag>{t(`status.${s}`)}</Tag>,
                },
                {
                  title: t("common.total"),
                  dataIndex: "total",
                  width: 80,
                  render: (v: number) => <span className="kp-points">{format.number(v)}</span>,
                },
                { title: t("assessment.grade"), dataIndex: "grade", width: 70 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t("rankings.chart")}</h3>}>
            {rows.length === 0 ? (
              <Empty />
            ) : (
              <Chart option={barOption} height={barHeight} label={t("rankings.chart")} />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t("rankings.perItem")}</h3>} style={{ marginTop: 16 }}>
        <Select
          mode="multiple"
          aria-label={t("rankings.select")}
          placeholder={t("rankings.select")}
          style={{ width: "100%", marginBottom: 12 }}
          value={chosen}
          maxCount={5}
          onChange={(v: number[]) => setCompare(v)}
          options={rows.map((r) => ({ value: r.assessmentId, label: `${r.rank}. ${r.subjectName}` }))}
        />
        <Chart option={compareOption} height={360} label={t("rankings.perItem")} />
      </Card>
    </>
  );
}
