import { Button, Modal, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { FactDraft, FactInput, PreparedRubric } from "../../lib/live-score.ts";
import { toDraft } from "../../lib/live-score.ts";
import { factText } from "./fact-text.ts";
import type { Assessment } from "./use-assessment-draft.ts";

function sameFact(a: FactInput | undefined, b: FactInput | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Someone saved first: what they changed and what this draft changed, then reload or overwrite. */
export function ConflictDialog({
  theirs,
  base,
  mine,
  prepared,
  onClose,
  onReload,
  onOverwrite,
}: {
  /** The other person's saved copy; null while there is no conflict. */
  theirs: Assessment | null;
  /** The answers this form started from. */
  base: FactDraft;
  mine: FactDraft;
  prepared: PreparedRubric;
  onClose: () => void;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={theirs !== null}
      title={t("assessment.conflictTitle")}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button onClick={onReload}>{t("assessment.conflictReload")}</Button>
          <Button danger type="primary" onClick={onOverwrite}>
            {t("assessment.conflictOverwrite")}
          </Button>
        </Space>
      }
    >
      {theirs && <ConflictDiff theirs={theirs} base={base} mine={mine} prepared={prepared} />}
    </Modal>
  );
}

function ConflictDiff({
  theirs,
  base,
  mine,
  prepared,
}: {
  theirs: Assessment;
  base: FactDraft;
  mine: FactDraft;
  prepared: PreparedRubric;
}) {
  const { t } = useTranslation();
  const saved = toDraft(theirs.facts);
  const by = theirs.updatedBy;
  // Every answer either side changed since this form loaded: what overwriting would keep or undo.
  const names = [...new Set([...Object.keys(saved), ...Object.keys(base), ...Object.keys(mine)])].filter(
    (n) => !sameFact(saved[n], base[n]) || !sameFact(mine[n], base[n]),
  );
  return (
    <>
      <Typography.Paragraph>
        {by
          ? t("assessment.conflictBy", {
              revision: theirs.revision,
              name: by.displayName,
              role: t(`roles.${by.role}`),
            })
          : t("assessment.conflictText", { revision: theirs.revision })}
      </Typography.Paragraph>
      {names.every((n) => sameFact(saved[n], base[n])) && (
        <Typography.Paragraph type="secondary">{t("assessment.conflictNoFacts")}</Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={names.map((name) => ({
          name,
          label: prepared.inputsByName.get(name)?.label ?? name,
          theirs: factText(saved[name], t("common.yes"), t("common.no")),
          mine: factText(mine[name], t("common.yes"), t("common.no")),
        }))}
        columns={[
          { title: t("assessment.conflictField"), dataIndex: "label" },
          { title: t("assessment.theirs"), dataIndex: "theirs" },
          { title: t("assessment.mine"), dataIndex: "mine" },
        ]}
      />
    </>
  );
}
