import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "../../../src/infrastructure/email/mail-transport.ts";
import { PermanentDeliveryError } from "../../../src/infrastructure/outbox/delivery-errors.ts";
import { createMailFolderReader } from "../../../src/sandbox/mailbox/mail-folder-reader.ts";
import { createMailbox, type TMailboxChange } from "../../../src/sandbox/mailbox/mailbox.ts";
import { SAMPLE_FROM, SAMPLE_PASSWORD, sampleWelcomeEmail } from "../../support/sample-welcome-email.ts";
import { createRecordingLogger } from "../../support/silent-logger.ts";

const FROM = SAMPLE_FROM;
const PASSWORD = SAMPLE_PASSWORD;
const welcome = sampleWelcomeEmail;

function transportInto(mailbox: ReturnType<typeof createMailbox>) {
  return createMailTransport({
    mailbox,
    dataDir: "/nonexistent",
    from: FROM,
    logger: createRecordingLogger(),
  });
}

describe("the sandbox's mailbox as the bot's mail transport", () => {
  it("keeps each email as sent: addresses, subject, Date, Message-ID, text, HTML and headers", async () => {
    const mailbox = createMailbox();
    const transport = transportInto(mailbox);
    const date = new Date("2026-12-01T10:00:00.000Z");
    const messageId = "<7d9b6e0a-0000-4000-8000-000000000001@premiumone.example>";
    await transport.send({ to: "maria.lopez+portal@example.com", ...welcome, messageId, date });
    transport.close();

    const [message] = mailbox.messages();
    expect(message).toMatchObject({
      sequence: 1,
      envelope: { from: "no-reply@premiumone.example", to: ["maria.lopez+portal@example.com"] },
      from: { name: "PremiumOne", address: "no-reply@premiumone.example" },
      to: [{ name: "", address: "maria.lopez+portal@example.com" }],
      subject: "Tus datos de acceso al portal PremiumOne",
      messageId,
    });
    expect(message?.date?.toISOString()).toBe(date.toISOString());
    expect(message?.text.split("\n")).toEqual(
      expect.arrayContaining(["Usuario: maria.lopez", `Contraseña temporal: ${PASSWORD}`]),
    );
    expect(message?.html).toContain("<strong>Contraseña temporal:</strong>");
    expect(message?.headers).toContainEqual({ name: "message-id", value: messageId });
    expect(message?.headers.find((header) => header.name === "content-type")?.value).toMatch(
      /^multipart\/alternative; boundary=/,
    );
  });

  it("takes nothing in when the address would be read as another recipient", async () => {
    const mailbox = createMailbox();
    const transport = transportInto(mailbox);
    await expect(
      transport.send({ to: "maria@example.com, otro@example.com", ...welcome }),
    ).rejects.toBeInstanceOf(PermanentDeliveryError);
    transport.close();
    expect(mailbox.messages()).toEqual([]);
  });

  it("lists the messages sent to an address, whatever its case", async () => {
    const mailbox = createMailbox();
    const transport = transportInto(mailbox);
    await transport.send({ to: "maria@example.com", ...welcome });
    await transport.send({ to: "jorge@example.com", ...welcome });
    await transport.send({ to: "Maria@Example.com", ...welcome });
    transport.close();
    expect(mailbox.messagesTo("MARIA@example.com").map((message) => message.sequence)).toEqual([1, 3]);
  });
});

describe("following the mailbox", () => {
  it("tells a subscriber of each message once it is kept, until it unsubscribes", async () => {
    const mailbox = createMailbox();
    const transport = transportInto(mailbox);
    const changes: TMailboxChange[] = [];
    const unsubscribe = mailbox.subscribe((change) => changes.push(change));
    await transport.send({ to: "maria@example.com", ...welcome });
    unsubscribe();
    await transport.send({ to: "jorge@example.com", ...welcome });
    transport.close();
    expect(changes).toEqual([{ kind: "message_received", message: mailbox.messages()[0] }]);
    expect(mailbox.messages()).toHaveLength(2);
  });

  it("waits for a message that has not arrived yet, and says what it waited for when none does", async () => {
    const mailbox = createMailbox();
    const transport = transportInto(mailbox);
    const arrival = mailbox.waitFor(() => mailbox.messagesTo("maria@example.com")[0]);
    await transport.send({ to: "maria@example.com", ...welcome });
    await expect(arrival).resolves.toMatchObject({ subject: "Tus datos de acceso al portal PremiumOne" });
    await expect(
      mailbox.waitFor(() => mailbox.messagesTo("nadie@example.com")[0], {
        timeoutMilliseconds: 20,
        description: "an email to nadie@example.com",
      }),
    ).rejects.toThrow("timed out after 20 ms waiting for an email to nadie@example.com");
    transport.close();
  });
});

describe("the reader of DATA_DIR/mail", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "premiumone-mailbox-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("puts the .eml files the bot wrote into a mailbox, each once, oldest first", async () => {
    const mailbox = createMailbox();
    const reader = createMailFolderReader({ folder: path.join(dataDir, "mail"), mailbox });
    expect(await reader.readNew()).toBe(0);

    const transport = createMailTransport({ dataDir, from: FROM, logger: createRecordingLogger() });
    await transport.send({ to: "maria@example.com", ...welcome });
    await transport.send({ to: "jorge@example.com", ...welcome });
    expect(await Promise.all([reader.readNew(), reader.readNew()])).toEqual([2, 0]);
    await transport.send({ to: "lucia@example.com", ...welcome });
    transport.close();
    expect(await reader.readNew()).toBe(1);

    expect(mailbox.messages().map((message) => [message.to[0]?.address, message.envelope])).toEqual([
      ["maria@example.com", undefined],
      ["jorge@example.com", undefined],
      ["lucia@example.com", undefined],
    ]);
    expect(mailbox.messagesTo("jorge@example.com")[0]?.text).toContain(`Contraseña temporal: ${PASSWORD}`);
  });
});
