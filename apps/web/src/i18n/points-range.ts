import type { TFunction } from "i18next";

/** The points a criterion, item or total can reach ("0 – 5", or "0 and up" without a ceiling). */
export function pointsRange(t: TFunction, least: number, most: number | null): string {
  return most === null
    ? t("assessment.boundsOpen", { min: least })
    : t("assessment.boundsRange", { min: least, max: most });
}
