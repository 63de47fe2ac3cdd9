// Time-bound access end to end: an admin sets Acceso hasta on the create form (today or a past day
// refused on the field, nothing stored), the list and Mi cuenta show it; with the bot's clock moved,
// the scheduler warns the owner 3 days before (an email and a DM, once; a changed date warns again),
// and past the date disables the account — audited user.expired by the system, posted to the audit
// channel, the admin who set the date told by DM, the portal login refused (already from the end of
// the day, before the scheduler runs). Two schedulers at once act once; a replica that died holding
// the lease, or a restart between the warning and the end, loses nothing and repeats nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_EXPIRY_TASK, expireAccess } from "../../../../src/application/users/expire-access.ts";
import { findInteractiveElement } from "../../../../src/sandbox/block-kit-reading.ts";
import { castPerson } from "../../../../src/sandbox/cast.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import {
  AUDIT_CHANNEL,
  PEOPLE,
  PORTAL_API_KEY,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { createTestClock } from "../../../support/use-case-dependencies.ts";
import { textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const CONTRACTOR = castPerson("U0CONTRA01", "ana", "Ana Contrato");
const CHOSEN_PASSWORD = "mi contrato termina en diciembre con la nieve";
/**
 * Next year's December, so that the bot's clock is never behind the database's (the outbox's rows are
 * due from the database's now()). START: 12:00 in Mexico City (UTC-6) on 1 December.
 */
const YEAR = new Date().getUTCFullYear() + 1;
const START = new Date(`${YEAR}-12-01T18:00:00.000Z`);

describe(`time-bound access (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const clock = createTestClock(START);
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";
  const prisma = () => harness.testDatabase.database.prisma;
  const accountOf = (username: string) => prisma().portalUser.findUniqueOrThrow({ where: { username } });
  const run = (workerId = "replica-a") =>
    expireAccess(harness.bot.dependencies, { workerId, leaseMs: 60_000 });
  const warningsTo = (address: string) =>
    harness.mailbox.messagesTo(address).filter((mail) => mail.subject.includes("termina el"));
  const dmsTo = (personId: string, text: string) =>
    harness.slack.messagesIn(personId).filter((message) => message.fromApp && message.text.includes(text));
  const login = (username: string, password: string) =>
    fetch(`${harness.baseUrl}/api/portal/v1/login`, {
      method: "POST",
      headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });

  beforeAll(async () => {
    harness = await startSlackHarness({ mail: "sandbox mailbox", clock, morePeople: [CONTRACTOR] });
    const company = await prisma().company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    placeId = (
      await prisma().issuingPlace.create({
        data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  it("refuses today and a past day on the Acceso hasta field, storing nothing; a later day is saved and shown", async () => {
    const form = {
      username: { value: "ana.contrato" },
      full_name: { value: "Ana Contrato" },
      email: { value: "ana.contrato@cliente.example" },
      slack_user: { value: CONTRACTOR.id },
      places: { "users.places": [placeId] },
    };
    const modal = await steps.openForm(ADMIN, "nuevo");
    expect(textOf(modal)).toContain("Acceso hasta");
    expect(textOf(modal)).toContain("hora de la Ciudad de México");
    for (const day of [`${YEAR}-11-30`, `${YEAR}-12-01`]) {
      const answer = await steps.submit(ADMIN, modal.id, { ...form, access_until: { value: day } });
      expect(answer.acknowledged).toBe(true);
      expect(harness.as(ADMIN).openModal()?.errors).toEqual({
        access_until: `Elige una fecha a partir de mañana: hoy es ${YEAR}-12-01 en la Ciudad de México. Para quitar el acceso ya, usa Deshabilitar.`,
      });
    }
    expect(await prisma().portalUser.count()).toBe(0);
    expect(await steps.auditRows("user.created")).toHaveLength(0);

    await steps.submit(ADMIN, modal.id, { ...form, access_until: { value: `${YEAR}-12-10` } });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const account = await accountOf("ana.contrato");
    expect(account.accessUntil?.toISOString()).toBe(`${YEAR}-12-10T00:00:00.000Z`);
    expect(account.accessUntilSetBy).toBe(ADMIN);
    const [created] = await steps.auditRows("user.created");
    expect(created?.changes).toMatchObject({
      after: { username: "ana.contrato", accessUntil: `${YEAR}-12-10` },
    });

    const { shown } = await steps.command(ADMIN, "buscar ana.contrato");
    expect(textOf(shown)).toContain(`⌛ acceso hasta el 10 de diciembre de ${YEAR}`);
    await harness.as(CONTRACTOR.id).runSlashCommand("/micuenta");
    expect(textOf(harness.as(CONTRACTOR.id).lastEphemeral())).toContain(
      `*Acceso hasta:* 10 de diciembre de ${YEAR} (al final del día, hora de la Ciudad de México)`,
    );

    // Ana chooses her own password (the temporary one would expire long before December 10).
    await harness.drainOutbox();
    const [welcome] = harness.mailbox.messagesTo("ana.contrato@cliente.example");
    const changed = await fetch(`${harness.baseUrl}/api/portal/v1/password`, {
      method: "POST",
      headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        username: "ana.contrato",
        currentPassword: credentialsIn(welcome ?? {}).password,
        newPassword: CHOSEN_PASSWORD,
      }),
    });
    expect(changed.status).toBe(200);
  });

  it("warns the owner by email and DM once, on the third day before, and again when the date changes", async () => {
    expect(await run()).toMatchObject({ outcome: "completed", warned: 0, expired: 0 });
    // 23:59 on 6 December in Mexico City: four days before the end, no warning yet.
    clock.set(new Date(`${YEAR}-12-07T05:59:00.000Z`));
    expect(await run()).toMatchObject({ outcome: "completed", warned: 0 });
    clock.set(new Date(`${YEAR}-12-07T06:01:00.000Z`));
    expect(await run()).toMatchObject({ outcome: "completed", warned: 1 });
    // Another look, and a restarted replica, warn no one again.
    expect(await run()).toMatchObject({ outcome: "completed", warned: 0 });
    expect(await run("replica-a-restarted")).toMatchObject({ outcome: "completed", warned: 0 });
    await harness.drainOutbox();

    const [email] = warningsTo("ana.contrato@cliente.example");
    expect(warningsTo("ana.contrato@cliente.example")).toHaveLength(1);
    expect(email?.subject).toBe(`Tu acceso al portal PremiumOne termina el 10 de diciembre de ${YEAR}`);
    expect(email?.text).toContain(
      `Tu acceso a la cuenta ana.contrato del portal PremiumOne termina el 10 de diciembre de ${YEAR}, al final del día (hora de la Ciudad de México).`,
    );
    expect(dmsTo(CONTRACTOR.id, `termina el 10 de diciembre de ${YEAR}`)).toHaveLength(1);

    // The admin moves the date a day earlier through the edit form, which shows the current one.
    const modal = await steps.openForm(ADMIN, "editar ana.contrato");
    expect(
      findInteractiveElement(modal.blocks, { blockId: "access_until", actionId: "value" })?.element
        .initial_date,
    ).toBe(`${YEAR}-12-10`);
    await steps.submit(ADMIN, modal.id, { access_until: { value: `${YEAR}-12-09` } });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const [updated] = await steps.auditRows("user.updated");
    expect(updated?.changes).toEqual({ accessUntil: { before: `${YEAR}-12-10`, after: `${YEAR}-12-09` } });
    expect(await run()).toMatchObject({ outcome: "completed", warned: 1 });
    expect(await run()).toMatchObject({ outcome: "completed", warned: 0 });
    await harness.drainOutbox();
    expect(warningsTo("ana.contrato@cliente.example").map((mail) => mail.subject)).toEqual([
      `Tu acceso al portal PremiumOne termina el 10 de diciembre de ${YEAR}`,
      `Tu acceso al portal PremiumOne termina el 9 de diciembre de ${YEAR}`,
    ]);
    expect(dmsTo(CONTRACTOR.id, `termina el 9 de diciembre de ${YEAR}`)).toHaveLength(1);
  });

  it("past the date: the login is refused, one of two schedulers at once disables it — audited, posted, the admin told", async () => {
    // 23:59 on 9 December in Mexico City: the last minute of access.
    clock.set(new Date(`${YEAR}-12-10T05:59:00.000Z`));
    expect((await login("ana.contrato", CHOSEN_PASSWORD)).status).toBe(200);
    expect(await run()).toMatchObject({ expired: 0 });

    clock.set(new Date(`${YEAR}-12-10T06:00:01.000Z`));
    // Refused from the end of the day, before any scheduler has run.
    const early = await login("ana.contrato", CHOSEN_PASSWORD);
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ ok: false, error: "account_disabled" });

    const results = await Promise.all([run("replica-a"), run("replica-b")]);
    expect(results.reduce((sum, result) => sum + result.expired, 0)).toBe(1);
    const account = await accountOf("ana.contrato");
    expect(account.disabledAt?.toISOString()).toBe(`${YEAR}-12-10T06:00:01.000Z`);
    expect(account.accessExpiredAt).not.toBeNull();
    const expired = await steps.auditRows("user.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      actorId: "system:access-expiry",
      targetLabel: "ana.contrato",
      result: "success",
      changes: {
        before: { disabled: false, accessUntil: `${YEAR}-12-09`, accessExpired: false },
        after: { disabled: true, accessUntil: `${YEAR}-12-09`, accessExpired: true },
      },
    });
    expect(await run("replica-c")).toMatchObject({ outcome: "completed", expired: 0 });

    await harness.drainOutbox();
    const posts = harness.slack
      .messagesIn(AUDIT_CHANNEL.id)
      .filter((message) => message.text.includes("`user.expired`"));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain(
      "El bot deshabilitó, por su fecha de Acceso hasta, al usuario *ana.contrato* · `user.expired`",
    );
    const told = dmsTo(ADMIN, "Terminó el acceso de *ana.contrato*");
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(`era el 9 de diciembre de ${YEAR}`);

    const refused = await login("ana.contrato", CHOSEN_PASSWORD);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: "account_disabled" });
    const { shown } = await steps.command(ADMIN, "buscar ana.contrato");
    expect(textOf(shown)).toContain("⛔ deshabilitado");
    expect(textOf(shown)).toContain(`⌛ su acceso terminó el 9 de diciembre de ${YEAR}`);
  });

  it("an edit of an account past its date keeps the date; clearing it is recorded", async () => {
    const modal = await steps.openForm(ADMIN, "editar ana.contrato");
    await steps.submit(ADMIN, modal.id, { full_name: { value: "Ana María Contrato" } });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    expect((await accountOf("ana.contrato")).accessUntil?.toISOString()).toBe(`${YEAR}-12-09T00:00:00.000Z`);

    const again = await steps.openForm(ADMIN, "editar ana.contrato");
    await steps.submit(ADMIN, again.id, { access_until: { value: null } });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const account = await accountOf("ana.contrato");
    expect(account.accessUntil).toBeNull();
    expect(account.disabledAt).not.toBeNull();
    const rows = await steps.auditRows("user.updated");
    expect(rows.at(-1)?.changes).toEqual({ accessUntil: { before: `${YEAR}-12-09`, after: null } });
  });

  it("a replica that died holding the lease delays the run; the next one, after a restart, repeats nothing", async () => {
    const beto = await steps.createUser({ username: "beto.temporal", placeIds: [placeId] });
    const modal = await steps.openForm(ADMIN, "editar beto.temporal");
    await steps.submit(ADMIN, modal.id, { access_until: { value: `${YEAR}-12-20` } });
    expect((await accountOf("beto.temporal")).accessUntil?.toISOString()).toBe(`${YEAR}-12-20T00:00:00.000Z`);

    clock.set(new Date(`${YEAR}-12-17T15:00:00.000Z`));
    await prisma().scheduledTaskState.upsert({
      where: { name: ACCESS_EXPIRY_TASK },
      create: {
        name: ACCESS_EXPIRY_TASK,
        leasedBy: "replica-that-died",
        leasedUntil: new Date(clock().getTime() + 120_000),
      },
      update: { leasedBy: "replica-that-died", leasedUntil: new Date(clock().getTime() + 120_000) },
    });
    expect(await run()).toMatchObject({ outcome: "busy", warned: 0 });
    clock.advance(121_000);
    expect(await run()).toMatchObject({ outcome: "completed", warned: 1 });

    // The bot restarts (a new worker id) days later: no second warning, and the end is not missed.
    clock.set(new Date(`${YEAR}-12-21T07:00:00.000Z`));
    expect(await run("replica-after-restart")).toMatchObject({ outcome: "completed", warned: 0, expired: 1 });
    await harness.drainOutbox();
    expect(warningsTo(beto.email)).toHaveLength(1);
    expect((await accountOf("beto.temporal")).disabledAt).not.toBeNull();
    expect(
      (await steps.auditRows("user.expired")).filter((row) => row.targetLabel === "beto.temporal"),
    ).toHaveLength(1);
    expect(dmsTo(ADMIN, "Terminó el acceso de *beto.temporal*")).toHaveLength(1);
  });
});
