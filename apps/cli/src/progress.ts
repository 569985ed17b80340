// A progress bar on standard error for long runs: count, percent, rate and time left, redrawn
// in place at most ten times a second, erased when done. Only on a terminal: a pipe or a log
// file gets nothing, so that scripts see clean output.
import type { Message, MessageLanguage } from "@kaoping/language";
import { displayWidth } from "@kaoping/language";

export interface Progress {
  /** `done` items of the total are finished. */
  update(done: number): void;
  /** Erases the bar. */
  finish(): void;
}

export const noProgress: Progress = { update() {}, finish() {} };

export interface ProgressLine {
  readonly label: Message;
  readonly lang: MessageLanguage;
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** The terminal's width; the line never wraps. */
  readonly columns: number;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The text of the bar: `评分 [=====>    ] 12345/50000 25% 3210 条/秒 剩余 0:12`. */
export function progressLine(p: ProgressLine): string {
  const zh = p.lang === "zh";
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const seconds = p.elapsedMs / 1000;
  // A rate from less than a fraction of a second is noise: show none until there is one.
  const rate = seconds >= 0.2 && p.done > 0 ? p.done / seconds : null;
  const left = rate ? clock((p.total - p.done) / rate) : "--:--";
  const rateText = rate === null ? "" : zh ? `${Math.round(rate)} 条/秒` : `${Math.round(rate)}/s`;
  const tail = [
    `${p.done}/${p.total}`,
    `${Math.floor(fraction * 100)}%`,
    rateText,
    zh ? `剩余 ${left}` : `${left} left`,
  ]
    .filter((part) => part !== "")
    .join("  ");
  const label = p.label[p.lang];
  // The bar keeps one width while the numbers after it grow: room for the longest tail.
  const longestTail = 2 * String(p.total).length + 30;
  const width = Math.min(40, p.columns - 1 - displayWidth(label) - 4 - longestTail);
  if (width < 10) return `${label} ${tail}`;
  const filled = Math.floor(fraction * width);
  const bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
  return `${label} [${bar}]  ${tail}`;
}

export interface Terminal {
  write(text: string): void;
  readonly columns: number;
}

/**
 * A bar drawn on the terminal; `now` is the clock (milliseconds). A run shorter than `delayMs`
 * draws nothing: a bar that flashes by helps no one.
 */
export function progressBar(
  terminal: Terminal,
  label: Message,
  lang: MessageLanguage,
  total: number,
  now: () => number = Date.now,
  delayMs = 300,
): Progress {
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done) {
      const t = now();
      if (t - start < delayMs || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      drawn = true;
      terminal.write(
        `\r${progressLine({ label, lang, done, total, elapsedMs: t - start, columns: terminal.columns })}\u001b[K`,
      );
    },
    finish() {
      if (drawn) terminal.write("\r\u001b[K");
    },
  };
}
