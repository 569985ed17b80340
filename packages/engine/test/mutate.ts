// A seeded mutator for the fuzz test: real rubrics (rubrics/*.rubric and the examples in
// docs/language.md) edited at random the way people and attackers edit them: pieces deleted,
// duplicated, glued, repeated by the thousand, keywords of either set and odd characters put in.
// The same seed gives the same mutants on every machine (fast-check draws the random numbers).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { keywords } from "@kaoping/language";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The seed corpus: every rubric file, and every example of the language documentation. */
export function corpus(): string[] {
  const dir = join(root, "rubrics");
  const rubrics = readdirSync(dir)
    .filter((f) => f.endsWith(".rubric"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const docs = readFileSync(join(root, "docs", "language.md"), "utf8");
  const host = rubrics[0] ?? "";
  const examples = [...docs.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
  // A fragment (a test, an item) is put inside a whole rubric, where it means something.
  const whole = examples.map((e) =>
    /^\s*(#[^\n]*\n\s*)*(评分细则|rubric)/.test(e) ? e : host.replace(/\}\s*$/, `${e}\n}\n`),
  );
  return [...rubrics, ...whole];
}

const punctuation = [
  "{",
  "}",
  "(",
  ")",
  "（",
  "）",
  "｛",
  "｝",
  '"',
  '"""',
  "“",
  "”",
  "「",
  "」",
  "#",
  ":",
  "：",
  ",",
  "，",
  "、",
  "。",
  "；",
  "=",
  "==",
  ">=",
  "≥",
  "<",
  "≠",
  "+",
  "-",
  "×",
  "/",
  "÷",
  "%",
  "％",
  ".",
  "．",
];
const odd = [
  "\u0000",
  "\u0007",
  "\r",
  "\r\n",
  "\n",
  "\t",
  "\u3000",
  "\uFEFF",
  "\uD800",
  "\uDC00",
  "𠀀",
  "Ａ",
  "１２",
  "ﾀ",
  "é",
  "\u0301",
  "\u202E",
  "9".repeat(30),
  "0.0000001",
  "2026-02-30",
  "1e5",
];
const words = keywords.flatMap((k) => [...k.words.zh, ...k.words.en]);

/** One random edit of `text`; `names` are words taken from the corpus (its own names). */
function mutateOnce(
  text: string,
  random: () => number,
  names: readonly string[],
  corpusTexts: readonly string[],
): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const at = () => Math.floor(random() * (text.length + 1));
  const piece = (): string => {
    const r = random();
    if (r < 0.4) return pick(words);
    if (r < 0.65) return pick(punctuation);
    if (r < 0.8) return pick(names);
    if (r < 0.9) return pick(odd);
    return String(Math.floor(random() * 1000));
  };
  const spaced = () => (random() < 0.5 ? piece() : ` ${piece()} `);
  const start = at();
  const end = Math.min(text.length, start + 1 + Math.floor(random() * (random() < 0.8 ? 20 : 400)));
  switch (Math.floor(random() * 9)) {
    case 0: // delete a span
      return text.slice(0, start) + text.slice(end);
    case 1: {
      // duplicate a span elsewhere
      const to = at();
      return text.slice(0, to) + text.slice(start, end) + text.slice(to);
    }
    case 2: // insert a piece
      return text.slice(0, start) + spaced() + text.slice(start);
    case 3: // replace a span by a piece
      return text.slice(0, start) + spaced() + text.slice(end);
    case 4: {
      // swap two lines
      const lines = text.split("\n");
      const i = Math.floor(random() * lines.length);
      const j = Math.floor(random() * lines.length);
      [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      return lines.join("\n");
    }
    case 5: {
      // a piece or a span repeated many times: nesting, long lines, long names, many statements
      const unit = random() < 0.5 ? spaced() : text.slice(start, Math.min(end, start + 40));
      const times = 1 + Math.floor(random() ** 3 * 3000);
      return text.slice(0, start) + unit.repeat(times) + text.slice(start);
    }
    case 6: {
      // splice in a span of another corpus text
      const other = pick(corpusTexts);
      const from = Math.floor(random() * other.length);
      return text.slice(0, start) + other.slice(from, from + 1 + Math.floor(random() * 300)) + text.slice(start);
    }
    case 7: // glue: drop the spaces of a span (Chinese is written without them)
      return text.slice(0, start) + text.slice(start, end).replace(/[ \t]+/g, "") + text.slice(end);
    default: {
      // swap the keyword set of one word (a slip between the sets)
      const word = pick(keywords);
      const zh = word.words.zh[0] ?? "";
      const en = word.words.en[0] ?? "";
      return random() < 0.5 ? text.replace(zh, en) : text.replace(en, zh);
    }
  }
}

/** The names written in a text (runs of letters), to mutate with words the file itself uses. */
function namesIn(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*/g) ?? [])].slice(0, 400);
}

/** Random numbers for one mutant: more than its edits use (the list is read round if not). */
const numbersPerMutant = 256;
const batch = 500;

/** Mutants of the corpus: each is a corpus text with 1 to 8 random edits, drawn by fast-check from `seed`. */
export function* mutants(seed: number, count: number, texts: readonly string[] = corpus()): Generator<string> {
  const names = texts.map(namesIn);
  const numbers = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
    minLength: numbersPerMutant,
    maxLength: numbersPerMutant,
  });
  for (let first = 0; first < count; first += batch) {
    for (const draws of fc.sample(numbers, { seed: seed + first, numRuns: Math.min(batch, count - first) })) {
      let next = 0;
      const random = () => draws[next++ % draws.length] ?? 0;
      const i = Math.floor(random() * texts.length);
      let text = texts[i] ?? "";
      const edits = 1 + Math.floor(random() ** 2 * 8);
      for (let e = 0; e < edits; e++) text = mutateOnce(text, random, names[i] ?? [], texts);
      yield text;
    }
  }
}
