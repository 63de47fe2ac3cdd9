// Offboarding from Slack end to end: Slack deactivates a linked person (user_change, deleted: true)
// and the portal account is disabled at once — audited with actor Slack, posted to the audit channel,
// every admin told by DM, the portal login refused, the list marking it; a reactivation does not
// re-enable it; a redelivered event acts once. With the event dropped, the daily reconciliation
// (users.info against the fake Web API) disables it the same way, honours a 429's Retry-After,
// skips a person Slack fails on, resumes from its cursor after a stop, and runs once when two
// replicas try at the same time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_RECONCILIATION_TASK } from "../../../../src/application/users/reconcile-slack-people.ts";
import { castPerson } from "../../../../src/sandbox/cast.ts";
import { deliverToApp } from "../../../../src/sandbox/deliver-to-app.ts";
import {
  buildEventCallback,
  buildUserChangeEvent,
  encodeEvent,
} from "../../../../src/sandbox/slack-payloads.ts";
import { createSlackDeliveryClient } from "../../../../src/slack/delivery/slack-delivery-client.ts";
import { createSlackReconciliation } from "../../../../src/slack/offboarding/slack-reconciliation-task.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import {
  AUDIT_CHANNEL,
  BOT_TOKEN,
  PEOPLE,
  SIGNING_SECRET,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const LEAVER = castPerson("U0LEAVER01", "laura", "Laura Baja");
const REDELIVERED = castPerson("U0LEAVER02", "rodrigo", "Rodrigo Reenvío");
const MISSED = castPerson("U0MISSED01", "mario", "Mario Perdido");
const STAYING = [
  castPerson("U0STAY0001", "sara", "Sara Sigue"),
  castPerson("U0STAY0002", "tomas", "Tomás Sigue"),
];

async function eventually<T>(find: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`offboarding from Slack (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";
  const prisma = () => harness.testDatabase.database.prisma;
  const accountOf = (username: string) => prisma().portalUser.findUniqueOrThrow({ where: { username } });
  const handledEvents = () => prisma().processedSlackEvent.count({ where: { completedAt: { not: null } } });
  const disabledRowsOf = (username: string) =>
    prisma().auditEvent.findMany({ where: { action: "user.disabled", targetLabel: username } });
  const adminNotices = () => harness.slack.messagesIn(ADMIN).filter((message) => message.fromApp);
  const usersInfoCalls = (since: number) =>
    harness.slack
      .calls("users.info")
      .filter((call) => call.sequence > since)
      .map((call) => String(call.arguments.user));
  const lastSequence = () => harness.slack.workspace.lastSequence();

  function reconciler(
    workerId: string,
    settings: Parameters<typeof createSlackReconciliation>[0]["settings"] = {},
  ) {
    return createSlackReconciliation({
      dependencies: harness.bot.dependencies,
      client: createSlackDeliveryClient({
        token: BOT_TOKEN,
        slackApiUrl: harness.environment.SLACK_API_URL,
        logger: harness.bot.dependencies.logger,
      }),
      workerId,
      settings: { pauseBetweenCallsMs: 2, ...settings },
    });
  }
  /** The next reconciliation is due now (yesterday's run long past). */
  const forgetLastRun = () =>
    prisma().scheduledTaskState.deleteMany({ where: { name: SLACK_RECONCILIATION_TASK } });

  beforeAll(async () => {
    harness = await startSlackHarness({
      mail: "sandbox mailbox",
      morePeople: [LEAVER, REDELIVERED, MISSED, ...STAYING],
    });
    const company = await prisma().company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    placeId = (
      await prisma().issuingPlace.create({
        data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
      })
    ).id;
    for (const [username, person] of [
      ["laura.baja", LEAVER],
      ["rodrigo.reenvio", REDELIVERED],
      ["mario.perdido", MISSED],
      ["sara.sigue", STAYING[0]],
      ["tomas.sigue", STAYING[1]],
    ] as const)
      await steps.createUser({ username, slackUserId: person?.id ?? "", placeIds: [placeId] });
    await harness.drainOutbox();
  });
  afterAll(() => harness.stop());

  it("disables the account at once when Slack deactivates its person: audited, posted, admins told, login refused, marked", async () => {
    const [welcome] = harness.mailbox.messagesTo("laura.baja@cliente.example");
    const { password } = credentialsIn(welcome ?? {});
    const login = () =>
      fetch(`${harness.baseUrl}/api/portal/v1/login`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${harness.environment.PORTAL_API_KEY}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ username: "laura.baja", password }),
      });
    expect((await login()).status).toBe(200);

    expectAcknowledged(await harness.as(LEAVER.id).setDeactivated(true));
    const disabled = await eventually(async () => {
      const account = await accountOf("laura.baja");
      return account.disabledAt === null ? undefined : account;
    });
    expect(disabled.slackPersonGoneAt).not.toBeNull();
    const [row] = await disabledRowsOf("laura.baja");
    expect(row).toMatchObject({
      actorType: "system",
      actorId: "system:slack",
      actorRole: "SYSTEM",
      result: "success",
    });
    expect(row?.changes).toEqual({
      before: { disabled: false, slackPersonGone: false },
      after: { disabled: true, slackPersonGone: true },
    });

    await harness.drainOutbox();
    const post = harness.slack
      .messagesIn(AUDIT_CHANNEL.id)
      .find((message) => message.text.includes("`user.disabled`") && message.text.includes("laura.baja"));
    expect(post?.text).toContain("Slack deshabilitó al usuario *laura.baja* · `user.disabled`");
    const notice = adminNotices().find((message) => message.text.includes("laura.baja"));
    expect(notice?.text).toContain("Slack desactivó a la persona vinculada a *laura.baja*");
    expect(notice?.text).toContain("Lo avisó Slack en cuanto ocurrió.");

    const refused = await login();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: "account_disabled" });

    const { shown } = await steps.command(ADMIN, "buscar laura.baja");
    expect(textOf(shown)).toContain("⛔ deshabilitado · 👤 persona de Slack desactivada");
  });

  it("leaves the account disabled when Slack reactivates the person, the mark gone; a second deactivation acts again", async () => {
    const handled = await handledEvents();
    expectAcknowledged(await harness.as(LEAVER.id).setDeactivated(false));
    await eventually(async () => ((await handledEvents()) > handled ? true : undefined));
    const account = await accountOf("laura.baja");
    expect(account.disabledAt).not.toBeNull();
    expect(account.slackPersonGoneAt).toBeNull();
    expect(await disabledRowsOf("laura.baja")).toHaveLength(1);
    expect(await prisma().auditEvent.count({ where: { action: "user.enabled" } })).toBe(0);
    const { shown } = await steps.command(ADMIN, "buscar laura.baja");
    expect(textOf(shown)).toContain("⛔ deshabilitado");
    expect(textOf(shown)).not.toContain("persona de Slack desactivada");

    expectAcknowledged(await harness.as(LEAVER.id).setDeactivated(true));
    await eventually(async () => ((await disabledRowsOf("laura.baja")).length === 2 ? true : undefined));
    const again = await accountOf("laura.baja");
    expect(again.disabledAt).toEqual(account.disabledAt);
    expect(again.slackPersonGoneAt).not.toBeNull();
  });

  it("acts once on a redelivered event, and on a later user_change of the same deactivated person", async () => {
    harness.slack.workspace.setDeactivated(REDELIVERED.id, true);
    const workspace = harness.slack.workspace;
    const request = encodeEvent(
      buildEventCallback({
        app: workspace.app,
        eventId: "Ev0USERCHANGE1",
        eventTime: Math.floor(Date.now() / 1000),
        event: buildUserChangeEvent({
          user: REDELIVERED,
          deleted: true,
          eventTs: `${Math.floor(Date.now() / 1000)}.000100`,
        }),
      }),
    );
    const deliver = (retry?: { number: number; reason: string }) =>
      deliverToApp({
        appUrl: harness.appUrl,
        signingSecret: SIGNING_SECRET,
        request,
        ...(retry ? { delivery: { retry } } : {}),
      });
    expect((await deliver()).status).toBe(200);
    await eventually(async () => ((await disabledRowsOf("rodrigo.reenvio")).length > 0 ? true : undefined));
    for (const answer of await Promise.all([
      deliver({ number: 1, reason: "http_timeout" }),
      deliver({ number: 2, reason: "http_error" }),
    ]))
      expect(answer.status).toBe(200);
    // A profile edit of the deactivated person is a new user_change (a new event id): still nothing.
    const handled = await handledEvents();
    expectAcknowledged(await harness.as(REDELIVERED.id).setDeactivated(true));
    await eventually(async () => ((await handledEvents()) > handled ? true : undefined));

    expect(await disabledRowsOf("rodrigo.reenvio")).toHaveLength(1);
    await harness.drainOutbox();
    expect(adminNotices().filter((message) => message.text.includes("rodrigo.reenvio"))).toHaveLength(1);
  });

  it("disables, with the event dropped, through the daily reconciliation, waiting out a 429's Retry-After", async () => {
    harness.slack.workspace.setDeactivated(MISSED.id, true);
    harness.slack.failNext("users.info", { status: 429, retryAfterSeconds: 2 });
    const waits: number[] = [];
    const since = lastSequence();
    await forgetLastRun();
    const result = await reconciler("replica-a", {
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
      },
    }).runOnce();

    expect(result).toMatchObject({ outcome: "completed", checked: 5, disabled: 1, failed: 0 });
    expect(waits).toEqual([0, 2_000, 2, 2, 2, 2, 2]);
    expect(new Set(usersInfoCalls(since))).toEqual(
      new Set([LEAVER.id, REDELIVERED.id, MISSED.id, ...STAYING.map((person) => person.id)]),
    );
    const account = await accountOf("mario.perdido");
    expect(account.disabledAt).not.toBeNull();
    expect(account.slackPersonGoneAt).not.toBeNull();
    for (const username of ["sara.sigue", "tomas.sigue"])
      expect((await accountOf(username)).disabledAt).toBeNull();
    expect(await disabledRowsOf("mario.perdido")).toHaveLength(1);
    expect(await disabledRowsOf("laura.baja")).toHaveLength(2); // the two events; the run changed nothing

    await harness.drainOutbox();
    expect(
      harness.slack
        .messagesIn(AUDIT_CHANNEL.id)
        .find((message) => message.text.includes("`user.disabled`") && message.text.includes("mario.perdido"))
        ?.text,
    ).toContain("Slack deshabilitó al usuario *mario.perdido*");
    expect(adminNotices().find((message) => message.text.includes("mario.perdido"))?.text).toContain(
      "Lo encontró la revisión diaria de Slack.",
    );
    // Done for the day: another look changes nothing and asks Slack nothing.
    const after = lastSequence();
    expect((await reconciler("replica-b").runOnce()).outcome).toBe("not_due");
    expect(usersInfoCalls(after)).toEqual([]);
  });

  it("logs and skips a person Slack fails on, and asks again on the next run", async () => {
    await forgetLastRun();
    harness.slack.failNext("users.info", { error: "fatal_error" });
    const since = lastSequence();
    const result = await reconciler("replica-a").runOnce();
    expect(result).toMatchObject({ outcome: "completed", checked: 5, failed: 1 });
    expect(usersInfoCalls(since)).toHaveLength(5);
    expect(
      harness.logs.some(
        (line) => line.message === "users.info failed for one person; skipped until the next run",
      ),
    ).toBe(true);
    await forgetLastRun();
    expect(await reconciler("replica-a").runOnce()).toMatchObject({ outcome: "completed", failed: 0 });
  });

  it("resumes from its cursor after a stop in the middle of a run", async () => {
    await forgetLastRun();
    const since = lastSequence();
    const first = await reconciler("replica-a", { shouldStop: (checked) => checked >= 2 }).runOnce();
    expect(first).toMatchObject({ outcome: "stopped", checked: 2 });
    const asked = usersInfoCalls(since);
    const state = await prisma().scheduledTaskState.findUniqueOrThrow({
      where: { name: SLACK_RECONCILIATION_TASK },
    });
    expect(state.cursor).toBe(asked.at(-1));
    expect(state.leasedBy).toBeNull();

    // The restarted bot (another worker id) goes on after the cursor, never from the start.
    const middle = lastSequence();
    const second = await reconciler("replica-a-restarted").runOnce();
    expect(second).toMatchObject({ outcome: "completed", checked: 3 });
    const rest = usersInfoCalls(middle);
    expect(rest.filter((id) => asked.includes(id))).toEqual([]);
    expect([...asked, ...rest].sort()).toEqual(
      [LEAVER.id, REDELIVERED.id, MISSED.id, ...STAYING.map((person) => person.id)].sort(),
    );
    expect(
      (await prisma().scheduledTaskState.findUniqueOrThrow({ where: { name: SLACK_RECONCILIATION_TASK } }))
        .cursor,
    ).toBeNull();
  });

  it("runs once when two replicas reconcile at the same time", async () => {
    await forgetLastRun();
    const [stayer] = STAYING;
    if (stayer === undefined) throw new Error("no stayer");
    harness.slack.workspace.setDeactivated(stayer.id, true);
    const since = lastSequence();
    const results = await Promise.all([
      reconciler("replica-a", { pauseBetweenCallsMs: 10 }).runOnce(),
      reconciler("replica-b", { pauseBetweenCallsMs: 10 }).runOnce(),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(["busy", "completed"]);
    const asked = usersInfoCalls(since);
    expect(asked).toHaveLength(5);
    expect(new Set(asked).size).toBe(5);
    expect(await disabledRowsOf("sara.sigue")).toHaveLength(1);
  });
});
