import { defineConfig } from "vitest/config";

// Each test file opens its own database and hashes passwords with scrypt: generous time limits
// keep a busy machine from failing them.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
