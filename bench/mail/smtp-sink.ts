// An SMTP server in the benchmark's process (smtp-server) that accepts every message and notes,
// per recipient, when the message was accepted: the end of the welcome email's journey.
import { SMTPServer } from "smtp-server";
import type { TCleanup } from "../cleanup.ts";

export interface TSmtpSink {
  readonly url: string;
  /** Resolves with performance.now() at acceptance of the first message to `address`, or undefined. */
  acceptedFor(address: string, timeoutMilliseconds: number): Promise<number | undefined>;
  readonly acceptedCount: () => number;
}

export async function startSmtpSink(cleanup: TCleanup): Promise<TSmtpSink> {
  const accepted = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        const at = performance.now();
        count += 1;
        for (const recipient of session.envelope.rcptTo) {
          const address = recipient.address.toLowerCase();
          const waiter = waiters.get(address);
          if (waiter === undefined) {
            if (!accepted.has(address)) accepted.set(address, at);
          } else {
            waiters.delete(address);
            waiter(at);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  cleanup.add("close the SMTP server", () => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("the SMTP server has no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    acceptedCount: () => count,
    acceptedFor(recipient, timeoutMilliseconds) {
      const key = recipient.toLowerCase();
      const at = accepted.get(key);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(key);
          resolve(undefined);
        }, timeoutMilliseconds);
        waiters.set(key, (arrivedAt) => {
          clearTimeout(timer);
          resolve(arrivedAt);
        });
      });
    },
  };
}
