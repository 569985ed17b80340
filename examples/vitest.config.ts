import { defineConfig } from "vitest/config";

// Each run seeds a database and starts a server before the examples run against it; on a busy
// two-core machine that takes seconds, so the default 5 s per test is too tight.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000 },
});
