// Invitation links end to end (CREDENTIAL_DELIVERY=link), as the people see them: an admin creates
// a user from Slack, the welcome email (through a real SMTP conversation) carries a one-time link
// and no password, the bot's own page asks Nueva contraseña / Confirmar nueva contraseña, refuses a
// bad submission on its fields, sets the password (audited user.password_set, posted to the audit
// channel) — the portal login refused before, accepted after — and then refuses the same link with
// the one page every dead link gets. An expired link and one voided by a reset get that page too.
// Every answer carries the hardened headers. PUBLIC_URL is left unset: the sandboxed bot's links
// point at its own local address, as `npm start` does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationTokenHash } from "../../../src/application/users/invitation-links.ts";
import { ErrorCode } from "../../../src/domain/errors.ts";
import { errorMessage } from "../../../src/i18n/translate.ts";
import { textOf, usersSteps } from "../../slack/features/users/users-e2e-steps.ts";
import {
  expectHardenedHeaders,
  formKeyIn,
  invitationLinkIn,
  openInvitationPage,
  postInvitationForm,
  type TPageAnswer,
  textOfId,
} from "../../support/invitation-page.ts";
import { AUDIT_CHANNEL, PEOPLE, startSlackHarness, type TSlackHarness } from "../../support/slack-harness.ts";
import { testDatabaseKind } from "../../support/test-database.ts";
import type { TTestClock } from "../../support/use-case-dependencies.ts";

const ADMIN = PEOPLE.admin.id;
const CHOSEN = "una frase larga y propia para el portal 2026";

/** Real time (the outbox's rows are due by the database's clock), moved forward on demand. */
function followingClock(): TTestClock {
  let offset = 0;
  const clock = (() => new Date(Date.now() + offset)) as TTestClock;
  clock.advance = (milliseconds) => {
    offset += milliseconds;
  };
  clock.set = (time) => {
    offset = time.getTime() - Date.now();
  };
  return clock;
}

describe(`invitation links (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const clock = followingClock();
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";
  let deadLinkPage: TPageAnswer;
  const prisma = () => harness.testDatabase.database.prisma;
  const accountOf = (username: string) => prisma().portalUser.findUniqueOrThrow({ where: { username } });

  const login = (username: string, password: string) =>
    fetch(`${harness.baseUrl}/api/portal/v1/login`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${harness.environment.PORTAL_API_KEY}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ username, password }),
    });

  /** The one answer of a dead link: same status, same body as a made-up token's. */
  function expectDeadLink(answer: TPageAnswer) {
    expectHardenedHeaders(answer);
    expect(answer.status).toBe(404);
    expect(answer.html).toBe(deadLinkPage.html);
  }

  beforeAll(async () => {
    harness = await startSlackHarness({ environment: { CREDENTIAL_DELIVERY: "link" }, clock });
    const company = await prisma().company.create({
      data: { rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    placeId = (
      await prisma().issuingPlace.create({
        data: { companyId: company.id, postalCode: "36257", name: "Matriz" },
      })
    ).id;
    deadLinkPage = await openInvitationPage(`${harness.baseUrl}/acceso/${"A".repeat(43)}`);
  });
  afterAll(() => harness.stop());

  it("answers a made-up link with the dead-link page and the hardened headers", () => {
    expectHardenedHeaders(deadLinkPage);
    expect(deadLinkPage.status).toBe(404);
    expect(deadLinkPage.html).toContain('<html lang="es">');
    expect(deadLinkPage.html).toContain("Este enlace ya no sirve");
  });

  it("creates a user whose welcome email carries a one-time link; the page sets the password once", async () => {
    const modal = await steps.openForm(ADMIN, "nuevo");
    const saved = await steps.submit(ADMIN, modal.id, {
      username: { value: "lupe.enlace" },
      full_name: { value: "Lupe Enlace" },
      email: { value: "lupe.enlace@cliente.example" },
      places: { "users.places": [placeId] },
    });
    const list = await steps.responseAfter(ADMIN, saved);
    expect(textOf(list)).toContain(
      "✅ Se creó al usuario *lupe.enlace*; un enlace para que elija su contraseña va en camino a lupe.enlace@cliente.example.",
    );

    await harness.drainOutbox();
    const [welcome, ...others] = harness.mailbox.messagesTo("lupe.enlace@cliente.example");
    expect(others).toHaveLength(0);
    expect(welcome?.envelope).toBeDefined(); // it came through the SMTP conversation
    const link = invitationLinkIn(welcome ?? {});
    expect(link.startsWith(`${harness.baseUrl}/acceso/`)).toBe(true);
    expect(welcome?.text).toContain("Usuario: lupe.enlace");
    expect(welcome?.text).not.toMatch(/Contraseña temporal/);
    expect(welcome?.html).toContain(`href="${link}"`);
    const token = link.slice(link.lastIndexOf("/") + 1);

    // Only the token's SHA-256 is stored; the token itself is in no table and no log.
    const account = await accountOf("lupe.enlace");
    expect(account.invitationTokenHash).toBe(invitationTokenHash(token));
    expect(account.passwordHash).toBeNull();
    for (const table of ["portal_users", "outbox_messages", "audit_events", "rate_limit_windows"]) {
      const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM ${table} t`,
      );
      expect(
        rows.some(({ row }) => row.includes(token)),
        table,
      ).toBe(false);
    }
    expect(JSON.stringify(harness.logs)).not.toContain(token);
    const { shown } = await steps.command(ADMIN, "buscar lupe.enlace");
    expect(textOf(shown)).toContain("🔗 enlace para elegir contraseña enviado");

    // Before the password is set the portal login is refused, whatever the password.
    const before = await login("lupe.enlace", CHOSEN);
    expect(before.status).toBe(403);
    expect(await before.json()).toMatchObject({ ok: false, error: "password_not_set" });

    const page = await openInvitationPage(link);
    expectHardenedHeaders(page);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="es">');
    expect(page.html).toContain('<label for="newPassword">Nueva contraseña</label>');
    expect(page.html).toContain('<label for="confirmation">Confirmar nueva contraseña</label>');
    expect(page.html).toContain("Cuenta: lupe.enlace");
    expect(page.html).toContain('<form method="post" action="/acceso/');
    const formKey = formKeyIn(page.html);

    // A bad submission: each error under its field, linked to it; nothing stored.
    const bad = await postInvitationForm(link, { formKey, newPassword: "corta", confirmation: "otra cosa" });
    expectHardenedHeaders(bad);
    expect(bad.status).toBe(422);
    expect(textOfId(bad.html, "newPassword-error")).toBe(
      errorMessage("es", ErrorCode.PASSWORD_TOO_SHORT, { minimum: 15 }),
    );
    expect(textOfId(bad.html, "confirmation-error")).toBe(
      errorMessage("es", ErrorCode.PASSWORD_CONFIRMATION_MISMATCH),
    );
    expect(bad.html).toContain('aria-describedby="newPassword-hint newPassword-error" aria-invalid="true"');
    expect(bad.html).not.toContain("corta");
    const withName = await postInvitationForm(link, {
      formKey,
      newPassword: "lupe.enlace y una frase larga",
      confirmation: "lupe.enlace y una frase larga",
    });
    expect(withName.status).toBe(422);
    expect(textOfId(withName.html, "newPassword-error")).toBe(
      errorMessage("es", ErrorCode.PASSWORD_CONTAINS_USERNAME),
    );
    expect((await accountOf("lupe.enlace")).passwordHash).toBeNull();
    expect(await steps.auditRows("user.password_set")).toHaveLength(0);

    // A good one sets the password: audited, posted, the owner told; the login now works.
    const good = await postInvitationForm(link, { formKey, newPassword: CHOSEN, confirmation: CHOSEN });
    expectHardenedHeaders(good);
    expect(good.status).toBe(200);
    expect(good.html).toContain("Listo: tu contraseña quedó guardada");
    const set = await accountOf("lupe.enlace");
    expect(set.passwordHash).not.toBeNull();
    expect(set.passwordIsTemporary).toBe(false);
    expect(set.invitationTokenHash).toBeNull();
    const [audited] = await prisma().auditEvent.findMany({ where: { action: "user.password_set" } });
    expect(audited).toMatchObject({
      actorType: "system",
      actorId: "system:invitation_link",
      actorRole: "PORTAL_USER",
      targetLabel: "lupe.enlace",
      result: "success",
      changes: { password: "set", via: "invitation_link" },
    });
    await harness.drainOutbox();
    const post = harness.slack
      .messagesIn(AUDIT_CHANNEL.id)
      .find((message) => message.text.includes("`user.password_set`"));
    expect(post?.text).toContain(
      "La persona del enlace de invitación eligió la contraseña de *lupe.enlace* · `user.password_set`",
    );
    const notices = harness.mailbox.messagesTo("lupe.enlace@cliente.example");
    expect(notices.map((message) => message.subject)).toContain(
      "Se cambió la contraseña de tu cuenta PremiumOne",
    );

    const after = await login("lupe.enlace", CHOSEN);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ ok: true, mustChangePassword: false });

    // The same link again: the one dead-link page, to a GET and to a POST alike.
    expectDeadLink(await openInvitationPage(link));
    expectDeadLink(await postInvitationForm(link, { formKey, newPassword: CHOSEN, confirmation: CHOSEN }));
    expect(await prisma().auditEvent.count({ where: { action: "user.password_set" } })).toBe(1);
  });

  it("voids a link with a later reset, and refuses an expired link, with the same page", async () => {
    await steps.createUser({ username: "beto.enlace", placeIds: [placeId] });
    await harness.drainOutbox();
    const [welcome] = harness.mailbox.messagesTo("beto.enlace@cliente.example");
    const first = invitationLinkIn(welcome ?? {});
    const firstPage = await openInvitationPage(first);
    expect(firstPage.status).toBe(200);
    const firstKey = formKeyIn(firstPage.html);

    const question = (await steps.command(ADMIN, "restablecer beto.enlace")).shown;
    if (question === undefined) throw new Error("no question");
    expect(textOf(question)).toContain("Se enviará a beto.enlace@cliente.example un enlace nuevo");
    const list = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
    expect(textOf(list)).toContain(
      "🔑 Se restableció la contraseña de *beto.enlace*; un enlace nuevo para elegirla va en camino a beto.enlace@cliente.example.",
    );
    // Void at once, before the new email is even sent.
    expectDeadLink(await openInvitationPage(first));
    expectDeadLink(
      await postInvitationForm(first, { formKey: firstKey, newPassword: CHOSEN, confirmation: CHOSEN }),
    );

    await harness.drainOutbox();
    const [, reset, ...more] = harness.mailbox.messagesTo("beto.enlace@cliente.example");
    expect(more).toHaveLength(0);
    expect(reset?.subject).toBe("Elige tu nueva contraseña del portal PremiumOne");
    const second = invitationLinkIn(reset ?? {});
    expect(second).not.toBe(first);
    const secondPage = await openInvitationPage(second);
    expect(secondPage.status).toBe(200);
    const secondKey = formKeyIn(secondPage.html);

    // TEMP_PASSWORD_TTL_HOURS (72) later the link is dead too.
    clock.advance(72 * 3_600_000 + 60_000);
    expectDeadLink(await openInvitationPage(second));
    expectDeadLink(
      await postInvitationForm(second, { formKey: secondKey, newPassword: CHOSEN, confirmation: CHOSEN }),
    );
    const account = await accountOf("beto.enlace");
    expect(account.passwordHash).toBeNull();
    expect(
      await prisma().auditEvent.count({ where: { action: "user.password_set", targetLabel: "beto.enlace" } }),
    ).toBe(0);
    const refused = await login("beto.enlace", CHOSEN);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "password_not_set" });
  });
});
