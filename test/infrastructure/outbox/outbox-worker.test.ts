import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueOutboxMessage, OutboxKind } from "../../../src/application/outbox/outbox-messages.ts";
import type { Database } from "../../../src/application/ports/database.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { createMailTransport, type MailTransport } from "../../../src/infrastructure/email/mail-transport.ts";
import { TransientDeliveryError } from "../../../src/infrastructure/outbox/delivery-errors.ts";
import { createEmailHandlers } from "../../../src/infrastructure/outbox/email-handlers.ts";
import { delivered, type TOutboxHandlers } from "../../../src/infrastructure/outbox/outbox-handler.ts";
import {
  createOutboxWorker,
  type TFailedOutboxMessage,
} from "../../../src/infrastructure/outbox/outbox-worker.ts";
import { openDatabase } from "../../../src/infrastructure/prisma/open-database.ts";
import type { TMailboxMessage } from "../../../src/sandbox/mailbox/mailbox-message.ts";
import { readMigratedTemplate } from "../../support/embedded-template.ts";
import { adminContext, seedBasics, type TSeededPlaces } from "../../support/seed.ts";
import type { TRecordedLog } from "../../support/silent-logger.ts";
import {
  closedSmtpPort,
  credentialsIn,
  startSmtpTestServer,
  type TSmtpTestServer,
} from "../../support/smtp-test-server.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

// The worker's clock runs with real time (rows are queued at the database's now()) and tests move it
// forward past a backoff or a lease: nothing waits for real, whatever the values below.
const BACKOFF = { baseMs: 10_000, maxMs: 60_000 };
const LEASE_MS = 30_000;
const FROM = "PremiumOne <no-reply@premiumone.example>";
const SUPPORT_CONTACT = "soporte@premiumone.example, 55 1234 5678";

function createMovableClock() {
  let offsetMs = 0;
  return Object.assign(() => new Date(Date.now() + offsetMs), {
    advance(milliseconds: number) {
      offsetMs += milliseconds;
    },
  });
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve: () => resolve() };
}

type TDependencies = ReturnType<typeof createTestDependencies>;

describe(`outbox worker delivering emails (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: TDependencies;
  let places: TSeededPlaces;
  let smtp: TSmtpTestServer;
  let dataDir: string;
  const logs: TRecordedLog[] = [];
  const clock = createMovableClock();
  const failures: TFailedOutboxMessage[] = [];
  const receivedPasswords: string[] = [];
  const transports: MailTransport[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database, { logs });
    places = await seedBasics(testDatabase.database);
    dataDir = await mkdtemp(path.join(tmpdir(), "premiumone-outbox-"));
    smtp = await startSmtpTestServer({
      refuseRecipient: (address) =>
        address.startsWith("rechazado") ? { responseCode: 550, message: "No such user here" } : undefined,
    });
  });
  afterAll(async () => {
    await smtp.close();
    await testDatabase.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  // Each test starts from an empty queue: what an earlier one left is not its business.
  beforeEach(async () => {
    await testDatabase.database.prisma.outboxMessage.updateMany({
      where: { status: "PENDING" },
      data: { status: "CANCELLED" },
    });
  });
  afterEach(() => {
    for (const transport of transports.splice(0)) transport.close();
  });

  function makeWorker(
    options: {
      dependencies?: TDependencies;
      smtpUrl?: string;
      handlers?: TOutboxHandlers;
      workerId?: string;
      batchSize?: number;
      maxAttempts?: number;
      /** Wraps the real transport, e.g. to fail after the server took the message. */
      transport?: (real: MailTransport) => MailTransport;
    } = {},
  ) {
    const workerDependencies = options.dependencies ?? dependencies;
    const transport = createMailTransport({
      smtpUrl: options.smtpUrl ?? smtp.url,
      dataDir,
      from: FROM,
      logger: workerDependencies.logger,
    });
    transports.push(transport);
    return createOutboxWorker({
      database: workerDependencies.database,
      handlers:
        options.handlers ??
        createEmailHandlers({
          dependencies: workerDependencies,
          transport: options.transport?.(transport) ?? transport,
          messageIdDomain: "premiumone.example",
          supportContact: SUPPORT_CONTACT,
        }),
      logger: workerDependencies.logger.child({ component: "outbox" }),
      clock,
      workerId: options.workerId ?? `worker-${randomUUID()}`,
      batchSize: options.batchSize ?? 10,
      pollIntervalMs: 10,
      leaseMs: LEASE_MS,
      maxAttempts: options.maxAttempts ?? 5,
      backoff: BACKOFF,
      auditChannelId: "C0AUDIT01",
      onPermanentFailure: (message) => {
        failures.push(message);
      },
      random: () => 0.5,
    });
  }

  async function createUser(
    username: string,
    options: { dependencies?: TDependencies; places?: TSeededPlaces } = {},
  ) {
    return createPortalUser(options.dependencies ?? dependencies, {
      context: adminContext(),
      fields: {
        username,
        fullName: `Persona ${username}`,
        email: `${username}@example.com`,
        placeIds: [(options.places ?? places).kemperCentro],
      },
    });
  }

  function credentialsRow(userId: string, database: Database = testDatabase.database) {
    return database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: OutboxKind.CREDENTIALS_EMAIL, payload: { path: ["userId"], equals: userId } },
    });
  }

  function messagesTo(address: string): readonly TMailboxMessage[] {
    return smtp.mailbox.messagesTo(address);
  }

  /** Reads the credentials of the one email to this address and checks the password against the stored hash. */
  async function expectWorkingCredentials(
    message: TMailboxMessage | undefined,
    userId: string,
    database: Database,
  ) {
    if (message === undefined) throw new Error("no email arrived");
    const credentials = credentialsIn(message);
    receivedPasswords.push(credentials.password);
    const user = await database.prisma.portalUser.findUniqueOrThrow({ where: { id: userId } });
    expect(credentials.username).toBe(user.username);
    expect(credentials.password).toHaveLength(20);
    expect(await dependencies.passwordHasher.verify(credentials.password, user.passwordHash)).toBe(true);
    expect(user.passwordIsTemporary).toBe(true);
  }

  it("sends a new user the welcome email whose temporary password opens the account", async () => {
    const user = await createUser("maria.lopez");
    const worker = makeWorker({ workerId: "worker-welcome" });

    expect(await worker.runOnce()).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      failed: 0,
      cancelled: 0,
      unrecorded: 0,
    });

    const [message, ...others] = messagesTo("maria.lopez@example.com");
    expect(others).toEqual([]);
    expect(message?.subject).toBe("Tus datos de acceso al portal PremiumOne");
    expect(message?.text?.split("\n")).toEqual(
      expect.arrayContaining([
        "Usuario: maria.lopez",
        expect.stringMatching(/^Contraseña temporal: \S{20}$/),
      ]),
    );
    expect(message?.text).toContain("Portal: https://portal.example.test/");
    expect(message?.text?.trimEnd().endsWith(`Medios de contacto: ${SUPPORT_CONTACT}`)).toBe(true);
    await expectWorkingCredentials(message, user.id, testDatabase.database);
    expect(await credentialsRow(user.id)).toMatchObject({
      status: "SENT",
      attempts: 1,
      leasedBy: "worker-welcome",
      leasedUntil: null,
      lastError: null,
      sentAt: expect.any(Date),
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(messagesTo("maria.lopez@example.com")).toHaveLength(1);
  });

  it("resends the very same email when the server took it but the outcome was lost: one Message-ID, one password", async () => {
    const user = await createUser("ya.aceptado");
    let lostOutcomes = 1;
    const worker = makeWorker({
      // The server accepts the message, then the connection breaks before the worker hears so
      // (or the process dies right there): the attempt ends with no outcome.
      transport: (real) => ({
        async send(email) {
          await real.send(email);
          if (lostOutcomes > 0) {
            lostOutcomes -= 1;
            throw Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" });
          }
        },
        close: () => real.close(),
      }),
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const pending = await credentialsRow(user.id);
    expect(pending.sealedSecret).toMatch(/^v1\./);
    clock.advance(BACKOFF.maxMs);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });

    const [first, second, ...others] = messagesTo("ya.aceptado@example.com");
    expect(others).toEqual([]);
    expect(second?.messageId).toBe(first?.messageId);
    expect(first?.messageId).toBe(`<${pending.id}@premiumone.example>`);
    expect(second?.date?.toISOString()).toBe(first?.date?.toISOString());
    expect(second?.text).toBe(first?.text);
    expect(second?.html).toBe(first?.html);
    // Both copies carry the one password the account has.
    await expectWorkingCredentials(first, user.id, testDatabase.database);
    await expectWorkingCredentials(second, user.id, testDatabase.database);
    // Delivered: the sealed password is gone from the row.
    expect((await credentialsRow(user.id)).sealedSecret).toBeNull();
  });

  it("does not resend a sealed email whose account changed its password since", async () => {
    const user = await createUser("ya.cambio");
    const worker = makeWorker({
      transport: (real) => ({
        async send() {
          throw Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" });
        },
        close: () => real.close(),
      }),
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    await testDatabase.database.prisma.portalUser.update({
      where: { id: user.id },
      data: {
        passwordHash: await dependencies.passwordHasher.hash("una frase propia del usuario"),
        passwordIsTemporary: false,
      },
    });
    clock.advance(BACKOFF.maxMs);
    expect(await makeWorker().runOnce()).toMatchObject({ claimed: 1, cancelled: 1 });
    expect(messagesTo("ya.cambio@example.com")).toEqual([]);
    expect(await credentialsRow(user.id)).toMatchObject({ status: "CANCELLED", sealedSecret: null });
  });

  it("keeps the email queued while the mail server is down, then delivers it exactly once", async () => {
    const port = await closedSmtpPort();
    const user = await createUser("sin.servidor");
    const worker = makeWorker({ smtpUrl: `smtp://127.0.0.1:${port}` });

    const claimedAt = clock();
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const pending = await credentialsRow(user.id);
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1, leasedBy: null, leasedUntil: null });
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(claimedAt.getTime());
    expect(pending.lastError).toMatch(/ECONNREFUSED/);
    expect(await testDatabase.database.prisma.outboxMessage.count({ where: { status: "FAILED" } })).toBe(0);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    const server = await startSmtpTestServer({ port, mailbox: smtp.mailbox });
    try {
      clock.advance(BACKOFF.maxMs);
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(messagesTo("sin.servidor@example.com")).toHaveLength(1);
      expect(await credentialsRow(user.id)).toMatchObject({ status: "SENT", attempts: 2 });
      await expectWorkingCredentials(
        messagesTo("sin.servidor@example.com")[0],
        user.id,
        testDatabase.database,
      );

      clock.advance(BACKOFF.maxMs);
      expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
      expect(messagesTo("sin.servidor@example.com")).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("delivers a queued email once across a restart of the worker and of the database", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "premiumone-restart-"));
    const template = await readMigratedTemplate();
    const openFirst = async () =>
      testDatabaseKind === "embedded"
        ? openDatabase({
            kind: "embedded",
            directory,
            ...(template === undefined ? {} : { initialContents: template }),
          })
        : testDatabase.database;
    const openAgain = async () =>
      testDatabaseKind === "embedded"
        ? openDatabase({ kind: "embedded", directory })
        : testDatabase.openAnother();
    try {
      const firstDatabase = await openFirst();
      const firstDependencies = createTestDependencies(firstDatabase, { logs });
      const firstPlaces = testDatabaseKind === "embedded" ? await seedBasics(firstDatabase) : places;
      const user = await createUser("reinicio", { dependencies: firstDependencies, places: firstPlaces });

      const stopping = makeWorker({
        dependencies: firstDependencies,
        smtpUrl: `smtp://127.0.0.1:${await closedSmtpPort()}`,
      });
      stopping.start();
      await expect
        .poll(async () => (await credentialsRow(user.id, firstDatabase)).attempts, { timeout: 10_000 })
        .toBe(1);
      await stopping.stop();
      expect(await credentialsRow(user.id, firstDatabase)).toMatchObject({ status: "PENDING", attempts: 1 });
      if (testDatabaseKind === "embedded") await firstDatabase.close();

      const database = await openAgain();
      try {
        const restartedDependencies = createTestDependencies(database, { logs });
        const restarted = makeWorker({ dependencies: restartedDependencies });
        clock.advance(BACKOFF.maxMs);
        expect(await restarted.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
        clock.advance(BACKOFF.maxMs);
        expect(await restarted.runOnce()).toMatchObject({ claimed: 0 });
        expect(messagesTo("reinicio@example.com")).toHaveLength(1);
        expect(await credentialsRow(user.id, database)).toMatchObject({ status: "SENT", attempts: 2 });
        await expectWorkingCredentials(messagesTo("reinicio@example.com")[0], user.id, database);
      } finally {
        // The PostgreSQL pool from openAnother() is closed with the test database.
        if (testDatabaseKind === "embedded") await database.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("fails a rejected address at once, audits it and reports it", async () => {
    const user = await createUser("rechazado");
    const worker = makeWorker();

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 0, failed: 1 });

    const row = await credentialsRow(user.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/550/);
    expect(messagesTo("rechazado@example.com")).toEqual([]);
    const audit = await testDatabase.database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "delivery.failed", targetId: row.id },
    });
    expect(audit).toMatchObject({
      actorType: "system",
      actorId: "system:outbox",
      actorRole: "SYSTEM",
      targetType: "outbox_message",
      result: "failed",
      changes: { kind: "email.credentials", reason: expect.stringMatching(/550/), attempts: 1 },
    });
    expect(
      await testDatabase.database.prisma.outboxMessage.count({
        where: { kind: OutboxKind.AUDIT_CHANNEL_POST, auditEventId: audit.id },
      }),
    ).toBe(1);
    expect(failures.map((failure) => ({ id: failure.id, kind: failure.kind }))).toContainEqual({
      id: row.id,
      kind: "email.credentials",
    });
    expect(
      logs.some(
        (record) =>
          record.level === "error" &&
          "outboxMessageId" in record.object &&
          record.object.outboxMessageId === row.id,
      ),
    ).toBe(true);
  });

  it("cancels a credentials email whose account was deleted before it went out", async () => {
    const user = await createUser("borrado");
    await testDatabase.database.prisma.portalUser.delete({ where: { id: user.id } });

    expect(await makeWorker().runOnce()).toMatchObject({ claimed: 1, cancelled: 1, sent: 0 });
    expect(await credentialsRow(user.id)).toMatchObject({
      status: "CANCELLED",
      lastError: "the account no longer exists",
    });
    expect(messagesTo("borrado@example.com")).toEqual([]);
  });

  it("sends a notice email from its payload", async () => {
    await testDatabase.database.prisma.$transaction((transaction) =>
      enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
        template: "email_changed",
        to: "anterior@example.com",
        locale: "en",
        username: "cambio.correo",
        fullName: "Cambio Correo",
        occurredAt: "2026-07-04T02:05:00.000Z",
        detail: "n***@example.com",
      }),
    );

    expect(await makeWorker().runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const [notice] = messagesTo("anterior@example.com");
    expect(notice?.subject).toBe("The email address of your PremiumOne account was changed");
    expect(notice?.text).toContain(
      "was changed to n***@example.com on Friday, July 3, 2026 at 8:05 PM (Mexico City time).",
    );
  });

  it("stops within its drain time when a delivery hangs, giving the message back to the queue", async () => {
    const user = await createUser("se.detiene");
    let hung: () => void = () => undefined;
    const worker = makeWorker({
      // The mail server takes the message and never answers: the stop must not wait for it.
      transport: (real) => ({
        ...real,
        send: () =>
          new Promise((_resolve, reject) => {
            hung = () => reject(new Error("closed"));
          }),
      }),
    });
    worker.start();
    await expect
      .poll(async () => (await credentialsRow(user.id)).leasedBy, { timeout: 5_000 })
      .not.toBeNull();
    const startedAt = Date.now();
    await worker.stop({ drainMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(worker.isRunning()).toBe(false);
    const row = await credentialsRow(user.id);
    expect(row).toMatchObject({ status: "PENDING", leasedBy: null, leasedUntil: null });
    hung();
  });

  it("fails a payload that does not fit its kind at once, naming the field", async () => {
    const row = await testDatabase.database.prisma.outboxMessage.create({
      data: { kind: OutboxKind.NOTICE_EMAIL, payload: { template: "nonsense", to: "x@example.com" } },
    });
    expect(await makeWorker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await testDatabase.database.prisma.outboxMessage.findUniqueOrThrow({
      where: { id: row.id },
    });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/^invalid email.notice payload: .*template/);
  });

  it("delivers each of 30 queued emails exactly once with two workers running together", async () => {
    const users = [];
    for (let index = 0; index < 30; index += 1) users.push(await createUser(`lote${index}`));
    const otherDatabase =
      testDatabaseKind === "postgresql" ? await testDatabase.openAnother() : testDatabase.database;
    const first = makeWorker({ batchSize: 4 });
    const second = makeWorker({
      dependencies: createTestDependencies(otherDatabase, { logs }),
      batchSize: 4,
    });
    const drain = async (worker: ReturnType<typeof makeWorker>) => {
      let sent = 0;
      for (;;) {
        const result = await worker.runOnce();
        expect(result).toMatchObject({ retried: 0, failed: 0, unrecorded: 0 });
        sent += result.sent;
        if (result.claimed === 0) return sent;
      }
    };

    const [sentByFirst, sentBySecond] = await Promise.all([drain(first), drain(second)]);

    expect(sentByFirst + sentBySecond).toBe(30);
    for (const user of users) {
      const received = messagesTo(user.email);
      expect(received, user.email).toHaveLength(1);
      await expectWorkingCredentials(received[0], user.id, testDatabase.database);
    }
    expect(
      await testDatabase.database.prisma.outboxMessage.count({
        where: {
          kind: OutboxKind.CREDENTIALS_EMAIL,
          status: "SENT",
          attempts: 1,
          payload: { path: ["locale"], equals: "es" },
        },
      }),
    ).toBeGreaterThanOrEqual(30);
  });

  describe("leases and attempts", () => {
    const directMessage = {
      slackUserId: "U0SOMEONE1",
      message: "welcome",
      userId: randomUUID(),
      locale: "es",
    };
    const queueDirectMessage = () =>
      testDatabase.database.prisma.outboxMessage.create({
        data: { kind: OutboxKind.SLACK_DIRECT_MESSAGE, payload: directMessage },
      });
    const readRow = (id: string) =>
      testDatabase.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

    it("lets another worker take a message whose lease ran out; the late worker does not overwrite the outcome", async () => {
      const row = await queueDirectMessage();
      const started = deferred();
      const release = deferred();
      const slow = makeWorker({
        workerId: "worker-slow",
        handlers: {
          [OutboxKind.SLACK_DIRECT_MESSAGE]: async () => {
            started.resolve();
            await release.promise;
            return delivered;
          },
        },
      });
      const quick = makeWorker({
        workerId: "worker-quick",
        handlers: { [OutboxKind.SLACK_DIRECT_MESSAGE]: async () => delivered },
      });

      const slowRun = slow.runOnce();
      await started.promise;
      expect(await quick.runOnce()).toMatchObject({ claimed: 0 });
      clock.advance(LEASE_MS + 1_000);
      expect(await quick.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      release.resolve();
      expect(await slowRun).toMatchObject({ claimed: 1, sent: 0, unrecorded: 1 });

      expect(await readRow(row.id)).toMatchObject({ status: "SENT", attempts: 2, leasedBy: "worker-quick" });
    });

    it("retries an unknown error with growing delays, then fails it after the last attempt", async () => {
      const row = await queueDirectMessage();
      const worker = makeWorker({
        maxAttempts: 3,
        handlers: {
          [OutboxKind.SLACK_DIRECT_MESSAGE]: async () => {
            throw new Error("socket hang up\nwith details on the following lines");
          },
        },
      });
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const before = clock().getTime();
        expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
        const pending = await readRow(row.id);
        expect(pending).toMatchObject({
          status: "PENDING",
          attempts: attempt,
          lastError: "Error: socket hang up",
        });
        delays.push(pending.nextAttemptAt.getTime() - before);
        clock.advance(BACKOFF.maxMs);
      }
      // random() is 0.5: half of 10 s, then half of 20 s.
      expect(delays[0]).toBeGreaterThanOrEqual(5_000);
      expect(delays[0]).toBeLessThan(6_000);
      expect(delays[1]).toBeGreaterThanOrEqual(10_000);
      expect(delays[1]).toBeLessThan(11_000);

      expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      const failed = await readRow(row.id);
      expect(failed).toMatchObject({
        status: "FAILED",
        attempts: 3,
        lastError: "gave up after 3 attempts: Error: socket hang up",
      });
      expect(
        await testDatabase.database.prisma.auditEvent.count({
          where: { action: "delivery.failed", targetId: row.id },
        }),
      ).toBe(1);
      expect(failures.some((failure) => failure.id === row.id)).toBe(true);
    });

    it("waits at least as long as the other side asked before trying again", async () => {
      const row = await queueDirectMessage();
      const worker = makeWorker({
        handlers: {
          [OutboxKind.SLACK_DIRECT_MESSAGE]: async () => {
            throw new TransientDeliveryError("rate limited", { retryAfterMs: 120_000 });
          },
        },
      });
      const before = clock().getTime();
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      const pending = await readRow(row.id);
      expect(pending.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(120_000);
      expect(pending.nextAttemptAt.getTime() - before).toBeLessThan(121_000);
      expect(pending.lastError).toBe("rate limited");
    });

    it("fails without delivering a message whose earlier claims all ended with no outcome", async () => {
      const row = await queueDirectMessage();
      await testDatabase.database.prisma.outboxMessage.update({
        where: { id: row.id },
        data: { attempts: 3, leasedBy: "worker-crashed", leasedUntil: new Date(clock().getTime() - 1_000) },
      });
      let calls = 0;
      const worker = makeWorker({
        maxAttempts: 3,
        handlers: {
          [OutboxKind.SLACK_DIRECT_MESSAGE]: async () => {
            calls += 1;
            return delivered;
          },
        },
      });
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      expect(calls).toBe(0);
      expect(await readRow(row.id)).toMatchObject({
        status: "FAILED",
        attempts: 4,
        lastError: "no outcome after 3 attempts",
      });
    });

    it("claims only the kinds it has handlers for", async () => {
      const row = await queueDirectMessage();
      expect(await makeWorker().runOnce()).toMatchObject({ claimed: 0 });
      expect(await readRow(row.id)).toMatchObject({ status: "PENDING", attempts: 0 });
    });
  });

  it("leaves no plaintext password in the outbox, the audit trail or the logs", async () => {
    expect(receivedPasswords.length).toBeGreaterThanOrEqual(33);
    const rows = async (table: "outbox_messages" | "audit_events") =>
      (
        await testDatabase.database.prisma.$queryRawUnsafe<{ json: string }[]>(
          `SELECT row_to_json(t)::text AS json FROM ${table} t`,
        )
      ).map((row) => row.json);
    const haystacks = [
      ...(await rows("outbox_messages")),
      ...(await rows("audit_events")),
      ...logs.map((record) => JSON.stringify(record)),
    ];
    expect(haystacks.length).toBeGreaterThan(60);
    const leaked = receivedPasswords.filter((password) =>
      haystacks.some((haystack) => haystack.includes(password)),
    );
    expect(leaked).toEqual([]);
  });
});
