import type { CompiledRubric } from "@kaoping/engine";
import { Empty, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { pointsRange } from "../../i18n/points-range.ts";

/** The least and most points the total and each item can reach, whatever the facts. */
export function BoundsTable({ rubric }: { rubric: CompiledRubric | null }) {
  const { t } = useTranslation();
  const bounds = useMemo(() => rubric?.bounds() ?? null, [rubric]);
  if (!bounds) return <Empty />;
  return (
    <>
      <Typography.Paragraph>
        {t("common.total")}
        {t("common.colon")}
        {pointsRange(t, bounds.least, bounds.most)}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="number"
        pagination={false}
        dataSource={[...bounds.items]}
        columns={[
          { title: t("common.item"), dataIndex: "number", width: 50 },
          { title: t("common.name"), dataIndex: "title" },
          { title: t("assessment.standard"), dataIndex: "standard", width: 70 },
          { title: t("rubrics.bounds"), render: (_, i) => pointsRange(t, i.least, i.most) },
        ]}
      />
    </>
  );
}
