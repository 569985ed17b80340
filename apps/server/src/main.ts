// Starts Kaoping: opens (and migrates) the database, seeds it on first start, serves HTTP, and
// shuts down cleanly on SIGTERM/SIGINT: no new requests, in-flight ones finish, the database closes.
import { openDatabase } from "@kaoping/db";
import { createApp } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { chooseLogFormat, createLogger } from "./logger.ts";
import { seedIfEmpty, type SeedOutcome } from "./seed.ts";
import { firstStartBlock, listeningMessage } from "./start-message.ts";

const config = configFromEnv();
const { logger, print } = createLogger({ level: config.logLevel, format: chooseLogFormat(config.logFormat, process.stdout) });

async function main(): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, schema: config.databaseSchema, dataDir: config.dataDir });
  logger.info({ database: database.kind, location: database.location }, "database open");
  const seeded: SeedOutcome = config.seed
    ? await seedIfEmpty(database, {
        logger,
        rubricsDir: config.rubricsDir,
        adminPassword: config.adminPassword,
        demoPassword: config.demoPassword,
      })
    : { seeded: false, accounts: [] };
  const hasUsers = seeded.seeded || (await database.db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;
  const app = createApp({
    database,
    logger,
    webDist: config.webDist,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
  });
  const address = await app.listen(config.port, config.host);
  const shown = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  const url = `http://${shown}:${address.port}/`;
  logger.info({ url, port: address.port, host: config.host }, listeningMessage(url, seeded, hasUsers));
  // Printed, not logged: see start-message.ts.
  if (seeded.seeded) print(firstStartBlock(url, seeded));

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
