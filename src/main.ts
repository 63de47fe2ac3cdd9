// The process: read the environment (stop with one line per problem), start, stop cleanly on a signal.
import { ConfigurationError, readEnvironment } from "./config/environment.ts";
import { createLogger } from "./infrastructure/logging/create-logger.ts";
import { databaseLocation, openDatabase } from "./infrastructure/prisma/open-database.ts";

async function main(): Promise<void> {
  let environment: ReturnType<typeof readEnvironment>;
  try {
    environment = readEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: environment.LOG_LEVEL });
  // The database opens first (the embedded one starts in its own thread, the slowest part of a
  // start) while the rest of the bot (Bolt, the Slack features, the mail transport) is loaded.
  const openingDatabase = openDatabase(databaseLocation(environment));
  openingDatabase.catch(() => undefined); // awaited by startBot, which reports the failure
  const { startBot } = await import("./start-bot.ts");
  const bot = await startBot({ environment, logger, openingDatabase });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `premiumone-users-bot did not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
