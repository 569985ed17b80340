import { Button, Empty, Result, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRubricCatalog } from "../../app/catalog.ts";
import { useShell } from "../../app/context.ts";
import { canEditRubrics } from "../../app/permissions.ts";
import { NewRubricDialog } from "./new-rubric-dialog.tsx";
import { RubricWorkspace } from "./rubric-workspace.tsx";

/** The rubric editor (policy role): pick a rubric or start one, then edit, check, test and publish it. */
export function RubricsPage() {
  const { t } = useTranslation();
  const { user } = useShell();
  const catalog = useRubricCatalog();
  const [key, setKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (!canEditRubrics(user.role)) return <Result status="403" title="403" subTitle={t("common.forbidden")} />;
  const entries = catalog.data ?? [];
  const entry = entries.find((e) => e.key === key) ?? entries[0];
  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("rubrics.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t("rubrics.select")}
          value={entry?.key}
          onChange={(v) => setKey(String(v))}
          options={entries.map((e) => ({ value: e.key, label: `${e.subjectKind || t("rubrics.draft")} · ${e.key}` }))}
        />
        <Button onClick={() => setCreating(true)}>{t("rubrics.create")}</Button>
      </Space>
      {entry ? <RubricWorkspace key={entry.key} entry={entry} /> : <Empty />}
      {creating && (
        <NewRubricDialog
          taken={entries.map((e) => e.key)}
          onClose={(created) => {
            setCreating(false);
            if (created) setKey(created);
          }}
        />
      )}
    </>
  );
}
