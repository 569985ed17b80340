import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { rubricTemplate } from "../../lib/rubric-template.ts";
import { useTRPC } from "../../trpc.ts";

/** Starts a new rubric as a draft from a template that checks clean. */
export function NewRubricDialog({
  taken,
  onClose,
}: {
  /** Keys other rubrics have already. */
  taken: readonly string[];
  /** Called with the new rubric's key, or null when the user cancels. */
  onClose: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ key: string; title: string; kind: string }>();
  const save = useMutation(
    trpc.rubrics.saveDraft.mutationOptions({
      onSuccess: async (r) => {
        await qc.invalidateQueries({ queryKey: trpc.rubrics.list.queryKey() });
        onClose(r.draft.key);
      },
    }),
  );
  return (
    <Modal
      open
      title={t("rubrics.create")}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {save.error && <Alert type="error" title={save.error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            key: v.key,
            source: rubricTemplate(v.key, v.title, v.kind, new Date().getFullYear()),
            note: "",
            revision: null,
          })
        }
      >
        <Form.Item
          label={t("rubrics.key")}
          name="key"
          extra={t("rubrics.keyHelp")}
          rules={[
            { required: true, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, message: t("rubrics.keyHelp") },
            {
              validator: async (_, v: string) =>
                taken.includes(v) ? Promise.reject(new Error(t("rubrics.keyTaken"))) : undefined,
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t("rubrics.titleLabel")} name="title" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t("common.kind")} name="kind" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
