// A TCP proxy on 127.0.0.1 in front of a server (PostgreSQL at 127.0.0.1:5432): point the bot's
// DATABASE_URL at it, then drop every connection and refuse new ones for a while — what the bot
// sees when PostgreSQL restarts mid-run — without restarting the real server the other tests use.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TTcpProxyOptions {
  readonly targetHost?: string;
  readonly targetPort?: number;
  /** A fixed port; a free one when left out. Coming back after an outage keeps it. */
  readonly port?: number;
}

export interface TTcpProxy {
  readonly port: number;
  /** The same connection URL, through the proxy (host and port replaced). */
  urlFor(connectionUrl: string): string;
  /** Client connections open now. */
  openConnections(): number;
  /** Client connections accepted since the start. */
  acceptedConnections(): number;
  /** Destroys every open connection on both sides; new ones are still accepted. */
  dropConnections(): void;
  /** Drops every connection and stops listening (connections refused) until comeBack(). */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  /** goDown, `milliseconds` of refused connections, comeBack: "PostgreSQL restarted". */
  outage(milliseconds: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(options: TTcpProxyOptions = {}): Promise<TTcpProxy> {
  const targetHost = options.targetHost ?? "127.0.0.1";
  const targetPort = options.targetPort ?? 5432;
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let accepted = 0;
  let server: Server | undefined;
  let port = options.port ?? 0;

  function handle(client: Socket): void {
    accepted += 1;
    const upstream = connect({ host: targetHost, port: targetPort });
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
    client.on("close", end);
    upstream.on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async function listen(): Promise<void> {
    const listening = createServer(handle);
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => {
        listening.off("error", reject);
        resolve();
      });
    });
    const address = listening.address();
    if (typeof address === "object" && address !== null) port = address.port;
    server = listening;
  }

  function dropConnections(): void {
    for (const pair of [...pairs]) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    pairs.clear();
  }

  async function goDown(): Promise<void> {
    const listening = server;
    server = undefined;
    dropConnections();
    if (listening !== undefined) await new Promise<void>((resolve) => listening.close(() => resolve()));
  }

  async function comeBack(): Promise<void> {
    if (server === undefined) await listen();
  }

  await listen();
  return {
    get port() {
      return port;
    },
    urlFor(connectionUrl) {
      const url = new URL(connectionUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    openConnections: () => pairs.size,
    acceptedConnections: () => accepted,
    dropConnections,
    goDown,
    comeBack,
    async outage(milliseconds) {
      await goDown();
      // The outage itself is the point here, not a wait for an effect.
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
      await comeBack();
    },
    close: goDown,
  };
}
