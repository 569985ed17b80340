// "Did you mean …?" for unknown names: the closest declared name by edit distance.
import type { Span } from "../ast.ts";
import { replaceWith, type Fix, type Message } from "../diagnostics/diagnostic.ts";

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The candidate closest to `name`, when it is close enough to be a likely typo (the CLI's options too). */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor([...name].length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance > limit ? undefined : best;
}

/**
 * A help line naming the closest candidate, when one is close enough to be a likely typo, and the
 * fix that puts it at `span`, written by `write` (as a name, or as a text).
 */
export function suggestName(
  name: string,
  candidates: readonly string[],
  span: Span,
  write: (candidate: string) => string,
): { help?: Message; fixes?: readonly Fix[] } {
  const best = closestName(name, candidates);
  if (best === undefined) return {};
  return {
    help: { zh: `是不是「${best}」？`, en: `did you mean "${best}"?` },
    fixes: [replaceWith(span, write(best), { zh: `改为「${best}」`, en: `change to "${best}"` })],
  };
}
