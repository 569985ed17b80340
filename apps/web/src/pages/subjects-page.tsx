import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubjectKinds } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { canEditSubjects } from "../app/permissions.ts";
import { ImportDialog } from "../components/import-dialog.tsx";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

type SubjectRow = RouterOutputs["subjects"]["list"]["rows"][number];

interface SubjectForm {
  code: string;
  name: string;
  kind: string;
  attributes: { key: string; value: string }[];
}

const pageSize = 20;

/** Subjects with search, filters and, for admins, create, edit and import. */
export function SubjectsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useShell();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<SubjectRow | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<SubjectForm>();
  const editable = canEditSubjects(user.role);

  const list = useQuery(
    trpc.subjects.list.queryOptions({ limit: pageSize, offset: (page - 1) * pageSize, ...(kind ? { kind } : {}), ...(search ? { search } : {}) }),
  );
  const kinds = useSubjectKinds();

  const done = () => {
    void qc.invalidateQueries({ queryKey: trpc.subjects.list.queryKey() });
    setEditing(null);
    void message.success(t("subjects.saved"));
  };
  const create = useMutation(trpc.subjects.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.subjects.update.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;

  const open = (row: SubjectRow | "new") => {
    create.reset();
    update.reset();
    form.resetFields();
    if (row !== "new") {
      form.setFieldsValue({
        code: row.code,
        name: row.name,
        kind: row.kind,
        attributes: Object.entries(row.attributes).map(([key, value]) => ({ key, value: String(value ?? "") })),
      });
    }
    setEditing(row);
  };
  const submit = (v: SubjectForm) => {
    const attributes = Object.fromEntries((v.attributes ?? []).filter((a) => a?.key).map((a) => [a.key, a.value ?? ""]));
    if (editing === "new") create.mutate({ code: v.code, name: v.name, kind: v.kind, attributes });
    else if (editing) update.mutate({ id: editing.id, revision: editing.revision, code: v.code, name: v.name, kind: v.kind, attributes });
  };

  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("subjects.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t("common.search")}
          placeholder={t("subjects.searchPlaceholder")}
          allowClear
          onSearch={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("common.kind")}
          allowClear
          placeholder={t("common.kind")}
          value={kind}
          onChange={(v?: string) => {
            setKind(v);
            setPage(1);
          }}
          options={kinds.map((k) => ({ value: k, label: k }))}
          style={{ width: 200 }}
        />
        {editable && (
          <>
            <Button type="primary" onClick={() => open("new")}>
              {t("subjects.create")}
            </Button>
            <Button onClick={() => setImporting(true)}>{t("subjects.import")}</Button>
          </>
        )}
      </Space>
      <div className="kp-table-wrap">
        <Table<SubjectRow>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          scroll={{ x: true }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t("import.rows", { count: n }) }}
          columns={[
            { title: t("common.code"), dataIndex: "code", width: 110 },
            { title: t("common.name"), dataIndex: "name" },
            { title: t("common.kind"), dataIndex: "kind", width: 160 },
            {
              title: t("subjects.attributes"),
              dataIndex: "attributes",
              render: (a: SubjectRow["attributes"]) => (
                <Space size={[4, 4]} wrap>
                  {Object.entries(a).map(([k, v]) => (
                    <Tag key={k}>
                      {k}: {String(v)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(editable
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 100,
                    render: (_: unknown, row: SubjectRow) => (
                      <Button size="small" onClick={() => open(row)} aria-label={`${t("common.edit")} ${row.name}`}>
                        {t("common.edit")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("subjects.create") : t("subjects.editTitle")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
      >
        {error && <Alert type="error" title={error.message} style={{ marginBottom: 12 }} />}
        <Form<SubjectForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item label={t("common.code")} name="code" rules={[{ required: true, message: t("subjects.codeRequired") }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t("common.name")} name="name" rules={[{ required: true, message: t("subjects.nameRequired") }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t("common.kind")} name="kind" rules={[{ required: true, message: t("subjects.kindRequired") }]}>
            <Select options={kinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Typography.Text strong>{t("subjects.attributes")}</Typography.Text>
          <Form.List name="attributes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, "key"]} label={`${t("subjects.attributes")} ${f.name + 1}`}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, "value"]} label="=">
                      <Input />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t("common.delete")}</Button>
                  </Space>
                ))}
                <div>
                  <Button type="dashed" onClick={() => add({ key: "", value: "" })}>
                    + {t("subjects.attributes")}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      {importing && (
        <ImportDialog
          kinds={kinds}
          onClose={(changed) => {
            setImporting(false);
            if (changed) void qc.invalidateQueries({ queryKey: trpc.subjects.list.queryKey() });
          }}
        />
      )}
    </>
  );
}
