// A real SMTP server in the test process (smtp-server), on 127.0.0.1: it keeps every message it
// accepts, parsed (mailparser), and can refuse chosen recipients with a given SMTP reply.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TSmtpRefusal {
  readonly responseCode: number;
  readonly message: string;
}

export interface TSmtpTestServerOptions {
  /** 0 (the default) for any free port; a port number to come back on the port of a closed server. */
  readonly port?: number;
  /** Where accepted messages go; pass the array of an earlier server to keep one list across restarts. */
  readonly messages?: ParsedMail[];
  readonly refuseRecipient?: (address: string) => TSmtpRefusal | undefined;
}

export interface TSmtpTestServer {
  readonly port: number;
  readonly url: string;
  readonly messages: ParsedMail[];
  /** The RCPT TO addresses of each accepted message, in the order of `messages`. */
  readonly envelopeRecipients: string[][];
  /** Resolves once `count` messages are in (this server's list), or fails after the timeout. */
  waitForMessages(count: number, options?: { readonly timeoutMilliseconds?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: TSmtpTestServerOptions = {}): Promise<TSmtpTestServer> {
  const messages = options.messages ?? [];
  const envelopeRecipients: string[][] = [];
  const arrivalListeners = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // No reverse DNS of 127.0.0.1 on each connection: it only slows the tests down.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      if (refusal === undefined) {
        callback();
        return;
      }
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.responseCode }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push(parsed);
          envelopeRecipients.push(session.envelope.rcptTo.map((recipient) => recipient.address));
          callback();
          for (const listener of [...arrivalListeners]) listener();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("the SMTP test server has no port");
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    envelopeRecipients,
    waitForMessages(count, waitOptions = {}) {
      const timeoutMilliseconds = waitOptions.timeoutMilliseconds ?? 10_000;
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (messages.length < count) return;
          arrivalListeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          arrivalListeners.delete(check);
          reject(new Error(`${messages.length} of ${count} messages in after ${timeoutMilliseconds} ms`));
        }, timeoutMilliseconds);
        arrivalListeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (a server was there a moment ago): connecting to it is refused. */
export async function closedSmtpPort(): Promise<number> {
  const server = await startSmtpTestServer();
  await server.close();
  return server.port;
}

/** The lines `Usuario:` / `Contraseña temporal:` (or the English ones) of a credentials email's text. */
export function credentialsIn(message: ParsedMail): { username: string; password: string } {
  const text = message.text ?? "";
  const username = /^(?:Usuario|Username): (\S+)$/m.exec(text)?.[1];
  const password = /^(?:Contraseña temporal|Temporary password): (\S+)$/m.exec(text)?.[1];
  if (username === undefined || password === undefined)
    throw new Error("the email carries no credentials lines");
  return { username, password };
}

/** The first address of the To header. */
export function recipientOf(message: ParsedMail): string | undefined {
  const to = Array.isArray(message.to) ? message.to[0] : message.to;
  return to?.value[0]?.address;
}
