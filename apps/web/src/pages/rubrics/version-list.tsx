import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Table } from "antd";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";

type Version = RouterOutputs["rubrics"]["versions"][number];

/** Every version of a rubric, newest first, with its note and author; any can be loaded into the editor. */
export function VersionList({ rubricKey, onLoad }: { rubricKey: string; onLoad: (source: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const versions = useQuery(trpc.rubrics.versions.queryOptions({ key: rubricKey }));
  return (
    <Table<Version>
      size="small"
      rowKey="id"
      loading={versions.isPending}
      dataSource={versions.data ?? []}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        {
          title: "#",
          dataIndex: "version",
          width: 50,
          render: (v: number | null) => (v === null ? t("rubrics.draft") : `v${v}`),
        },
        { title: t("rubrics.note"), dataIndex: "note" },
        { title: t("rubrics.author"), dataIndex: "author", width: 80 },
        {
          title: t("common.time"),
          dataIndex: "publishedAt",
          width: 150,
          render: (v: string | null, r) => format.dateTime(v ?? r.updatedAt),
        },
        {
          title: "",
          width: 90,
          render: (_, r) => (
            <Button
              size="small"
              onClick={async () => {
                const v = await qc.fetchQuery(trpc.rubrics.get.queryOptions({ id: r.id }));
                onLoad(v.source);
              }}
            >
              {t("rubrics.loadVersion")}
            </Button>
          ),
        },
      ]}
    />
  );
}
