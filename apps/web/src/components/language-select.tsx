// The 中文 / English switch, in the header and on the login page.
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { localeOf } from "../i18n/format.ts";
import { type Language, switchLanguage } from "../i18n/index.ts";

export function LanguageSelect({ size }: { readonly size?: "small" }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t("app.language")}
      size={size}
      value={localeOf(i18n.language)}
      options={[
        { value: "zh-CN", label: "中文" },
        { value: "en", label: "English" },
      ]}
      onChange={(lang: Language) => void switchLanguage(lang)}
      style={{ width: 100 }}
    />
  );
}
