// Plain text tables for the terminal, as the score, bounds and diff commands print them.

/** Display width of a cell: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}

/** A plain text table, columns padded to their widest cell. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows
    .map((row) => row.map((c, i) => (i === 0 ? c + " ".repeat((widths[i] ?? 0) - width(c)) : " ".repeat((widths[i] ?? 0) - width(c)) + c)).join("  "))
    .join("\n");
}
