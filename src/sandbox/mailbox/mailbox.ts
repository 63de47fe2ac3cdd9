// Every email the bot sent, in the order it arrived: fed by the bot's mail transport (given as
// `mailbox` to createMailTransport), by an SMTP server, or by the .eml files of DATA_DIR/mail, and
// followed by whoever subscribed (a test waiting for a welcome email, an inbox page).
import { createChangeFeed, type TChanges } from "../change-feed.ts";
import { parseMail, type TMailboxMessage, type TMailEnvelope } from "./mailbox-message.ts";

export type TMailboxChange = { readonly kind: "message_received"; readonly message: TMailboxMessage };

export interface TMailbox extends TChanges<TMailboxChange> {
  /** Reads a message from its source and keeps it; subscribers hear of it once it is kept. */
  receive(source: Buffer | string, envelope?: TMailEnvelope): Promise<TMailboxMessage>;
  /** Every message, oldest first. */
  messages(): readonly TMailboxMessage[];
  /** The messages sent to `address` (envelope or To header, case aside), oldest first. */
  messagesTo(address: string): readonly TMailboxMessage[];
}

export function createMailbox(): TMailbox {
  const messages: TMailboxMessage[] = [];
  const changes = createChangeFeed<TMailboxChange>();

  return {
    async receive(source, envelope) {
      const parsed = await parseMail(source);
      const message: TMailboxMessage = {
        ...parsed,
        sequence: messages.length + 1,
        receivedAt: new Date(),
        envelope: envelope === undefined ? undefined : { from: envelope.from, to: [...envelope.to] },
      };
      messages.push(message);
      changes.publish({ kind: "message_received", message });
      return message;
    },
    messages: () => [...messages],
    messagesTo(address) {
      const wanted = address.toLowerCase();
      return messages.filter((message) => recipientsOf(message).includes(wanted));
    },
    subscribe: changes.subscribe,
    waitFor: changes.waitFor,
  };
}

/** The addresses a message went to, in lower case: its envelope's when it has one, else its To header's. */
export function recipientsOf(message: TMailboxMessage): string[] {
  const addresses = message.envelope?.to ?? message.to.map((recipient) => recipient.address);
  return addresses.map((address) => address.toLowerCase());
}
