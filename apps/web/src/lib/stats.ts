// Small summaries the dashboard and rankings draw: histogram bins and lost points per item.

export interface Bin {
  readonly label: string;
  readonly from: number;
  /** Exclusive; Infinity for the last bin. */
  readonly to: number;
}

/** Bins of totals as assessors think of them: below 60, then tens, then 100 and above (bonuses). */
export const totalBins: readonly Bin[] = [
  { label: "<60", from: Number.NEGATIVE_INFINITY, to: 60 },
  { label: "60–70", from: 60, to: 70 },
  { label: "70–80", from: 70, to: 80 },
  { label: "80–90", from: 80, to: 90 },
  { label: "90–100", from: 90, to: 100 },
  { label: "≥100", from: 100, to: Number.POSITIVE_INFINITY },
];

/** How many totals fall in each bin. */
export function histogram(totals: readonly number[], bins: readonly Bin[] = totalBins): number[] {
  return bins.map((b) => totals.filter((t) => t >= b.from && t < b.to).length);
}

export interface ItemStat {
  readonly number: number;
  readonly title: string;
  readonly standard: number;
  readonly mean: number;
}

/** Items ordered by the average points lost against the standard (bonuses can make it negative). */
export function lostPoints(items: readonly ItemStat[]): (ItemStat & { readonly lost: number })[] {
  return items
    .map((i) => ({ ...i, lost: Number((i.standard - i.mean).toFixed(4)) }))
    .sort((a, b) => b.lost - a.lost || a.number - b.number);
}
