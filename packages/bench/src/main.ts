// pnpm --filter @kaoping/bench bench: every benchmark of the repository, one after another.
import { runCohortBench } from "./cohort-bench.ts";
import { runEngineBench } from "./engine-bench.ts";
import { runLanguageBench } from "./language-bench.ts";
import { runServiceBench } from "./language-service-bench.ts";

console.log("# Engine: scoring throughput and compile time (rubrics/village-quality.rubric)\n");
await runEngineBench();

console.log("\n# Engine: cohort scoring (rubrics/examples/cohort-ranking-zh.rubric)\n");
runCohortBench();

console.log(
  "\n# Language: parse + check against JSON.parse + zod (rubrics/*.rubric and a generated 1,000-item rubric)\n",
);
runLanguageBench();

console.log(
  "\n# Language service: keystroke to diagnostics, hover, completion (rubrics/*.rubric and a generated 1,000-item rubric)\n",
);
runServiceBench();
