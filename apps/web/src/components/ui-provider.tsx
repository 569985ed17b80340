import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** antd's theme and locale, following the interface language. */
export function UiProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== "en";
  dayjs.locale(zh ? "zh-cn" : "en");
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      // No space inserted between two Chinese characters: button names read as written ("保存").
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: "#1d5fbf",
          borderRadius: 4,
          fontFamily:
            '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
