// One email as the sandbox's mailbox keeps it: read from its source (RFC 5322) with mailparser, so
// what a person reads is exactly what an SMTP server would have received.
import { type AddressObject, simpleParser } from "mailparser";

export interface TMailAddress {
  /** The display name, "" when there is none. */
  readonly name: string;
  readonly address: string;
}

/** Where the message was handed to, as SMTP's MAIL FROM and RCPT TO say (not the headers). */
export interface TMailEnvelope {
  readonly from: string;
  readonly to: readonly string[];
}

export interface TMailHeader {
  /** Lower case, as mailparser keys it: "message-id", "content-type". */
  readonly name: string;
  /** The line after "Name: ", unfolded. */
  readonly value: string;
}

export interface TMailboxMessage {
  /** 1 for the first message the mailbox received, then 2, 3… */
  readonly sequence: number;
  readonly receivedAt: Date;
  /** Undefined for a message read from a file, which keeps no envelope. */
  readonly envelope: TMailEnvelope | undefined;
  readonly from: TMailAddress | undefined;
  readonly to: readonly TMailAddress[];
  readonly subject: string;
  /** The Date header. */
  readonly date: Date | undefined;
  /** `<id@domain>`, as the Message-ID header says. */
  readonly messageId: string | undefined;
  readonly text: string;
  readonly html: string | undefined;
  /** Every header line, in the order of the source. */
  readonly headers: readonly TMailHeader[];
}

export type TParsedMail = Omit<TMailboxMessage, "sequence" | "receivedAt" | "envelope">;

export async function parseMail(source: Buffer | string): Promise<TParsedMail> {
  const parsed = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true });
  return {
    from: addressesOf(parsed.from)[0],
    to: addressesOf(parsed.to),
    subject: parsed.subject ?? "",
    date: parsed.date,
    messageId: parsed.messageId,
    text: parsed.text ?? "",
    html: parsed.html === false ? undefined : parsed.html,
    headers: parsed.headerLines.map(({ key, line }) => ({
      name: key,
      value: line
        .slice(line.indexOf(":") + 1)
        .replaceAll(/\r?\n[ \t]+/g, " ")
        .trim(),
    })),
  };
}

/** Every mailbox of an address header, the members of a group included. */
function addressesOf(header: AddressObject | AddressObject[] | undefined): TMailAddress[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects
    .flatMap((object) => object.value)
    .flatMap((entry) => [entry, ...(entry.group ?? [])])
    .flatMap((entry) => (entry.address === undefined ? [] : [{ name: entry.name, address: entry.address }]));
}
