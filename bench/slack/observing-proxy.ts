// A pass-through HTTP proxy in front of the sandbox's fake Slack Web API. The bot's SLACK_API_URL
// and the response_urls the benchmark hands out point here, so the benchmark sees when a request
// of the bot *arrives* (views.open by trigger_id, a response_url post by its id) without reading
// the fake's timeline, which grows with every call. Everything is forwarded unchanged.
import { Agent, createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface TArrival {
  /** performance.now() when the request's headers reached the proxy. */
  readonly at: number;
  /** The fake's answer: true for `{ok:true}` (a response_url's `{ok:true}` too). */
  readonly ok: boolean;
  readonly error: string | undefined;
}

export interface TObservingProxy {
  /** The Web API base for the bot, ending with `/api/`. */
  readonly url: string;
  readonly origin: string;
  /** `<origin>/response/<id>`: a response_url whose posts are observed. */
  responseUrl(id: string): string;
  /** Resolves with the arrival of views.open for `triggerId`, or undefined after `timeoutMilliseconds`. */
  viewsOpenFor(triggerId: string, timeoutMilliseconds: number): Promise<TArrival | undefined>;
  /** Resolves with the first post to the response_url `id`, or undefined after the timeout. */
  responseUrlPost(id: string, timeoutMilliseconds: number): Promise<TArrival | undefined>;
  /** The latest views.update of `viewId` that arrived (the bot showing an outcome after its ack). */
  lastViewsUpdate(viewId: string): TArrival | undefined;
  /** Forgets every arrival nobody waited for (between load steps). */
  forget(): void;
  close(): Promise<void>;
}

interface TWaiter {
  resolve(arrival: TArrival | undefined): void;
  timer: NodeJS.Timeout;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** One top-level argument of a Web API call, form-encoded (as @slack/web-api sends) or JSON. */
function argumentOf(body: string, contentType: string | undefined, name: string): string | undefined {
  try {
    if (contentType?.includes("json") === true) {
      const parsed: unknown = JSON.parse(body);
      const value = (parsed as Record<string, unknown>)[name];
      return typeof value === "string" ? value : undefined;
    }
    return new URLSearchParams(body).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function answerOf(body: string): { ok: boolean; error: string | undefined } {
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; error?: unknown };
    return { ok: parsed.ok === true, error: typeof parsed.error === "string" ? parsed.error : undefined };
  } catch {
    return { ok: false, error: "unreadable answer" };
  }
}

export async function startObservingProxy(targetOrigin: string): Promise<TObservingProxy> {
  const target = new URL(targetOrigin);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const arrivals = new Map<string, TArrival>();
  const waiters = new Map<string, TWaiter>();
  const viewUpdates = new Map<string, TArrival>();

  function observe(key: string, arrival: TArrival): void {
    const waiter = waiters.get(key);
    if (waiter === undefined) {
      arrivals.set(key, arrival);
      return;
    }
    waiters.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(arrival);
  }

  function waitFor(key: string, timeoutMilliseconds: number): Promise<TArrival | undefined> {
    const arrived = arrivals.get(key);
    if (arrived !== undefined) {
      arrivals.delete(key);
      return Promise.resolve(arrived);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters.delete(key);
        resolve(undefined);
      }, timeoutMilliseconds);
      waiters.set(key, { resolve, timer });
    });
  }

  const server = createServer((request, response) => {
    const at = performance.now();
    const path = request.url ?? "/";
    readBody(request).then(
      (body) => {
        const text = body.toString("utf8");
        const contentType = request.headers["content-type"];
        let key: string | undefined;
        let updatedView: string | undefined;
        if (path.startsWith("/api/views.open")) {
          const triggerId = argumentOf(text, contentType, "trigger_id");
          if (triggerId !== undefined) key = `views.open:${triggerId}`;
        } else if (path.startsWith("/api/views.update")) {
          updatedView = argumentOf(text, contentType, "view_id");
        } else if (path.startsWith("/response/")) {
          key = `response:${path.slice("/response/".length)}`;
        }
        const forwarded = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: request.method,
            path,
            headers: { ...request.headers, host: target.host },
            agent,
          },
          (answer) => {
            const chunks: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => chunks.push(chunk));
            answer.on("end", () => {
              const answerBody = Buffer.concat(chunks);
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(answerBody);
              if (key !== undefined) observe(key, { at, ...answerOf(answerBody.toString("utf8")) });
              if (updatedView !== undefined)
                viewUpdates.set(updatedView, { at, ...answerOf(answerBody.toString("utf8")) });
            });
          },
        );
        forwarded.on("error", (error) => {
          if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
          response.end(String(error));
        });
        forwarded.end(body);
      },
      () => {
        response.writeHead(400);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/`,
    origin,
    responseUrl: (id) => `${origin}/response/${id}`,
    viewsOpenFor: (triggerId, timeout) => waitFor(`views.open:${triggerId}`, timeout),
    responseUrlPost: (id, timeout) => waitFor(`response:${id}`, timeout),
    lastViewsUpdate: (viewId) => viewUpdates.get(viewId),
    forget: () => {
      arrivals.clear();
      viewUpdates.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const waiter of waiters.values()) {
          clearTimeout(waiter.timer);
          waiter.resolve(undefined);
        }
        waiters.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
