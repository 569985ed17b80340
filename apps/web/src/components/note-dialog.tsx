import { Input, Modal, Typography } from "antd";
import { type ReactNode, useId, useState } from "react";

/**
 * Asks for a text a step cannot go without (a return comment, a publish note). The text stays
 * while the dialog is closed without the step, and is cleared once the step is done.
 */
export function NoteDialog({
  open,
  title,
  label,
  requiredHint,
  rows,
  danger = false,
  blocked = false,
  pending,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  title: string;
  /** The field's label. */
  label: string;
  /** Shown while the field is empty. */
  requiredHint: string;
  rows: number;
  /** The step cannot be undone lightly (returning an assessment). */
  danger?: boolean;
  /** The step is refused whatever the text (children say why). */
  blocked?: boolean;
  pending: boolean;
  onCancel: () => void;
  /** Takes the step with the text; `done` clears it once the step succeeded. */
  onConfirm: (text: string, done: () => void) => void;
  /** Shown above the field. */
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const empty = text.trim() === "";
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => onConfirm(text, () => setText(""))}
      okButtonProps={{ disabled: empty || blocked, danger }}
      confirmLoading={pending}
      destroyOnHidden
    >
      {children}
      <label htmlFor={id}>{label}</label>
      <Input.TextArea id={id} rows={rows} value={text} onChange={(e) => setText(e.target.value)} />
      {empty && <Typography.Text type="secondary">{requiredHint}</Typography.Text>}
    </Modal>
  );
}
