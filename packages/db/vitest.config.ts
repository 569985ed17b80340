import { defineConfig } from "vitest/config";

// Each test file opens its own database (PGlite starts in a second or more): generous time limits
// keep a busy machine from failing them.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
