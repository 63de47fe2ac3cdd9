// A stop lets the requests in flight be answered (up to the grace) and takes no new one.
import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/http-server.ts";
import { createRecordingLogger } from "../support/silent-logger.ts";

describe("the HTTP server's stop", () => {
  it("answers a request in flight, then refuses new connections", async () => {
    const server = createHttpServer(
      [
        {
          method: "GET",
          path: "/slow",
          handler: async (_request, response) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            response.end("done");
          },
        },
      ],
      createRecordingLogger(),
    );
    const port = await server.listen(0, "127.0.0.1");
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close({ graceMs: 5_000 });
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("done");
    await closed;
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
  });

  it("closes what is still running once the grace is over", async () => {
    const server = createHttpServer(
      [{ method: "GET", path: "/hang", handler: () => new Promise<void>(() => undefined) }],
      createRecordingLogger(),
    );
    const port = await server.listen(0, "127.0.0.1");
    const hanging = fetch(`http://127.0.0.1:${port}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const startedAt = Date.now();
    await server.close({ graceMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
