// Ranks before and after a rule change: the same competition ranking the server uses (equal
// totals share a rank, the next rank skips).

export interface RankEntry {
  readonly id: number;
  readonly total: number;
}

/** Rank per id, best total first. */
export function rankOf(entries: readonly RankEntry[]): Map<number, number> {
  const sorted = [...entries].sort((a, b) => b.total - a.total);
  const ranks = new Map<number, number>();
  let rank = 0;
  let previous: number | null = null;
  sorted.forEach((e, i) => {
    if (e.total !== previous) rank = i + 1;
    previous = e.total;
    ranks.set(e.id, rank);
  });
  return ranks;
}

/** Ranks before, and after replacing the changed totals. */
export function rankChanges(
  before: readonly RankEntry[],
  changed: ReadonlyMap<number, number>,
): { before: Map<number, number>; after: Map<number, number> } {
  const after = before.map((e) => ({ id: e.id, total: changed.get(e.id) ?? e.total }));
  return { before: rankOf(before), after: rankOf(after) };
}
