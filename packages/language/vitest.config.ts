// Unit tests sit beside the code (src/**/*.test.ts); golden, corpus, property and hostile-input
// tests live in test/. The hostile-input tests parse megabytes on purpose, so the timeout is wide.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
