// Slack's end of Socket Mode: a WebSocket server on 127.0.0.1 and a free port that the app reaches
// through the URL apps.connections.open hands out (one ticket a connection, used once). On connect
// it says `hello`; it then sends envelopes to the newest open connection and waits Slack's three
// seconds for their acks, which it records, on time or late; `disconnect` asks every connection to
// go, and the app opens a new one. It shares the workspace of the Web API it stands beside, so what
// the app does after an ack (views.open, chat.postMessage) lands where the HTTP path's does.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS } from "../app-answers.ts";
import { createChangeFeed, type TWaitOptions } from "../change-feed.ts";
import type { TJsonValue } from "../json.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import type { TSocketModeGateway } from "../web-api-methods.ts";
import {
  disconnectMessage,
  envelopeMessage,
  helloMessage,
  readAcknowledgement,
  type TDisconnectReason,
  type TEnvelopeContent,
} from "./socket-mode-messages.ts";

/** The path of the WebSocket URLs, like Slack's `wss://wss-primary.slack.com/link/?ticket=…`. */
const LINK_PATH = "/link/";
/** Slack's debug_info names the host serving the connection. */
const HOST_NAME = "applink-sandbox-1";

export interface TSocketModeServerOptions {
  /** The workspace of the Web API beside it: its app's id goes in `hello`. */
  readonly workspace: TSlackWorkspace;
  /** The app-level token (`xapp-…`) apps.connections.open accepts. */
  readonly appToken: string;
}

export interface TRecordedAcknowledgement {
  readonly envelopeId: string;
  /** Which connection it came on (1 for the first the app opened). */
  readonly connection: number;
  readonly payload: TJsonValue | undefined;
  /** From sending the envelope to its ack; undefined for an ack of an envelope never sent. */
  readonly elapsedMilliseconds: number | undefined;
  /** After Slack's three seconds: Slack had given up on it and applied nothing. */
  readonly late: boolean;
}

export interface TEnvelopeAnswer {
  readonly envelopeId: string;
  /** The app acked within Slack's three seconds. */
  readonly acknowledged: boolean;
  /** The ack's payload; undefined when it carried none or never came. */
  readonly payload: TJsonValue | undefined;
  readonly elapsedMilliseconds: number;
}

export type TSocketModeChange =
  | { readonly kind: "connected"; readonly connection: number }
  | { readonly kind: "closed"; readonly connection: number }
  | { readonly kind: "acknowledged"; readonly acknowledgement: TRecordedAcknowledgement };

export interface TSocketModeServer extends TSocketModeGateway {
  /** `ws://127.0.0.1:<port>/link/`, before its ticket. */
  readonly url: string;
  /** The connections open now, oldest first (1 for the first the app opened). */
  openConnections(): readonly number[];
  /** Resolves with the first connection after `after` (0 unless given) that was said `hello` to. */
  waitForConnection(options?: { readonly after?: number } & TWaitOptions): Promise<number>;
  /** Sends one envelope to the newest open connection and waits for its ack, three seconds at most. */
  deliver(
    content: TEnvelopeContent,
    options?: { readonly retry?: { readonly number: number; readonly reason: string } },
  ): Promise<TEnvelopeAnswer>;
  /** Tells every open connection to go; the app closes it and opens a new one. */
  disconnect(reason: TDisconnectReason): void;
  acknowledgements(): readonly TRecordedAcknowledgement[];
  subscribe(listener: (change: TSocketModeChange) => void): () => void;
  /** Resolves with the first non-undefined `find()`, checking again after every connection change and ack. */
  waitFor<TValue>(find: () => TValue | undefined, options?: TWaitOptions): Promise<TValue>;
  close(): Promise<void>;
}

interface TPendingEnvelope {
  /** Settles the delivery as not acknowledged: Slack's three seconds are over. */
  readonly giveUp: () => void;
  readonly settle: (answer: TEnvelopeAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

function refuseUpgrade(socket: Duplex, status: 401 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data)).toString("utf8");
  return data.toString("utf8");
}

export async function startSocketModeServer(options: TSocketModeServerOptions): Promise<TSocketModeServer> {
  const { workspace, appToken } = options;
  const tickets = new Set<string>();
  const open = new Map<number, WebSocket>();
  const pending = new Map<string, TPendingEnvelope>();
  const sentAt = new Map<string, number>();
  const recorded: TRecordedAcknowledgement[] = [];
  const changes = createChangeFeed<TSocketModeChange>();
  let connectionCount = 0;

  const httpServer = createServer((_request, response) => {
    response.writeHead(426, { "content-type": "text/plain; charset=utf-8" });
    response.end("Upgrade Required");
  });
  const webSockets = new WebSocketServer({ noServer: true });

  function receive(connection: number, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    const acknowledgement = readAcknowledgement(textOf(data));
    if (acknowledgement === undefined) return;
    const waiting = pending.get(acknowledgement.envelopeId);
    const sent = sentAt.get(acknowledgement.envelopeId);
    const elapsedMilliseconds = sent === undefined ? undefined : performance.now() - sent;
    const entry: TRecordedAcknowledgement = {
      envelopeId: acknowledgement.envelopeId,
      connection,
      payload: acknowledgement.payload,
      elapsedMilliseconds,
      late: sent !== undefined && waiting === undefined,
    };
    recorded.push(entry);
    if (waiting !== undefined) {
      pending.delete(acknowledgement.envelopeId);
      clearTimeout(waiting.timer);
      waiting.settle({
        envelopeId: acknowledgement.envelopeId,
        acknowledged: true,
        payload: acknowledgement.payload,
        elapsedMilliseconds: elapsedMilliseconds ?? 0,
      });
    }
    changes.publish({ kind: "acknowledged", acknowledgement: entry });
  }

  function accept(socket: WebSocket): void {
    connectionCount += 1;
    const connection = connectionCount;
    open.set(connection, socket);
    socket.on("message", (data, isBinary) => receive(connection, data, isBinary));
    socket.on("close", () => {
      open.delete(connection);
      changes.publish({ kind: "closed", connection });
    });
    socket.send(
      JSON.stringify(
        helloMessage({ appId: workspace.app.appId, connectionCount: open.size, host: HOST_NAME }),
      ),
    );
    changes.publish({ kind: "connected", connection });
  }

  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const requestUrl = new URL(request.url ?? "/", "http://127.0.0.1");
    if (requestUrl.pathname !== LINK_PATH) {
      refuseUpgrade(socket, 404, "Not Found");
      return;
    }
    const ticket = requestUrl.searchParams.get("ticket") ?? "";
    if (!tickets.delete(ticket)) {
      refuseUpgrade(socket, 401, "Unauthorized");
      return;
    }
    webSockets.handleUpgrade(request, socket, head, accept);
  });

  const port = await new Promise<number>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => {
      httpServer.off("error", reject);
      resolve((httpServer.address() as AddressInfo).port);
    });
  });
  const url = `ws://127.0.0.1:${port}${LINK_PATH}`;

  return {
    url,
    appToken,
    openConnection() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return `${url}?ticket=${ticket}&app_id=${workspace.app.appId}`;
    },
    openConnections: () => [...open.keys()],
    waitForConnection(waitOptions = {}) {
      const after = waitOptions.after ?? 0;
      return changes.waitFor(() => (connectionCount > after ? after + 1 : undefined), {
        description: `a Socket Mode connection after connection ${after}`,
        ...(waitOptions.timeoutMilliseconds === undefined
          ? {}
          : { timeoutMilliseconds: waitOptions.timeoutMilliseconds }),
      });
    },
    deliver(content, deliverOptions = {}) {
      const newest = [...open.entries()].at(-1);
      if (newest === undefined)
        return Promise.reject(new Error("no Socket Mode connection is open: the app is not connected"));
      const envelopeId = randomUUID();
      const started = performance.now();
      sentAt.set(envelopeId, started);
      return new Promise<TEnvelopeAnswer>((resolve) => {
        const giveUp = () => {
          pending.delete(envelopeId);
          resolve({
            envelopeId,
            acknowledged: false,
            payload: undefined,
            elapsedMilliseconds: performance.now() - started,
          });
        };
        const timer = setTimeout(giveUp, ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS);
        pending.set(envelopeId, { giveUp, settle: resolve, timer });
        newest[1].send(
          JSON.stringify(
            envelopeMessage({
              envelopeId,
              content,
              ...(deliverOptions.retry === undefined ? {} : { retry: deliverOptions.retry }),
            }),
          ),
        );
      });
    },
    disconnect(reason) {
      const message = JSON.stringify(disconnectMessage(reason, HOST_NAME));
      for (const socket of open.values()) socket.send(message);
    },
    acknowledgements: () => [...recorded],
    subscribe: (listener) => changes.subscribe(listener),
    waitFor: (find, waitOptions) => changes.waitFor(find, waitOptions),
    async close() {
      for (const waiting of [...pending.values()]) {
        clearTimeout(waiting.timer);
        waiting.giveUp();
      }
      for (const socket of open.values()) socket.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
