// pino, with every key that could hold a secret censored wherever it appears in a log object —
// a second line of defence: the code never logs a secret on purpose.
import pino from "pino";
import type { Logger } from "../../application/ports/logger.ts";

const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmation",
  "temporaryPassword",
  "passwordHash",
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "apiKey",
  "authorization",
  "pepper",
  "smtpUrl",
  "databaseUrl",
];

export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      base: { service: "premiumone-users-bot" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
