// Sends an email: into the mailbox it is given (the local sandbox's); else over SMTP when SMTP_URL is
// set; otherwise (development) each message is written as an .eml file under DATA_DIR/mail and its
// path logged — the path only, never the content, which may hold a temporary password. Errors come
// out as delivery errors the outbox worker understands.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type NodemailerError, type StreamSentMessageInfo } from "nodemailer";
import type { Logger } from "../../application/ports/logger.ts";
import { PermanentDeliveryError, TransientDeliveryError } from "../outbox/delivery-errors.ts";

export interface TEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<id@domain>`: a retry of one outbox message sends the same Message-ID, so it is one message. */
  readonly messageId?: string;
  /** The Date header; a retry keeps the first attempt's. */
  readonly date?: Date;
}

export interface MailTransport {
  /** Resolves once the server (or the file) holds the message; throws a delivery error otherwise. */
  send(email: TEmail): Promise<void>;
  close(): void;
}

/** Takes a composed message (its RFC 5322 source) and its envelope in: the sandbox's mailbox is one. */
export interface TMessageReceiver {
  receive(
    source: Buffer,
    envelope: { readonly from: string; readonly to: readonly string[] },
  ): Promise<unknown>;
}

export interface TMailTransportOptions {
  /** When given, every email goes here, composed as for SMTP, and SMTP_URL is not used. */
  readonly mailbox?: TMessageReceiver | undefined;
  readonly smtpUrl?: string | undefined;
  readonly dataDir: string;
  /** The From header, e.g. "PremiumOne <no-reply@example.com>". */
  readonly from: string;
  readonly logger: Logger;
}

// Short enough that a dead server costs one lease, not minutes (nodemailer waits up to 10 minutes).
// Query parameters of SMTP_URL (e.g. ?socketTimeout=30000) override them.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 };

// Problems of the connection or of our own set-up (credentials, TLS), not of the message: whatever
// reply code comes with them (a 535 for a wrong SMTP password), the next attempt may succeed once
// the server is back or the operator fixed SMTP_URL.
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNECTION",
  "ESOCKET",
  "EDNS",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETLS",
  "EAUTH",
  "ENOAUTH",
  "EOAUTH2",
  "EPROXY",
  "ECONFIG",
]);

export function createMailTransport(options: TMailTransportOptions): MailTransport {
  if (options.mailbox !== undefined) return createMailboxTransport(options.mailbox, options);
  return options.smtpUrl === undefined
    ? createFileTransport(options)
    : createSmtpTransport(options.smtpUrl, options);
}

/** nodemailer's message options for an email: the headers, and the Message-ID and Date when fixed. */
function mailOptions(email: TEmail) {
  return {
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...(email.messageId === undefined ? {} : { messageId: email.messageId }),
    ...(email.date === undefined ? {} : { date: email.date }),
  };
}

/**
 * Composes the message without sending it and returns it with the envelope nodemailer reads from
 * its headers. An address the library would read as another recipient (or as several) is refused
 * for good: what is stored is exactly where an email goes, or it does not go.
 */
async function composeChecked(
  composer: ReturnType<typeof createComposer>,
  email: TEmail,
): Promise<{ message: Buffer; envelope: { from: string; to: string[] } }> {
  let info: StreamSentMessageInfo;
  try {
    info = await composer.sendMail(mailOptions(email));
  } catch (error) {
    throw new PermanentDeliveryError(`could not compose the message: ${describeMailError(error)}`, {
      cause: error,
    });
  }
  if (!Buffer.isBuffer(info.message)) throw new PermanentDeliveryError("the composer returned no message");
  const to = info.envelope.to;
  if (to.length !== 1 || to[0]?.toLowerCase() !== email.to.toLowerCase()) {
    throw new PermanentDeliveryError("the recipient address would be read as another one: not sent");
  }
  return { message: info.message, envelope: { from: info.envelope.from || "", to } };
}

function createComposer(from: string) {
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }, { from });
}

function createSmtpTransport(smtpUrl: string, options: TMailTransportOptions): MailTransport {
  // logger and debug off: nodemailer's own logging would print the message, password included.
  const transporter = nodemailer.createTransport(
    { url: smtpUrl, ...SMTP_TIMEOUTS, logger: false, debug: false },
    { from: options.from },
  );
  const composer = createComposer(options.from);
  return {
    async send(email) {
      const { envelope } = await composeChecked(composer, email);
      try {
        // The envelope as checked: RCPT TO is the stored address, whatever the headers say.
        await transporter.sendMail({ ...mailOptions(email), envelope });
      } catch (error) {
        throw classifyMailError(error);
      }
    },
    close: () => {
      transporter.close();
      composer.close();
    },
  };
}

function createFileTransport(options: TMailTransportOptions): MailTransport {
  const composer = createComposer(options.from);
  const folder = path.resolve(options.dataDir, "mail");
  options.logger.warn({ folder }, "SMTP_URL is not set: emails are written as .eml files, not sent");
  return {
    async send(email) {
      const { message } = await composeChecked(composer, email);
      const file = path.join(folder, `${new Date().toISOString().replaceAll(":", "-")}-${randomUUID()}.eml`);
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        // Owner-only: the file may hold a temporary password.
        await writeFile(file, message, { mode: 0o600, flag: "wx" });
      } catch (error) {
        throw new TransientDeliveryError(`could not write the .eml file: ${describeMailError(error)}`, {
          cause: error,
        });
      }
      options.logger.info({ file }, "email written to a file (SMTP_URL is not set)");
    },
    close: () => composer.close(),
  };
}

function createMailboxTransport(mailbox: TMessageReceiver, options: TMailTransportOptions): MailTransport {
  const composer = createComposer(options.from);
  options.logger.warn({}, "emails go to the sandbox's mailbox, not sent");
  return {
    async send(email) {
      const { message, envelope } = await composeChecked(composer, email);
      try {
        await mailbox.receive(message, envelope);
      } catch (error) {
        throw new TransientDeliveryError(
          `the mailbox did not take the message: ${describeMailError(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close: () => composer.close(),
  };
}

/**
 * A broken connection or set-up, and SMTP 4xx replies, may pass later (transient); an SMTP 5xx reply
 * to the message (but 503, a session out of step) or an envelope with no valid recipient will not.
 */
export function classifyMailError(error: unknown): TransientDeliveryError | PermanentDeliveryError {
  if (error instanceof TransientDeliveryError || error instanceof PermanentDeliveryError) return error;
  const reason = describeMailError(error);
  const details = mailErrorDetails(error);
  const codes = [details.code, details.originalCode];
  if (codes.some((code) => code !== undefined && CONNECTION_ERROR_CODES.has(code))) {
    return new TransientDeliveryError(reason, { cause: error });
  }
  if (details.responseCode !== undefined) {
    return details.responseCode >= 500 && details.responseCode !== 503
      ? new PermanentDeliveryError(reason, { cause: error })
      : new TransientDeliveryError(reason, { cause: error });
  }
  if (details.code === "EENVELOPE") return new PermanentDeliveryError(reason, { cause: error });
  // Unknown: trying again costs little, and maxAttempts bounds it.
  return new TransientDeliveryError(reason, { cause: error });
}

interface TMailErrorDetails {
  readonly code: string | undefined;
  readonly originalCode: string | undefined;
  readonly responseCode: number | undefined;
  readonly command: string | undefined;
  readonly response: string | undefined;
}

function mailErrorDetails(error: unknown): TMailErrorDetails {
  if (!(error instanceof Error)) {
    return {
      code: undefined,
      originalCode: undefined,
      responseCode: undefined,
      command: undefined,
      response: undefined,
    };
  }
  const mailError: NodemailerError = error;
  return {
    code: typeof mailError.code === "string" ? mailError.code : undefined,
    originalCode: typeof mailError.originalCode === "string" ? mailError.originalCode : undefined,
    responseCode: typeof mailError.responseCode === "number" ? mailError.responseCode : undefined,
    command: typeof mailError.command === "string" ? mailError.command : undefined,
    response: typeof mailError.response === "string" ? mailError.response : undefined,
  };
}

/** What failed, in a line: the error's codes and the server's reply or the error's first line (never the message sent). */
function describeMailError(error: unknown): string {
  const details = mailErrorDetails(error);
  const codes = [details.code, details.originalCode].filter((code) => code !== undefined).join("/");
  const label = codes === "" ? (error instanceof Error ? error.name : "error") : codes;
  const what =
    details.responseCode === undefined
      ? error instanceof Error
        ? (error.message.split("\n")[0] ?? "")
        : ""
      : `${details.command ?? "SMTP"} rejected: ${details.response ?? details.responseCode}`;
  return `${label}: ${what}`.replaceAll(/\s+/g, " ").trim().slice(0, 300);
}
