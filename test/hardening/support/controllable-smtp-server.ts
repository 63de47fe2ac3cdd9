// An SMTP server (smtp-server + mailparser) a test steers: it answers chosen 4xx/5xx replies at
// any stage (once, a few times, or until told otherwise), goes down and comes back on the same
// port, records the envelope and the raw message, and calls a hook when a message's DATA has
// arrived but before it answers 250 — the moment to SIGKILL the bot "after the server accepted".
import type { Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export type TSmtpStage = "connect" | "mail" | "rcpt" | "data";

export interface TSmtpReply {
  /** 421, 451, 452 (transient) or 550, 552, 554 (permanent)… */
  readonly code: number;
  readonly message: string;
}

export interface TReceivedMail {
  readonly parsed: ParsedMail;
  /** The message exactly as the client sent it (headers and body). */
  readonly raw: Buffer;
  readonly envelope: { readonly from: string | undefined; readonly to: readonly string[] };
  readonly messageId: string | undefined;
  readonly receivedAt: number;
}

/** Runs after DATA is complete, before the reply. Throwing makes the server answer 451. */
export type TDataHook = (mail: TReceivedMail) => Promise<void> | void;

export interface TControllableSmtpServer {
  readonly port: number;
  readonly url: string;
  /** Messages answered 250, in order. */
  readonly messages: readonly TReceivedMail[];
  /** Every message whose DATA arrived, whatever the answer. */
  readonly received: readonly TReceivedMail[];
  /** The next `times` commands of that stage get `reply` (queued after earlier ones). */
  answerNext(stage: TSmtpStage, reply: TSmtpReply, times?: number): void;
  /** Every command of that stage gets `reply` until called again with undefined. */
  answerAlways(stage: TSmtpStage, reply: TSmtpReply | undefined): void;
  onData(hook: TDataHook | undefined): void;
  /** Stops listening and cuts every open connection: the client sees the connection refused. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  isUp(): boolean;
  /** Waits (with a deadline) until at least `count` messages were answered 250. */
  waitForMessages(
    count: number,
    options?: { timeoutMilliseconds?: number },
  ): Promise<readonly TReceivedMail[]>;
  close(): Promise<void>;
}

function refusalError(reply: TSmtpReply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function envelopeOf(session: SMTPServerSession): TReceivedMail["envelope"] {
  const from = session.envelope.mailFrom;
  return {
    from: from === false ? undefined : from.address,
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
  };
}

export async function startControllableSmtpServer(
  options: { port?: number } = {},
): Promise<TControllableSmtpServer> {
  const messages: TReceivedMail[] = [];
  const received: TReceivedMail[] = [];
  const queued: Record<TSmtpStage, TSmtpReply[]> = { connect: [], mail: [], rcpt: [], data: [] };
  const sticky: Partial<Record<TSmtpStage, TSmtpReply>> = {};
  const listeners = new Set<() => void>();
  let hook: TDataHook | undefined;
  let server: SMTPServer | undefined;
  const sockets = new Set<Socket>();
  let port = options.port ?? 0;

  const replyFor = (stage: TSmtpStage): TSmtpReply | undefined => queued[stage].shift() ?? sticky[stage];
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };

  function create(): SMTPServer {
    return new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      closeTimeout: 1_000,
      onConnect(_session, callback) {
        const reply = replyFor("connect");
        callback(reply === undefined ? undefined : refusalError(reply));
      },
      onMailFrom(_address, _session, callback) {
        const reply = replyFor("mail");
        callback(reply === undefined ? undefined : refusalError(reply));
      },
      onRcptTo(_address, _session, callback) {
        const reply = replyFor("rcpt");
        callback(reply === undefined ? undefined : refusalError(reply));
      },
      onData(stream, session, callback) {
        const envelope = envelopeOf(session);
        readAll(stream)
          .then(async (raw) => {
            const parsed = await simpleParser(raw);
            const mail: TReceivedMail = {
              parsed,
              raw,
              envelope,
              messageId: parsed.messageId,
              receivedAt: Date.now(),
            };
            received.push(mail);
            try {
              await hook?.(mail);
            } catch (error) {
              callback(refusalError({ code: 451, message: `hook failed: ${String(error)}` }));
              return;
            }
            const reply = replyFor("data");
            if (reply !== undefined) {
              callback(refusalError(reply));
              return;
            }
            messages.push(mail);
            changed();
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      },
    });
  }

  async function listen(): Promise<void> {
    const created = create();
    created.server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    // A client cut off mid-command is expected here (goDown, a killed bot): not a test failure.
    created.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      created.server.once("error", reject);
      created.listen(port, "127.0.0.1", () => {
        created.server.off("error", reject);
        resolve();
      });
    });
    const address = created.server.address();
    if (typeof address === "object" && address !== null) port = address.port;
    server = created;
  }

  async function goDown(): Promise<void> {
    const running = server;
    server = undefined;
    if (running === undefined) return;
    const closed = new Promise<void>((resolve) => running.close(() => resolve()));
    for (const socket of [...sockets]) socket.destroy();
    sockets.clear();
    await closed;
  }

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    received,
    answerNext(stage, reply, times = 1) {
      for (let count = 0; count < times; count += 1) queued[stage].push(reply);
    },
    answerAlways(stage, reply) {
      if (reply === undefined) delete sticky[stage];
      else sticky[stage] = reply;
    },
    onData(next) {
      hook = next;
    },
    goDown,
    async comeBack() {
      if (server === undefined) await listen();
    },
    isUp: () => server !== undefined,
    waitForMessages(count, waitOptions = {}) {
      const timeoutMilliseconds = waitOptions.timeoutMilliseconds ?? 15_000;
      return new Promise((resolve, reject) => {
        if (messages.length >= count) {
          resolve(messages);
          return;
        }
        const check = () => {
          if (messages.length < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `timed out after ${timeoutMilliseconds} ms waiting for ${count} messages (${messages.length} so far)`,
            ),
          );
        }, timeoutMilliseconds);
        listeners.add(check);
      });
    },
    close: goDown,
  };
}
