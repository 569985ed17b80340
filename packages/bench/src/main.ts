// pnpm --filter @kaoping/bench bench: every benchmark of the repository, one after another.
import { runEngineBench } from "./engine-bench.ts";

console.log("# Engine: scoring throughput and compile time (rubrics/village-quality.rubric)\n");
await runEngineBench();
