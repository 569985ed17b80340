import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { LanguageSelect } from "../components/language-select.tsx";
import { UiProvider } from "../components/ui-provider.tsx";
import { errorCode, useTRPC } from "../trpc.ts";

interface LoginForm {
  username: string;
  password: string;
}

/** The login screen; after login it returns to the page that sent the user here. */
export function LoginPage() {
  return (
    <UiProvider>
      <LoginInner />
    </UiProvider>
  );
}

function safeNext(next: string | null): string {
  // Only same-site paths, so that a crafted link cannot send a fresh session elsewhere.
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function LoginInner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        void navigate(safeNext(params.get("next")), { replace: true });
      },
    }),
  );
  const code = errorCode(login.error);
  const error = login.error
    ? code === "TOO_MANY_REQUESTS"
      ? t("login.tooMany")
      : code === "UNAUTHORIZED"
        ? t("login.failed")
        : login.error.message
    : null;

  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f3f5f8", padding: 16 }}>
      <Card style={{ width: "100%", maxWidth: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("app.name")} · {t("app.fullName")}
        </Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("login.title")}
        </Typography.Title>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item
            label={t("login.username")}
            name="username"
            rules={[{ required: true, message: t("login.required", { field: t("login.username") }) }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("login.required", { field: t("login.password") }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: "right" }}>
          <LanguageSelect size="small" />
        </div>
      </Card>
    </main>
  );
}
