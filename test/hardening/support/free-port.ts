// A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it, we let it go).
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port === 0 ? reject(new Error("no free port")) : resolve(port)));
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitUntil<T>(
  check: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMilliseconds?: number; intervalMilliseconds?: number; description: string },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMilliseconds ?? 10_000);
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.description}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMilliseconds ?? 25));
  }
}
