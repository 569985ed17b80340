import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useShell } from "../app/context.ts";
import { useFormat } from "../i18n/format.ts";
import type { Role } from "../app/permissions.ts";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

const roles: readonly Role[] = ["admin", "policy", "assessor", "reviewer", "viewer"];
type UserRow = RouterOutputs["users"]["list"][number];
type AuditRow = RouterOutputs["audit"]["list"][number];
type PeriodRow = RouterOutputs["periods"]["list"][number];

/** Token lifetimes offered when creating one; the server's maximum is 365 days. */
const tokenDays = [30, 90, 180, 365] as const;

/** Users, roles, API tokens, periods and their rules, and the audit log (admin only). */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("admin.title")}
      </Typography.Title>
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <UsersTab /> },
          { key: "tokens", label: t("admin.tokens"), children: <TokensTab /> },
          { key: "periods", label: t("admin.periods"), children: <PeriodsTab /> },
          { key: "audit", label: t("admin.audit"), children: <AuditTab /> },
        ]}
      />
    </>
  );
}

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
  disabled?: boolean;
}

function UsersTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user: me } = useShell();
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [editing, setEditing] = useState<UserRow | "new" | null>(null);
  const [form] = Form.useForm<UserForm>();
  const done = () => {
    void qc.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    setEditing(null);
    void message.success(t("subjects.saved"));
  };
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;

  const open = (row: UserRow | "new") => {
    create.reset();
    update.reset();
    form.resetFields();
    if (row !== "new")
      form.setFieldsValue({
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        disabled: row.disabled,
      });
    setEditing(row);
  };
  const submit = (v: UserForm) => {
    if (editing === "new")
      create.mutate({ username: v.username, displayName: v.displayName, role: v.role, password: v.password ?? "" });
    else if (editing)
      update.mutate({
        id: editing.id,
        displayName: v.displayName,
        role: v.role,
        disabled: v.disabled ?? false,
        ...(v.password ? { password: v.password } : {}),
      });
  };

  return (
    <>
      <Button type="primary" onClick={() => open("new")} style={{ marginBottom: 12 }}>
        {t("admin.createUser")}
      </Button>
      <Table<UserRow>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("login.username"), dataIndex: "username" },
          { title: t("admin.displayName"), dataIndex: "displayName" },
          { title: t("admin.roles"), dataIndex: "role", render: (r: Role) => <Tag>{t(`roles.${r}`)}</Tag> },
          {
            title: t("admin.active"),
            dataIndex: "disabled",
            render: (d: boolean) => (d ? t("common.no") : t("common.yes")),
          },
          { title: t("admin.created"), dataIndex: "createdAt", render: format.dateTime },
          {
            title: t("common.actions"),
            render: (_, row) => (
              <Button size="small" onClick={() => open(row)} aria-label={`${t("common.edit")} ${row.username}`}>
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("admin.createUser") : t("common.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
      >
        {error && <Alert type="error" title={error.message} style={{ marginBottom: 12 }} />}
        <Form<UserForm> form={form} layout="vertical" onFinish={submit} initialValues={{ role: "viewer" }}>
          <Form.Item label={t("login.username")} name="username" rules={[{ required: true }]}>
            <Input disabled={editing !== "new"} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("admin.displayName")} name="displayName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t("admin.roles")} name="role" rules={[{ required: true }]}>
            <Select
              options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              disabled={editing !== "new" && editing?.id === me.id}
            />
          </Form.Item>
          <Form.Item
            label={t("admin.newPassword")}
            name="password"
            rules={editing === "new" ? [{ required: true, min: 10 }] : [{ min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== "new" && (
            <Form.Item label={`${t("admin.active")}: ${t("common.no")}`} name="disabled" valuePropName="checked">
              <Switch disabled={editing?.id === me.id} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function TokensTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions({}));
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ userId: number; name: string; expiresInDays: number }>();
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (r) => {
        setShown(r.token);
        form.resetFields();
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t("common.user")} name="userId" rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
          />
        </Form.Item>
        <Form.Item label={t("admin.tokenName")} name="name" rules={[{ required: true }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t("admin.expiresIn")} name="expiresInDays" initialValue={90}>
          <Select
            style={{ width: 120 }}
            options={tokenDays.map((d) => ({ value: d, label: t("admin.days", { count: d }) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t("admin.createToken")}
        </Button>
      </Form>
      {create.error && <Alert type="error" title={create.error.message} style={{ marginBottom: 12 }} />}
      {shown && (
        <Alert
          type="success"
          closable={{ onClose: () => setShown(null) }}
          style={{ marginBottom: 12 }}
          title={t("admin.tokenShown")}
          description={
            <Typography.Text code copyable>
              {shown}
            </Typography.Text>
          }
        />
      )}
      <Table
        rowKey="id"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("admin.tokenName"), dataIndex: "name" },
          { title: t("common.user"), dataIndex: "username" },
          { title: "", dataIndex: "prefix", render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t("admin.created"), dataIndex: "createdAt", render: format.dateTime },
          { title: t("admin.lastUsed"), dataIndex: "lastUsedAt", render: format.dateTime },
          { title: t("admin.expires"), dataIndex: "expiresAt", render: format.dateTime },
          {
            title: t("common.actions"),
            render: (_, row) =>
              row.revokedAt ? (
                <Tag>{t("admin.revoked")}</Tag>
              ) : (
                <Button
                  size="small"
                  danger
                  onClick={() => revoke.mutate({ id: row.id })}
                  aria-label={`${t("admin.revoke")} ${row.name}`}
                >
                  {t("admin.revoke")}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

/** Each period's rules: four-eyes approval, and whether every assessor may edit every assessment. */
function PeriodsTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const periods = useQuery(trpc.periods.list.queryOptions());
  const update = useMutation(
    trpc.periods.update.mutationOptions({
      onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.periods.list.queryKey() }),
    }),
  );
  const rule = (key: "fourEyes" | "openEditing") => (on: boolean, row: PeriodRow) => (
    <Switch
      checked={on}
      loading={update.isPending && update.variables.id === row.id && update.variables[key] !== undefined}
      onChange={(next) => update.mutate({ id: row.id, [key]: next })}
      aria-label={`${t(`admin.${key}`)} ${row.name}`}
    />
  );
  return (
    <>
      {update.error && <Alert type="error" title={update.error.message} style={{ marginBottom: 12 }} />}
      <Table<PeriodRow>
        rowKey="id"
        loading={periods.isPending}
        dataSource={periods.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("common.code"), dataIndex: "code" },
          { title: t("common.name"), dataIndex: "name" },
          { title: t("admin.dates"), render: (_, r) => `${r.startsOn} – ${r.endsOn}` },
          { title: t("admin.fourEyes"), dataIndex: "fourEyes", render: rule("fourEyes") },
          { title: t("admin.openEditing"), dataIndex: "openEditing", render: rule("openEditing") },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t("admin.fourEyesHelp")} {t("admin.openEditingHelp")}
      </Typography.Paragraph>
    </>
  );
}

function AuditTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const audit = useQuery(trpc.audit.list.queryOptions({ limit: 200, ...(entity ? { entity } : {}) }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("admin.procedure")}
          allowClear
          placeholder={t("common.all")}
          style={{ width: 200 }}
          value={entity}
          onChange={setEntity}
          options={["user", "api_token", "subject", "period", "assessment", "rubric_version", "evidence"].map((e) => ({
            value: e,
            label: e,
          }))}
        />
      </Space>
      <Table<AuditRow>
        rowKey="id"
        loading={audit.isPending}
        dataSource={audit.data ?? []}
        size="small"
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (row) => (
            <pre style={{ whiteSpace: "pre-wrap", margin: 0, maxHeight: 320, overflow: "auto" }}>
              {JSON.stringify({ before: row.before, after: row.after }, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: t("common.time"), dataIndex: "at", render: format.dateTime },
          { title: t("common.user"), dataIndex: "actor" },
          { title: t("admin.procedure"), dataIndex: "procedure" },
          { title: "", render: (_, r) => `${r.entity} ${r.entityId ?? ""}` },
        ]}
      />
    </>
  );
}
