// Benchmark of the language service (not a timed test): what an editor waits for after a keystroke
// (a one-character edit and the diagnostics it brings), and hover and completion on a warm
// document, on each annex and on a generated 1,000-item rubric. Prints a markdown table.
// Run: pnpm --filter @kaoping/bench bench:service (this one) or bench (all); BENCH_SECONDS=… samples longer.
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { LanguageService, type Position } from "@kaoping/language-service";
import { benchRubrics, measure, seconds, type Sample } from "./measure.ts";

interface Row {
  readonly name: string;
  readonly open: Sample;
  readonly edit: Sample;
  readonly editEngine: Sample;
  readonly hover: Sample;
  readonly hoverCriterion: Sample;
  readonly completion: Sample;
  readonly editHover: Sample;
  readonly editHoverCriterion: Sample;
  readonly tokens: Sample;
  readonly format: Sample;
  readonly block: boolean;
}

/** The position just after the first occurrence of `needle` at or after `from`. */
function after(text: string, needle: string, from: number): Position {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`no "${needle}" after offset ${from}`);
  const end = offset + needle.length;
  const before = text.slice(0, end);
  return { line: before.split("\n").length - 1, character: end - (before.lastIndexOf("\n") + 1) };
}

function bench(name: string, text: string): Row {
  const uri = `file:///${name}`;
  const service = new LanguageService({ lang: "zh" });
  service.open(uri, text, 1);
  if (service.diagnostics(uri).some((d) => d.severity === 1)) throw new Error(`${name} has errors`);
  // The edit: a character typed into a criterion's text in the middle item, and removed again.
  const doc = service.document(uri);
  const items = doc?.parsed.rubric.items ?? [];
  const first = items[Math.floor(items.length / 2)]?.criteria[0];
  if (!doc || !first?.text) throw new Error(`${name}: no criterion text in its middle item`);
  const middle = first.span.start;
  const typed = doc.lines.position(first.text.span.start + 1);
  let version = 1;
  let inserted = false;
  const keystroke = () => {
    const range = inserted
      ? { start: typed, end: { ...typed, character: typed.character + 1 } }
      : { start: typed, end: typed };
    service.change(uri, [{ range, text: inserted ? "" : "x" }], ++version);
    inserted = !inserted;
  };
  // Hover on a name read by a rule, and on a criterion's head; completion after 当, half-way down.
  const rule = text.indexOf(" 当 ", middle);
  const read = after(text, " 当 ", middle);
  const onName = { ...read, character: read.character + 1 };
  const criterion = after(text, "细则 ", middle);
  const completion = after(text, " 当", rule - 1);
  service.hover(uri, criterion);
  const block = doc.edit([{ range: { start: typed, end: typed }, text: "x" }], 0).reparsed === "block";
  return {
    name,
    block,
    open: measure(() => new LanguageService().open(uri, text, 1).checked),
    edit: measure(() => {
      keystroke();
      return service.diagnostics(uri, { engine: false });
    }),
    editEngine: measure(() => {
      keystroke();
      return service.diagnostics(uri);
    }),
    hover: measure(() => service.hover(uri, onName)),
    hoverCriterion: measure(() => service.hover(uri, criterion)),
    completion: measure(() => service.completion(uri, completion)),
    editHover: measure(() => {
      keystroke();
      return service.hover(uri, onName);
    }),
    editHoverCriterion: measure(() => {
      keystroke();
      return service.hover(uri, criterion);
    }),
    tokens: measure(() => {
      keystroke();
      return service.semanticTokens(uri);
    }),
    format: measure(() => service.format(uri)),
  } satisfies Row;
}

const ms = (s: Sample, busy: boolean) => {
  const v = busy ? s.cpu : s.median;
  return v < 10 ? v.toFixed(2) : v.toFixed(0);
};

/** Measures and prints the table (pnpm --filter @kaoping/bench bench runs it from main.ts). */
export function runServiceBench(): void {
  const rows = benchRubrics().map((r) => bench(r.name, r.text));
  const load = loadavg()[0] ?? 0;
  const busy = load > cpus().length / 2;
  console.log(
    `Language service, warm (${seconds} s of runs each; node ${process.version}, ${cpus().length} CPUs, load ${load.toFixed(1)}); ${busy ? "CPU time" : "median wall time"} in ms\n`,
  );
  console.log(
    "| rubric | open (parse + check) | keystroke → diagnostics | keystroke → diagnostics + engine | hover name | hover criterion | completion | keystroke → hover name | keystroke → hover criterion | keystroke → semantic tokens | format |",
  );
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${ms(r.open, busy)} | ${ms(r.edit, busy)} | ${ms(r.editEngine, busy)} | ${ms(r.hover, busy)} | ${ms(r.hoverCriterion, busy)} | ${ms(r.completion, busy)} | ${ms(r.editHover, busy)} | ${ms(r.editHoverCriterion, busy)} | ${ms(r.tokens, busy)} | ${ms(r.format, busy)} |`,
    );
  }
  if (busy)
    console.log(
      `\nThe machine was busy (load ${load.toFixed(1)} on ${cpus().length} CPUs): the figures are CPU time, steadier than the wall clock.`,
    );
  const figure = (s: Sample) => (busy ? s.cpu : s.median);
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const annexes = rows.slice(0, 2);
  const generated = rows[2] as Row;
  console.log(`\nTargets (issue 13):`);
  console.log(`- the edits were reparsed by block: ${rows.map((r) => (r.block ? "yes" : "NO")).join(", ")}`);
  console.log(
    `- keystroke → diagnostics, annexes under 20 ms: ${annexes.map((r) => figure(r.edit).toFixed(1)).join(", ")} — ${verdict(annexes.every((r) => figure(r.edit) < 20))}`,
  );
  console.log(
    `- keystroke → diagnostics, 1,000 items under 150 ms: ${figure(generated.edit).toFixed(0)} — ${verdict(figure(generated.edit) < 150)}`,
  );
  console.log(
    `- hover and completion under 10 ms: ${rows.map((r) => `${figure(r.hover).toFixed(2)}/${figure(r.hoverCriterion).toFixed(2)}/${figure(r.completion).toFixed(2)}`).join(", ")} — ${verdict(rows.every((r) => Math.max(figure(r.hover), figure(r.hoverCriterion), figure(r.completion)) < 10))}`,
  );
}

// Also runnable on its own: tsx src/language-service-bench.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runServiceBench();
