// Plain text tables for the terminal, as the score, bounds and diff commands print them.
import { displayWidth as width } from "@kaoping/language";

/** A plain text table, columns padded to their widest cell. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, width(c));
  }
  return rows
    .map((row) =>
      row
        .map((c, i) =>
          i === 0 ? c + " ".repeat((widths[i] ?? 0) - width(c)) : " ".repeat((widths[i] ?? 0) - width(c)) + c,
        )
        .join("  "),
    )
    .join("\n");
}
