// @kaoping/server: the HTTP host, for tests and benchmarks that start it in-process, and its
// OpenAPI document (the examples are checked against it).
export { createApp, type App, type AppOptions } from "./app.ts";
export { configFromEnv, REPO_ROOT, type ServerConfig } from "./config.ts";
export { seedIfEmpty, type SeedOptions, type SeedOutcome } from "./seed.ts";
export { openApiDocument } from "./openapi.ts";
