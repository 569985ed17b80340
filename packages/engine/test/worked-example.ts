// READING.md's worked example as facts for rubrics/village-quality.rubric: total 109.2. The facts
// live in one JSON file that the CLI, API and bench tests read too; rubrics.test.ts checks that
// they are the facts of the rubric's own test "示例村（READING.md）".
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const workedExamplePath = fileURLToPath(new URL("./fixtures/facts/village-worked-example.json", import.meta.url));

export const workedExample: Readonly<Record<string, unknown>> = JSON.parse(readFileSync(workedExamplePath, "utf8"));
