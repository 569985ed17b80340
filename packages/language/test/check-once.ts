// Checks each rubric file named on the command line once, in a fresh process, and prints one JSON
// line per file with its diagnostics: the cold half of the cold-versus-warm test (one-answer.test.ts).
import { readFileSync } from "node:fs";
import { check } from "../src/index.ts";

for (const path of process.argv.slice(2)) {
  const diagnostics = check(readFileSync(path, "utf8")).diagnostics;
  process.stdout.write(`${JSON.stringify(diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`))}\n`);
}
