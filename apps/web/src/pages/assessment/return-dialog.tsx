import { Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Asks the reviewer why the assessment goes back; a comment is required. */
export function ReturnDialog({
  open,
  pending,
  onCancel,
  onReturn,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  /** Sends the comment; `done` clears it once the assessment is returned. */
  onReturn: (comment: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  // Kept while the dialog is closed without returning: reopening shows what was typed.
  const [comment, setComment] = useState("");
  return (
    <Modal
      open={open}
      title={t("assessment.return")}
      onCancel={onCancel}
      onOk={() => onReturn(comment, () => setComment(""))}
      okButtonProps={{ disabled: comment.trim() === "", danger: true }}
      confirmLoading={pending}
      destroyOnHidden
    >
      <label htmlFor="kp-return-comment">{t("assessment.returnComment")}</label>
      <Input.TextArea id="kp-return-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
      {comment.trim() === "" && <Typography.Text type="secondary">{t("assessment.commentRequired")}</Typography.Text>}
    </Modal>
  );
}
