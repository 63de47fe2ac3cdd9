// The process: read the environment (stop with one line per problem), start, stop cleanly on a signal.
import { loadEnvironmentFile } from "./config/env-file.ts";
import {
  ConfigurationError,
  processVariables,
  readEnvironment,
  sandboxWanted,
} from "./config/environment.ts";
import { createLogger } from "./infrastructure/logging/create-logger.ts";
import { databaseLocation, openDatabase } from "./infrastructure/prisma/open-database.ts";

async function main(): Promise<void> {
  let environment: ReturnType<typeof readEnvironment>;
  try {
    // A .env in the working folder, the real environment winning (.env.example lists every variable).
    loadEnvironmentFile();
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
  // Signals are taken from the first moment: one that comes while the bot is still starting (the
  // sandbox loading its demo data after /readyz already answers) stops it once it has started.
  let stopRequested: string | undefined;
  let stopNow: ((signal: string) => void) | undefined;
  const onSignal = (signal: string) => {
    if (stopNow === undefined) stopRequested ??= signal;
    else stopNow(signal);
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  const bot = sandboxWanted(environment)
    ? await (await import("./sandbox/browser-sandbox.ts")).startBrowserSandbox({
        variables: processVariables(),
        environment,
        logger,
        openingDatabase,
      })
    : await (await import("./start-bot.ts")).startBot({
        environment,
        logger,
        openingDatabase,
        onSlackRefused: (error) => {
          process.stderr.write(`${error.message}\n`);
          process.exit(2);
        },
      });
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
  stopNow = stop;
  if (stopRequested !== undefined) stop(stopRequested);
}

// A rejection nobody handled (a library's background work) is told, not a silent stack trace.
process.on("unhandledRejection", (reason: unknown) => {
  process.stderr.write(
    `premiumone-users-bot stopped on an unhandled failure: ${reason instanceof Error ? reason.message : String(reason)}\n`,
  );
  process.exit(1);
});

main().catch((error: unknown) => {
  // Slack refused a token: the variable is wrong, like any other configuration problem (exit 2).
  if (error instanceof Error && error.name === "SlackCredentialsRefused") {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `premiumone-users-bot did not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
