// Unit tests sit beside the code (src/**/*.test.ts); test/ holds what spans the features.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
