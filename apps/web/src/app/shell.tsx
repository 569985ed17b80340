import {
  BarChartOutlined,
  DashboardOutlined,
  DownOutlined,
  EditOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Dropdown, Layout, Menu, Result, Select, Space, Spin, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { LanguageSelect } from "../components/language-select.tsx";
import { UiProvider } from "../components/ui-provider.tsx";
import { errorCode, useTRPC } from "../trpc.ts";
import { ShellContext, type ShellState } from "./context.ts";
import { canSee, type Screen, screensFor } from "./permissions.ts";

const periodKey = "kaoping.period";

const icons: Record<Screen, ReactNode> = {
  dashboard: <DashboardOutlined />,
  subjects: <TeamOutlined />,
  rankings: <BarChartOutlined />,
  rubrics: <EditOutlined />,
  admin: <SettingOutlined />,
};

const paths: Record<Screen, string> = {
  dashboard: "/",
  subjects: "/subjects",
  rankings: "/rankings",
  rubrics: "/rubrics",
  admin: "/admin",
};

/** The screen a path belongs to, for the menu's selection and the permission check. */
export function screenOf(pathname: string): Screen {
  if (pathname.startsWith("/subjects") || pathname.startsWith("/assessments")) return "subjects";
  if (pathname.startsWith("/rankings")) return "rankings";
  if (pathname.startsWith("/rubrics")) return "rubrics";
  if (pathname.startsWith("/admin")) return "admin";
  return "dashboard";
}

function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === "UNAUTHORIZED";
}

/** The layout around every screen after login: menu by role, period, language, user. */
export function Shell() {
  return (
    <UiProvider>
      <ShellInner />
    </UiProvider>
  );
}

function ShellInner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const periods = useQuery({ ...trpc.periods.list.queryOptions(), enabled: me.isSuccess });
  // Below the md breakpoint the menu folds away; a header button opens it.
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [periodId, setPeriodId] = useState<number | null>(() => {
    const stored = Number(globalThis.localStorage?.getItem(periodKey));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  });
  const { modal } = App.useApp();
  const signedOut = () => {
    queryClient.clear();
    void navigate("/login");
  };
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: signedOut }));
  // Every session of this user, on every device, this one included (after a lost phone, say).
  const logoutEverywhere = useMutation(trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: signedOut }));
  const confirmLogoutEverywhere = () =>
    void modal.confirm({
      title: t("app.logoutEverywhere"),
      content: t("app.logoutEverywhereHelp"),
      okText: t("app.logoutEverywhere"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () => logoutEverywhere.mutateAsync(),
    });

  const state = useMemo((): ShellState | null => {
    if (!me.data) return null;
    const list = (periods.data ?? []).map((p) => ({ id: p.id, code: p.code, name: p.name }));
    const period = list.find((p) => p.id === periodId) ?? list.at(-1) ?? null;
    return {
      user: me.data.user,
      periods: list,
      period,
      setPeriod: (id) => {
        globalThis.localStorage?.setItem(periodKey, String(id));
        setPeriodId(id);
      },
    };
  }, [me.data, periods.data, periodId]);

  useEffect(() => {
    document.title = `${t("app.name")} · ${t(`nav.${screenOf(location.pathname)}`)}`;
  }, [location.pathname, t]);

  if (me.isError && isUnauthorized(me.error)) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t("common.error")}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!state || periods.isPending) {
    return (
      <div style={{ display: "grid", placeItems: "center", height: "100vh" }}>
        <Spin size="large" aria-label={t("app.loading")} />
      </div>
    );
  }
  const screen = screenOf(location.pathname);
  const screens = screensFor(state.user.role);

  return (
    <ShellContext.Provider value={state}>
      <a className="kp-skip" href="#main">
        {t("app.skip")}
      </a>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header className="kp-header">
          <Space size="small">
            {narrow && (
              <Button
                icon={<MenuOutlined />}
                aria-label={t("nav.menu")}
                aria-expanded={menuOpen}
                aria-controls="kp-nav"
                onClick={() => setMenuOpen((o) => !o)}
              />
            )}
            <Link to="/" className="kp-brand">
              {t("app.name")}
              <span className="kp-brand-full">{t("app.fullName")}</span>
            </Link>
          </Space>
          <Space wrap size="small" className="kp-header-tools">
            <Select
              aria-label={t("common.period")}
              value={state.period?.id}
              options={state.periods.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id: number) => state.setPeriod(id)}
              style={{ minWidth: 120 }}
            />
            <LanguageSelect />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [
                  { key: "logout", icon: <LogoutOutlined />, label: t("app.logout"), onClick: () => logout.mutate() },
                  {
                    key: "everywhere",
                    icon: <LogoutOutlined />,
                    danger: true,
                    label: t("app.logoutEverywhere"),
                    onClick: confirmLogoutEverywhere,
                  },
                ],
              }}
            >
              <Button className="kp-user" loading={logout.isPending || logoutEverywhere.isPending}>
                <Typography.Text>{state.user.displayName}</Typography.Text> <Tag>{t(`roles.${state.user.role}`)}</Tag>
                <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider
            breakpoint="md"
            collapsedWidth={0}
            trigger={null}
            collapsed={narrow && !menuOpen}
            onBreakpoint={(broken) => {
              setNarrow(broken);
              setMenuOpen(false);
            }}
            theme="light"
            width={180}
            className="kp-sider"
          >
            <nav aria-label={t("nav.menu")} id="kp-nav">
              <Menu
                mode="inline"
                selectedKeys={[screen]}
                onClick={() => setMenuOpen(false)}
                items={screens.map((s) => ({
                  key: s,
                  icon: icons[s],
                  label: <Link to={paths[s]}>{t(`nav.${s}`)}</Link>,
                }))}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content id="main" tabIndex={-1} className="kp-content">
            {canSee(state.user.role, screen) ? (
              <Outlet />
            ) : (
              <Result status="403" title="403" subTitle={t("common.forbidden")} />
            )}
          </Layout.Content>
        </Layout>
      </Layout>
    </ShellContext.Provider>
  );
}
