// Starts Kaoping: opens (and migrates) the database, seeds it on first start, serves HTTP, and
// shuts down cleanly on SIGTERM/SIGINT: no new requests, in-flight ones finish, the database closes.
import { openDatabase } from "@kaoping/db";
import { pino } from "pino";
import { createApp } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { seedIfEmpty, type SeedOutcome } from "./seed.ts";

const config = configFromEnv();
const logger = pino({ level: config.logLevel, base: { pid: process.pid } });

async function main(): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, schema: config.databaseSchema, dataDir: config.dataDir });
  logger.info({ database: database.kind, location: database.location }, "database open");
  const seeded: SeedOutcome = config.seed
    ? await seedIfEmpty(database, { logger, rubricsDir: config.rubricsDir, adminPassword: config.adminPassword })
    : { seeded: false };
  const app = createApp({
    database,
    logger,
    webDist: config.webDist,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
  });
  const address = await app.listen(config.port, config.host);
  const shown = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  logger.info({ port: address.port, host: config.host }, `Kaoping is listening: open http://${shown}:${address.port}/`);
  if (seeded.adminPassword) {
    // Printed, not logged: log files are kept and shipped, and this password is shown only once.
    process.stdout.write(
      `\n  Kaoping is running at http://${shown}:${address.port}/\n  First start: sign in as "admin" with the password\n\n      ${seeded.adminPassword}\n\n  It is shown only this once. Set KAOPING_ADMIN_PASSWORD to choose it yourself.\n\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    app
      .close()
      .then(() => {
        logger.info("stopped cleanly");
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "failed to start");
  process.exit(1);
});
