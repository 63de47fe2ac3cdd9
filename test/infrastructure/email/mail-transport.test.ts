import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyMailError, createMailTransport } from "../../../src/infrastructure/email/mail-transport.ts";
import {
  PermanentDeliveryError,
  TransientDeliveryError,
} from "../../../src/infrastructure/outbox/delivery-errors.ts";
import { parseMail } from "../../../src/sandbox/mailbox/mailbox-message.ts";
import { SAMPLE_FROM, SAMPLE_PASSWORD, sampleWelcomeEmail } from "../../support/sample-welcome-email.ts";
import { createRecordingLogger } from "../../support/silent-logger.ts";
import {
  closedSmtpPort,
  credentialsIn,
  startSmtpTestServer,
  type TSmtpTestServer,
} from "../../support/smtp-test-server.ts";

const FROM = SAMPLE_FROM;
const PASSWORD = SAMPLE_PASSWORD;
const welcome = sampleWelcomeEmail;

describe("mail transport over SMTP", () => {
  let server: TSmtpTestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "premiumone-mail-"));
    server = await startSmtpTestServer({
      refuseRecipient: (address) => {
        if (address.startsWith("rechazado@")) return { responseCode: 550, message: "No such user here" };
        if (address.startsWith("lleno@")) return { responseCode: 452, message: "Mailbox full, try later" };
        return undefined;
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const transportTo = (smtpUrl: string) =>
    createMailTransport({ smtpUrl, dataDir, from: FROM, logger: createRecordingLogger() });

  it("sends to exactly the stored address, with the Message-ID and Date it is given", async () => {
    const transport = transportTo(server.url);
    const date = new Date("2026-12-01T10:00:00.000Z");
    const messageId = "<7d9b6e0a-0000-4000-8000-000000000001@premiumone.example>";
    await transport.send({ to: "maria.lopez+portal@example.com", ...welcome, messageId, date });
    await transport.send({ to: "maria.lopez+portal@example.com", ...welcome, messageId, date });
    transport.close();
    const [first, second] = server.mailbox.messages().slice(-2);
    expect([first?.envelope?.to, second?.envelope?.to]).toEqual([
      ["maria.lopez+portal@example.com"],
      ["maria.lopez+portal@example.com"],
    ]);
    expect(first?.messageId).toBe(messageId);
    expect(second?.messageId).toBe(messageId);
    expect(first?.date?.toISOString()).toBe(date.toISOString());
    expect(second?.text).toBe(first?.text);
  });

  it.each([
    ["two addresses", "maria@example.com, otro@example.com"],
    ["a display name", "Jefe <jefe@example.com>"],
    ["a group", "equipo: maria@example.com;"],
  ])("refuses for good an address read as another recipient (%s), sending nothing", async (_case, to) => {
    const transport = transportTo(server.url);
    const before = server.mailbox.messages().length;
    await expect(transport.send({ to, ...welcome })).rejects.toBeInstanceOf(PermanentDeliveryError);
    transport.close();
    expect(server.mailbox.messages()).toHaveLength(before);
  });

  it("delivers the message, text and HTML, from the configured sender", async () => {
    const transport = transportTo(server.url);
    await transport.send({ to: "maria@example.com", ...welcome });
    transport.close();
    const message = server.mailbox.messages().at(-1);
    expect(message?.to).toEqual([{ name: "", address: "maria@example.com" }]);
    expect(message?.from).toEqual({ name: "PremiumOne", address: "no-reply@premiumone.example" });
    expect(message?.subject).toBe("Tus datos de acceso al portal PremiumOne");
    expect(message === undefined ? undefined : credentialsIn(message)).toEqual({
      username: "maria.lopez",
      password: PASSWORD,
    });
    expect(message?.html).toContain("<strong>Contraseña temporal:</strong>");
  });

  it("fails for good on a 5xx rejection", async () => {
    const transport = transportTo(server.url);
    const attempt = transport.send({ to: "rechazado@example.com", ...welcome });
    await expect(attempt).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(attempt).rejects.toThrow(/550/);
    transport.close();
  });

  it("fails for now on a 4xx reply", async () => {
    const transport = transportTo(server.url);
    const attempt = transport.send({ to: "lleno@example.com", ...welcome });
    await expect(attempt).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(attempt).rejects.toThrow(/452/);
    transport.close();
  });

  it("fails for now when no server answers, without quoting the message", async () => {
    const transport = transportTo(`smtp://127.0.0.1:${await closedSmtpPort()}`);
    const attempt = transport.send({ to: "maria@example.com", ...welcome });
    await expect(attempt).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(attempt).rejects.toThrow(/ECONNREFUSED/);
    await attempt.catch((error: unknown) => {
      expect(String(error instanceof Error ? error.message : error)).not.toContain(PASSWORD);
    });
    transport.close();
  });
});

describe("classifyMailError", () => {
  const mailError = (properties: Record<string, unknown>) => Object.assign(new Error("failed"), properties);

  it.each([
    [{ code: "EENVELOPE", responseCode: 550, response: "550 No such user" }, PermanentDeliveryError],
    [{ code: "EMESSAGE", responseCode: 554, response: "554 Rejected" }, PermanentDeliveryError],
    [{ code: "EENVELOPE" }, PermanentDeliveryError],
    [{ code: "EENVELOPE", responseCode: 451, response: "451 Try later" }, TransientDeliveryError],
    [{ code: "EPROTOCOL", responseCode: 503, response: "503 Bad sequence" }, TransientDeliveryError],
    [{ code: "ECONNECTION" }, TransientDeliveryError],
    [{ code: "ESOCKET", originalCode: "ECONNREFUSED" }, TransientDeliveryError],
    [{ code: "ETIMEDOUT" }, TransientDeliveryError],
    [{ code: "EAUTH", responseCode: 535, response: "535 Authentication failed" }, TransientDeliveryError],
    [
      { code: "ECONNECTION", responseCode: 554, response: "554 No SMTP service here" },
      TransientDeliveryError,
    ],
    [{ code: "EWHATEVER" }, TransientDeliveryError],
    [{}, TransientDeliveryError],
  ])("classifies %o", (properties, expected) => {
    expect(classifyMailError(mailError(properties))).toBeInstanceOf(expected);
  });
});

describe("mail transport without SMTP_URL", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "premiumone-mail-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("writes each message as an .eml file under DATA_DIR/mail and logs its path, never its content", async () => {
    const logger = createRecordingLogger();
    const transport = createMailTransport({ dataDir, from: FROM, logger });
    await transport.send({ to: "maria@example.com", ...welcome });
    await transport.send({ to: "maria@example.com", ...welcome });
    transport.close();

    const folder = path.join(dataDir, "mail");
    const files = (await readdir(folder)).filter((name) => name.endsWith(".eml"));
    expect(files).toHaveLength(2);
    const first = path.join(folder, files.sort()[0] ?? "");
    const logged = logger.records.flatMap((record) =>
      "file" in record.object && typeof record.object.file === "string" ? [record.object.file] : [],
    );
    expect(logged).toContain(first);
    expect(JSON.stringify(logger.records)).not.toContain(PASSWORD);
    expect((await stat(first)).mode & 0o077).toBe(0);

    const parsed = await parseMail(await readFile(first));
    expect(parsed.to).toEqual([{ name: "", address: "maria@example.com" }]);
    expect(parsed.subject).toBe("Tus datos de acceso al portal PremiumOne");
    expect(parsed.text.split("\n")).toEqual(
      expect.arrayContaining(["Usuario: maria.lopez", `Contraseña temporal: ${PASSWORD}`]),
    );
  });
});
