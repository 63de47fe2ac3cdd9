// Bolt and the Web API client log through our logger, so their lines carry our fields and redaction.
import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import type { Logger } from "../application/ports/logger.ts";

export function boltLogger(logger: Logger): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = "bolt";
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const message = parts.map((part) => (part instanceof Error ? part.message : String(part))).join(" ");
      logger[method]({ component: name }, message);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
