import { Badge, Button, Segmented, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";

/** The editor's buttons and where the rubric stands: published version, draft, unsaved edits. */
export function WorkspaceToolbar({
  published,
  draftRevision,
  dirty,
  keywords,
  compiles,
  saving,
  canImpact,
  canPublish,
  onFormat,
  onRunTests,
  onSave,
  onImpact,
  onPublish,
}: {
  /** The published version's number, or null before the first. */
  published: number | null;
  /** The draft's revision on the server, or null when there is no draft. */
  draftRevision: number | null;
  dirty: boolean;
  /** The keyword set the text is written in. */
  keywords: "zh" | "en";
  compiles: boolean;
  saving: boolean;
  canImpact: boolean;
  canPublish: boolean;
  /** Formats the text, in the given keyword set when one is given. */
  onFormat: (keywords?: "zh" | "en") => void;
  onRunTests: () => void;
  onSave: () => void;
  onImpact: () => void;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {published !== null && (
        <Tag color="green">
          {t("rubrics.published")} v{published}
        </Tag>
      )}
      {draftRevision !== null && (
        <Tag color="gold">
          {t("rubrics.draft")}（{t("assessment.revision")} {draftRevision}）
        </Tag>
      )}
      {dirty && <Badge status="processing" text="…" />}
      <Button onClick={() => onFormat()}>{t("rubrics.format")}</Button>
      <Segmented
        aria-label={t("rubrics.keywords")}
        value={keywords}
        options={[
          { value: "zh", label: t("rubrics.keywordsZh") },
          { value: "en", label: t("rubrics.keywordsEn") },
        ]}
        // The formatter prints the same rubric in the other keyword set.
        onChange={(v) => onFormat(v === "en" ? "en" : "zh")}
      />
      <Button disabled={!compiles} onClick={onRunTests}>
        {t("rubrics.runTests")}
      </Button>
      <Button onClick={onSave} loading={saving} disabled={!dirty}>
        {t("rubrics.saveDraft")}
      </Button>
      <Button onClick={onImpact} disabled={!canImpact}>
        {t("rubrics.diff")}
      </Button>
      <Button type="primary" onClick={onPublish} disabled={!canPublish}>
        {t("rubrics.publish")}
      </Button>
    </Space>
  );
}
