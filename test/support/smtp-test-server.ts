// A real SMTP server in the test process (smtp-server), on 127.0.0.1: it keeps every message it
// accepts in a sandbox mailbox (the inbox the bot's own mailbox transport fills), with the envelope
// of the conversation, and can refuse chosen recipients with a given SMTP reply.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createMailbox, type TMailbox } from "../../src/sandbox/mailbox/mailbox.ts";

export interface TSmtpRefusal {
  readonly responseCode: number;
  readonly message: string;
}

export interface TSmtpTestServerOptions {
  /** 0 (the default) for any free port; a port number to come back on the port of a closed server. */
  readonly port?: number;
  /** Where accepted messages go; pass the mailbox of an earlier server to keep one inbox across restarts. */
  readonly mailbox?: TMailbox;
  /** The same messages in mailparser's shape, which the hardening suite reads (see `messages`). */
  readonly messages?: ParsedMail[];
  readonly refuseRecipient?: (address: string) => TSmtpRefusal | undefined;
}

export interface TSmtpTestServer {
  readonly port: number;
  readonly url: string;
  /** Every accepted message, with the MAIL FROM and RCPT TO of its conversation as its envelope. */
  readonly mailbox: TMailbox;
  /** The same messages as mailparser parsed them: test/hardening reads this; other tests read `mailbox`. */
  readonly messages: ParsedMail[];
  /** Resolves once the mailbox holds `count` messages, or fails after the timeout. */
  waitForMessages(count: number, options?: { readonly timeoutMilliseconds?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: TSmtpTestServerOptions = {}): Promise<TSmtpTestServer> {
  const mailbox = options.mailbox ?? createMailbox();
  const messages = options.messages ?? [];
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
      const envelope = {
        from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      };
      keep(stream, envelope).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  async function keep(
    stream: AsyncIterable<Buffer>,
    envelope: { from: string; to: string[] },
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const source = Buffer.concat(chunks);
    messages.push(await simpleParser(source));
    await mailbox.receive(source, envelope);
  }
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
    mailbox,
    messages,
    async waitForMessages(count, waitOptions = {}) {
      const timeoutMilliseconds = waitOptions.timeoutMilliseconds ?? 10_000;
      await mailbox.waitFor(() => (mailbox.messages().length >= count ? true : undefined), {
        timeoutMilliseconds,
        description: `${count} messages in the mailbox`,
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

// test/hardening imports it from here.
export { credentialsIn } from "./credentials-email.ts";

/** The first address of the To header of a message as mailparser parsed it (the hardening suite's). */
export function recipientOf(message: ParsedMail): string | undefined {
  const to = Array.isArray(message.to) ? message.to[0] : message.to;
  return to?.value[0]?.address;
}
