import type { Logger } from "../../src/application/ports/logger.ts";

export interface TRecordedLog {
  readonly level: string;
  readonly object: object;
  readonly message: string | undefined;
}

/** A logger that keeps what it is told, so tests can assert what reached the logs (and what did not). */
export function createRecordingLogger(records: TRecordedLog[] = []): Logger & { records: TRecordedLog[] } {
  const make = (bindings: Record<string, unknown>): Logger & { records: TRecordedLog[] } => {
    const write = (level: string) => (object: object, message?: string) => {
      records.push({ level, object: { ...bindings, ...object }, message });
    };
    return {
      records,
      info: write("info"),
      warn: write("warn"),
      error: write("error"),
      debug: write("debug"),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make({});
}
