// The Slack plumbing under /usuarios, end to end: signed requests only (a forged signature or a
// stale timestamp gets 401 and changes nothing), an event redelivered by Slack handled once, and
// the audit channel — one post per audit event, naming who did what to which account, never a
// secret, and a rate-limited post retried after Slack's Retry-After and delivered exactly once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OutboxKind } from "../../../../src/application/outbox/outbox-messages.ts";
import { deliverToApp } from "../../../../src/sandbox/deliver-to-app.ts";
import {
  buildDirectMessageEvent,
  buildEventCallback,
  encodeEvent,
} from "../../../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import {
  AUDIT_CHANNEL,
  createTestClock,
  PEOPLE,
  SIGNING_SECRET,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, PATIENCE, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;

describe(`Slack plumbing end to end (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  // The app's clock, kept at or after the real time so that rows the database stamps with now() are
  // due, and moved ahead to reach a retry's time without waiting for it.
  const clock = createTestClock(new Date());
  let placeId = "";

  beforeAll(async () => {
    harness = await startSlackHarness({ clock, mail: "sandbox mailbox" });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "06000", name: "Centro" },
      })
    ).id;
    await steps.createUser({ username: "ana.ruiz", fullName: "Ana Ruiz", placeIds: [placeId] });
  });
  afterAll(() => harness.stop());

  const prisma = () => harness.testDatabase.database.prisma;
  const catchUpWithRealTime = () => clock.set(new Date(Math.max(clock().getTime(), Date.now())));
  async function drainOutbox() {
    catchUpWithRealTime();
    await harness.drainOutbox();
  }
  const auditChannel = () => harness.slack.messagesIn(AUDIT_CHANNEL.id);
  /** The audit channel's post of one audit event: its context line starts with `#<id> ·`. */
  const postsOf = (auditEventId: bigint) =>
    auditChannel().filter((message) => textOf(message).includes(`#${auditEventId.toString()} ·`));

  describe("signatures", () => {
    it.each([
      ["a forged signature", "forged"],
      ["a stale timestamp", "stale"],
    ] as const)("answers a command with %s 401 and shows nothing", async (_case, signature) => {
      const admin = harness.as(ADMIN);
      const shownBefore = admin.ephemeralMessages().length;
      const auditBefore = await prisma().auditEvent.count();
      const answer = await admin.runSlashCommand("/usuarios", "eliminar ana.ruiz", { signature });
      expect(answer.status).toBe(401);
      expect(answer.acknowledged).toBe(false);
      expect(admin.ephemeralMessages()).toHaveLength(shownBefore);
      expect(await prisma().auditEvent.count()).toBe(auditBefore);
    });

    it.each([
      ["a forged signature", "forged"],
      ["a stale timestamp", "stale"],
    ] as const)("answers a Sí click with %s 401 and deletes nothing", async (_case, signature) => {
      const { shown: question } = await steps.command(ADMIN, "eliminar ana.ruiz");
      if (question === undefined) throw new Error("no question");
      const auditBefore = await prisma().auditEvent.count();
      const answer = await harness
        .as(ADMIN)
        .clickButton({ actionId: "users.delete.yes", in: question }, { signature });
      expect(answer.status).toBe(401);
      expect(answer.acknowledged).toBe(false);
      expect(await prisma().portalUser.count({ where: { username: "ana.ruiz" } })).toBe(1);
      expect(await prisma().auditEvent.count()).toBe(auditBefore);
      expect(harness.slack.timeline(answer.sequence).some((entry) => entry.kind === "response_url")).toBe(
        false,
      );
      expect(harness.slack.workspace.message(question.channel, question.ts)?.blocks).toEqual(question.blocks);
    });

    it.each([
      ["six minutes", 6 * 60],
      ["an hour", 60 * 60],
      ["a year", 365 * 24 * 60 * 60],
    ])("answers a correctly signed command dated %s ahead 401 and shows nothing", async (_case, ahead) => {
      const admin = harness.as(ADMIN);
      const shownBefore = admin.ephemeralMessages().length;
      const auditBefore = await prisma().auditEvent.count();
      const timestamp = Math.floor(Date.now() / 1000) + ahead;
      const answer = await admin.runSlashCommand("/usuarios", "eliminar ana.ruiz", { timestamp });
      expect(answer.status).toBe(401);
      expect(answer.acknowledged).toBe(false);
      expect(admin.ephemeralMessages()).toHaveLength(shownBefore);
      expect(await prisma().auditEvent.count()).toBe(auditBefore);
    });

    it("still takes a request signed a little ahead of its clock (under five minutes)", async () => {
      const timestamp = Math.floor(Date.now() / 1000) + 4 * 60;
      const answer = await harness.as(ADMIN).runSlashCommand("/usuarios", "ayuda", { timestamp });
      expect(answer.status).toBe(200);
    });

    it("answers Slack's URL verification with its challenge", async () => {
      const answer = expectAcknowledged(await harness.as(ADMIN).sendUrlVerification("reto-0123456789"));
      expect(JSON.stringify(answer.body)).toContain("reto-0123456789");
    });
  });

  describe("the request log", () => {
    it("leaves one info line per Slack request: what, who, outcome, duration and request id, never the text typed", async () => {
      const since = harness.logs.length;
      await steps.command(ADMIN, "buscar texto-que-no-va-al-log");
      const modal = await steps.openForm(ADMIN, "nuevo");
      await harness.as(ADMIN).closeView(modal.id);
      // A request's line is written when its listener is done, after the ack and the views.open.
      const lines = await vi.waitFor(
        () => {
          const written = harness.logs
            .slice(since)
            .filter((log) => log.message === "slack request")
            .map((log) => log.object as Record<string, unknown>);
          if (written.length < 2) throw new Error(`${written.length} request line(s) so far`);
          return written;
        },
        { timeout: PATIENCE.timeoutMilliseconds, interval: 20 },
      );
      expect(lines.map((line) => [line.request, line.slackUserId, line.outcome])).toEqual([
        [{ kind: "slash_command", name: "/usuarios" }, ADMIN, "handled"],
        [{ kind: "slash_command", name: "/usuarios" }, ADMIN, "handled"],
      ]);
      for (const line of lines) {
        expect(line.component).toBe("slack");
        expect(typeof line.durationMs).toBe("number");
        expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(new Set(lines.map((line) => line.requestId)).size).toBe(2);
      expect(JSON.stringify(harness.logs.slice(since))).not.toContain("texto-que-no-va-al-log");
    });
  });

  describe("Slack's redeliveries", () => {
    it("answers a DM event once, however often Slack delivers it", async () => {
      const accountant = harness.as(PEOPLE.accountant.id);
      const { workspace } = harness.slack;
      const channel = accountant.directMessageChannelId;
      const repliesTo = () =>
        harness.slack
          .calls("chat.postMessage")
          .filter((call) => call.arguments.channel === channel && call.ok);
      const message = workspace.postMessage({
        channel,
        author: PEOPLE.accountant.id,
        fromApp: false,
        text: "hola",
        blocks: [],
        origin: "person",
      });
      const request = encodeEvent(
        buildEventCallback({
          app: workspace.app,
          eventId: "Ev0REDELIVERED1",
          eventTime: Math.floor(Date.now() / 1000),
          event: buildDirectMessageEvent({
            user: accountant.user,
            channelId: channel,
            text: "hola",
            ts: message.ts,
            clientMessageId: "5f0c6a36-4c0b-4d55-9a39-6a0c2f3c0b11",
          }),
        }),
      );
      const deliver = (retry?: { number: number; reason: string }) =>
        deliverToApp({
          appUrl: harness.appUrl,
          signingSecret: SIGNING_SECRET,
          request,
          ...(retry === undefined ? {} : { delivery: { retry } }),
        });

      const first = await deliver();
      expect(first.status).toBe(200);
      await workspace.waitFor(() => (repliesTo().length > 0 ? true : undefined), PATIENCE);
      const [reply] = accountant.directMessages().filter((shown) => shown.fromApp);
      expect(textOf(reply)).toContain("no está vinculado a ninguna cuenta del portal PremiumOne");

      for (const redelivery of [
        deliver({ number: 1, reason: "http_timeout" }),
        deliver({ number: 2, reason: "http_error" }),
        deliver(),
      ]) {
        const answer = await redelivery;
        expect(answer.status).toBe(200);
        expect(answer.elapsedMilliseconds).toBeLessThan(3_000);
      }
      // A new message after the redeliveries is answered: had a redelivery been handled, its reply would be there by then.
      expectAcknowledged(await accountant.sendDirectMessage("¿sigues ahí?"));
      await workspace.waitFor(() => (repliesTo().length >= 2 ? true : undefined), PATIENCE);
      expect(repliesTo()).toHaveLength(2);
    });
  });

  describe("the audit channel", () => {
    it("gets one post per audit event naming the actor, the action, the account and the changes, and no secret", async () => {
      const modal = await steps.openForm(ADMIN, "nuevo");
      const created = await steps.submit(ADMIN, modal.id, {
        username: { value: "bruno.vega" },
        full_name: { value: "Bruno Vega" },
        email: { value: "bruno.vega@cliente.example" },
        places: { "users.places": [placeId] },
      });
      await steps.responseAfter(ADMIN, created);
      await drainOutbox();
      const edit = await steps.openForm(ADMIN, "editar bruno.vega");
      const edited = await steps.submit(ADMIN, edit.id, { full_name: { value: "Bruno Vega Soto" } });
      await steps.responseAfter(ADMIN, edited);
      const { shown: question } = await steps.command(ADMIN, "restablecer bruno.vega");
      if (question === undefined) throw new Error("no question");
      await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
      await drainOutbox();

      const events = await steps.auditRows();
      expect(events.map((event) => event.action)).toEqual(
        expect.arrayContaining(["user.created", "user.updated", "user.password_reset"]),
      );
      expect(auditChannel()).toHaveLength(events.length);
      for (const event of events) expect(postsOf(event.id)).toHaveLength(1);

      const postOf = (action: string): TSlackMessage | undefined => {
        const event = events.findLast((candidate) => candidate.action === action);
        return event === undefined ? undefined : postsOf(event.id)[0];
      };
      expect(postOf("user.created")?.text).toContain(
        `<@${ADMIN}> creó al usuario *bruno.vega* · \`user.created\``,
      );
      const updated = postOf("user.updated")?.text ?? "";
      expect(updated).toContain(`<@${ADMIN}> modificó al usuario *bruno.vega* · \`user.updated\``);
      expect(updated).toContain("nombre: Bruno Vega → Bruno Vega Soto");
      expect(postOf("user.password_reset")?.text).toContain(
        `<@${ADMIN}> restableció la contraseña de *bruno.vega* · \`user.password_reset\``,
      );

      const passwords = harness.mailbox
        .messagesTo("bruno.vega@cliente.example")
        .map((message) => credentialsIn(message).password);
      expect(passwords).toHaveLength(2);
      const everythingSlackSaw = JSON.stringify(harness.slack.timeline());
      for (const password of passwords) {
        expect(auditChannel().some((message) => JSON.stringify(message).includes(password))).toBe(false);
        expect(everythingSlackSaw).not.toContain(password);
      }
    });

    it("retries a rate-limited post after Slack's Retry-After and delivers it exactly once", async () => {
      await drainOutbox();
      const { shown: list } = await steps.command(ADMIN, "buscar ana.ruiz");
      if (list === undefined) throw new Error("no list");
      harness.slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
      await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.disable", in: list });
      const [disabled] = await steps.auditRows("user.disabled");
      if (disabled === undefined) throw new Error("no audit row");

      await drainOutbox();
      const refused = harness.slack.calls("chat.postMessage").at(-1);
      expect(refused?.status).toBe(429);
      expect(postsOf(disabled.id)).toHaveLength(0);
      const pending = await prisma().outboxMessage.findFirst({
        where: { kind: OutboxKind.AUDIT_CHANNEL_POST, auditEventId: disabled.id },
      });
      expect(pending?.status).toBe("PENDING");
      expect(pending?.lastError).toContain("rate limited");
      expect(pending?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock().getTime() + 1_000);

      await drainOutbox();
      expect(postsOf(disabled.id)).toHaveLength(0);

      clock.advance(5_000);
      await drainOutbox();
      await drainOutbox();
      expect(postsOf(disabled.id)).toHaveLength(1);
      expect(postsOf(disabled.id)[0]?.text).toContain(
        `<@${ADMIN}> deshabilitó al usuario *ana.ruiz* · \`user.disabled\``,
      );
      const sent = await prisma().outboxMessage.findFirst({ where: { id: pending?.id ?? "" } });
      expect(sent?.status).toBe("SENT");
      expect(sent?.attempts).toBe(2);
    });
  });
});
