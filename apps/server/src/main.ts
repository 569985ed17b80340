// Starts Kaoping: opens (and migrates) the database, waiting for it if it is not up yet, seeds it
// on first start, serves HTTP, and shuts down cleanly on SIGTERM/SIGINT: no new requests,
// in-flight ones finish, the database closes, exit 0.
import { isDatabaseUnavailable, openDatabase, type DatabaseHandle } from "@kaoping/db";
import { createApp, type App } from "./app.ts";
import { CONFIG_EXIT_CODE, ConfigError, configFromEnv, describeConfig, type ServerConfig } from "./config.ts";
import { chooseLogFormat, createLogger } from "./logger.ts";
import { seedIfEmpty, type SeedOutcome } from "./seed.ts";
import { firstStartBlock, listeningMessage } from "./start-message.ts";

/** The configuration, or the process ends here: a bad one with its problems (no stack) and exit 2. */
function configOrExit(): ServerConfig {
  try {
    return configFromEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nNothing was started. See apps/server/README.md for every variable.\n`);
    process.exit(CONFIG_EXIT_CODE);
  }
}

const config = configOrExit();
if (process.argv.includes("--check-config")) {
  process.stdout.write(describeConfig(config));
  process.exit(0);
}
const { logger, print } = createLogger({
  level: config.logLevel,
  format: chooseLogFormat(config.logFormat, process.stdout),
});

/** How long to wait between attempts to reach a database that is not up yet. */
const RETRY_MS = 2_000;

let app: App | null = null;
let stopping = false;

/** Opens the database; while it cannot be reached (started together with it), tries again. */
async function openWhenReachable(): Promise<DatabaseHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({
        url: config.databaseUrl,
        schema: config.databaseSchema,
        statementTimeoutMs: config.databaseStatementTimeoutMs,
        dataDir: config.dataDir,
        onConnectionError: (error) =>
          logger.warn({ cause: error.message }, "database connection lost; it is replaced when next needed"),
      });
    } catch (error) {
      if (!isDatabaseUnavailable(error) || stopping) throw error;
      logger.warn(
        { attempt, cause: (error as Error).message },
        `waiting for the database (next try in ${RETRY_MS / 1000} s)`,
      );
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      if (stopping) throw new Error("stopped while waiting for the database");
    }
  }
}

async function main(): Promise<void> {
  const database = await openWhenReachable();
  logger.info({ database: database.kind, location: database.location }, "database open");
  const seeded: SeedOutcome = config.seed
    ? await seedIfEmpty(database, {
        logger,
        rubricsDir: config.rubricsDir,
        adminPassword: config.adminPassword,
        demoPassword: config.demoPassword,
      })
    : { seeded: false, accounts: [] };
  const hasUsers =
    seeded.seeded || (await database.db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;
  app = createApp({
    database,
    logger,
    webDist: config.webDist,
    secureCookies: config.secureCookies,
    trustedProxies: config.trustedProxies,
    metricsToken: config.metricsToken,
  });
  if (stopping) {
    await database.close();
    process.exit(0);
  }
  const address = await app.listen(config.port, config.host);
  const shown = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  const url = `http://${shown}:${address.port}/`;
  logger.info({ url, port: address.port, host: config.host }, listeningMessage(url, seeded, hasUsers));
  // Printed, not logged: see start-message.ts.
  if (seeded.seeded) print(firstStartBlock(url, seeded));
}

/** First signal: drain and exit 0. Later ones (Ctrl-C reaches the launcher and the server alike) change nothing. */
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  // Before the server listens, main() sees `stopping` and exits when the step it is in ends.
  if (app === null) return;
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
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

// A promise that failed with nobody waiting for it is a bug in that one path: log it and keep
// serving the others (Node would end the process). An uncaught exception may have left any state
// half-changed: log it and exit non-zero, so that the supervisor starts a clean process.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception; exiting");
  process.exit(1);
});

main().catch((error: unknown) => {
  if (stopping) {
    logger.info("stopped before the server was ready");
    process.exit(0);
  }
  logger.fatal({ err: error }, "failed to start");
  process.exit(1);
});
