// The hardening suite's own tools, checked before any section leans on them (test/hardening/
// README.md): the bot as a child process (started, SIGKILLed, restarted on its port, stopped), the
// TCP proxy that plays "PostgreSQL restarted", and the SMTP server that answers what it is told.
// No rows in the results table: these prove the instruments, not the bot.

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PEOPLE } from "../support/slack-harness.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { startBotProcess } from "./support/bot-process.ts";
import { startControllableSmtpServer } from "./support/controllable-smtp-server.ts";
import { changedTables, createFingerprinter } from "./support/database-fingerprint.ts";
import { botProcessEnvironment, startOutsideSlack } from "./support/outside-slack.ts";
import {
  createPostgresDatabase,
  needingPostgres,
  POSTGRES_SERVER_URL,
  WITHOUT_POSTGRES,
} from "./support/postgres-databases.ts";
import { startTcpProxy } from "./support/tcp-proxy.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function mailer(port: number) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    logger: false,
  });
}

const message = (subject: string) => ({
  from: "a@premiumone.example",
  to: "b@cliente.example",
  subject,
  text: "hola",
});

describe("the controllable SMTP server", () => {
  it("answers the replies it is told, calls its hook before the 250, goes down and comes back on its port", async () => {
    const smtp = await startControllableSmtpServer();
    cleanups.push(() => smtp.close());
    const client = mailer(smtp.port);

    smtp.answerNext("rcpt", { code: 451, message: "try again later" });
    await expect(client.sendMail(message("first"))).rejects.toMatchObject({ responseCode: 451 });
    smtp.answerNext("data", { code: 550, message: "no such mailbox" });
    await expect(client.sendMail(message("second"))).rejects.toMatchObject({ responseCode: 550 });
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual(["second"]);
    expect(smtp.messages).toEqual([]);

    const order: string[] = [];
    smtp.onData((mail) => {
      order.push(`hook saw ${mail.parsed.subject ?? ""} for ${mail.envelope.to.join(",")}`);
    });
    await client.sendMail(message("third"));
    order.push("client got 250");
    expect(order).toEqual(["hook saw third for b@cliente.example", "client got 250"]);
    smtp.onData(undefined);

    const port = smtp.port;
    await smtp.goDown();
    await expect(client.sendMail(message("while down"))).rejects.toMatchObject({ code: "ESOCKET" });
    await smtp.comeBack();
    expect(smtp.port).toBe(port);
    await client.sendMail(message("after"));
    expect((await smtp.waitForMessages(2)).map((mail) => mail.parsed.subject)).toEqual(["third", "after"]);
    client.close();
  });
});

describe("the TCP proxy", () => {
  it("carries bytes, drops every connection, refuses new ones during an outage, then accepts again", async () => {
    const echo: Server = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => echo.close(() => resolve())));
    const address = echo.address();
    const proxy = await startTcpProxy({
      targetPort: typeof address === "object" && address !== null ? address.port : 0,
    });
    cleanups.push(() => proxy.close());

    const connectThrough = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = new Socket();
        socket.once("error", reject);
        socket.connect(proxy.port, "127.0.0.1", () => resolve(socket));
      });
    const echoed = (socket: Socket, text: string) =>
      new Promise<string>((resolve) => {
        socket.once("data", (data) => resolve(data.toString()));
        socket.write(text);
      });

    const first = await connectThrough();
    expect(await echoed(first, "hola")).toBe("hola");
    const closed = new Promise<void>((resolve) => first.once("close", () => resolve()));
    proxy.dropConnections();
    await closed;
    expect(proxy.openConnections()).toBe(0);

    await proxy.goDown();
    await expect(connectThrough()).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await proxy.comeBack();
    const second = await connectThrough();
    expect(await echoed(second, "otra vez")).toBe("otra vez");
    second.destroy();
  });

  it.skipIf(WITHOUT_POSTGRES)(
    needingPostgres(
      "in front of PostgreSQL: a query fails while it is down and a new connection works after",
    ),
    async () => {
      const database = await createPostgresDatabase();
      cleanups.push(() => database.drop());
      const proxy = await startTcpProxy();
      cleanups.push(() => proxy.close());
      const query = async () => {
        const client = new pg.Client({ connectionString: proxy.urlFor(database.url) });
        client.on("error", () => undefined);
        await client.connect();
        try {
          return (await client.query<{ answer: number }>("SELECT 1 AS answer")).rows[0]?.answer;
        } finally {
          await client.end().catch(() => undefined);
        }
      };
      expect(await query()).toBe(1);
      const outage = proxy.outage(500);
      await expect(query()).rejects.toThrow();
      await outage;
      expect(await query()).toBe(1);
    },
  );
});

describe("the database fingerprint", () => {
  it("sees an insert, an update and a delete, and not a write of the same values", async () => {
    const testDatabase = await createTestDatabase();
    cleanups.push(() => testDatabase.close());
    const prisma = testDatabase.database.prisma;
    const fingerprinter = await createFingerprinter(testDatabase.database);
    const before = await fingerprinter.take();
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    const inserted = await fingerprinter.take();
    expect(changedTables(before, inserted)).toEqual(["companies (0 → 1 rows)"]);
    await prisma.company.update({
      where: { id: company.id },
      data: { legalName: "ESCUELA KEMPER URGATE S.C." },
    });
    const updated = await fingerprinter.take();
    expect(changedTables(inserted, updated)).toEqual(["companies (1 → 1 rows)"]);
    await prisma.$executeRawUnsafe("UPDATE companies SET legal_name = legal_name");
    expect(changedTables(updated, await fingerprinter.take())).toEqual([]);
    await prisma.company.delete({ where: { id: company.id } });
    expect(changedTables(updated, await fingerprinter.take())).toEqual(["companies (1 → 0 rows)"]);
  });
});

describe("the bot as a process", () => {
  it("starts, answers Slack from outside, survives SIGKILL with a restart on its port, and stops on SIGTERM", async () => {
    const outside = await startOutsideSlack();
    cleanups.push(() => outside.close());
    const dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-hardening-tooling-"));
    cleanups.push(() => rm(dataDirectory, { recursive: true, force: true }));
    const postgres = POSTGRES_SERVER_URL === undefined ? undefined : await createPostgresDatabase();
    if (postgres !== undefined) cleanups.push(() => postgres.drop());
    const bot = await startBotProcess({
      environment: botProcessEnvironment({
        slack: outside.slack,
        dataDirectory,
        ...(postgres === undefined ? {} : { databaseUrl: postgres.url }),
      }),
    });
    cleanups.push(() => bot.close());

    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    // /healthz answers as soon as the port listens; "listening" is logged once the first Slack check is done.
    await bot.waitForLog((line) => line.json?.msg === "listening");
    const person = outside.as(PEOPLE.admin.id, bot);
    const answer = await person.sendDirectMessage("hola");
    expect(answer.status).toBe(200);
    await outside.slack.waitForCall("chat.postMessage", {
      since: answer.sequence,
      timeoutMilliseconds: 10_000,
    });

    const killed = await bot.kill("SIGKILL");
    expect(killed).toMatchObject({ life: 0, signal: "SIGKILL", expected: true });
    expect(bot.isRunning()).toBe(false);
    const port = bot.port;
    const linesBefore = bot.logs.length;
    await bot.restart();
    expect(bot.port).toBe(port);
    expect(bot.lives).toBe(2);
    await bot.waitForLog((line) => line.life === 1 && line.json?.msg === "listening", { since: linesBefore });
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);

    expect(await bot.stop()).toMatchObject({ life: 1, code: 0, expected: true });
    expect(bot.exits.filter((exit) => !exit.expected)).toEqual([]);
  });
});
