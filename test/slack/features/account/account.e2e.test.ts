// Self-service end to end: a portal user linked to Slack meets their account in a DM with the bot,
// with /micuenta and on the App Home tab, and changes their password in the modal — through signed
// HTTP requests into the running bot, the fake Slack Web API, a real database and a real SMTP server.
// Every answer must reach Slack within its three seconds; no password may ever come back out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../../src/application/users/create-portal-user.ts";
import { deletePortalUser } from "../../../../src/application/users/delete-portal-user.ts";
import type { TRequestContext } from "../../../../src/domain/actor.ts";
import { AuditAction } from "../../../../src/domain/audit-actions.ts";
import { inputBlocksOf, interactiveElementsOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage, TSlackView } from "../../../../src/sandbox/slack-records.ts";
import { AccessRequestsActionId } from "../../../../src/slack/features/access-requests/ids.ts";
import { AccountActionId, PasswordFormBlockId } from "../../../../src/slack/features/account/ids.ts";
import { UsersActionId } from "../../../../src/slack/features/users/ids.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { seedBasics } from "../../../support/seed.ts";
import { PEOPLE, startSlackHarness, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { accountSteps, textOf } from "./account-e2e-steps.ts";

const USERNAME = "carla.conta";
const FULL_NAME = "Carla Contadora";
const EMAIL = "ccontreras@cliente.example";
const SUPPORT_CONTACT = "soporte@premiumone.example · 55 1234 5678";
const NEW_PASSWORD = "tres tristes tigres comen trigo";
const WRONG_PASSWORD = "esta no es mi clave actual 42";
/** What someone might type into the DM by mistake. */
const PASSWORD_TYPED_IN_DM = "Verde-Cactus-Nublado-2026!";

describe(`self-service end to end (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  let temporaryPassword: string;
  let welcome: TSlackMessage;
  const steps = accountSteps(() => harness);
  const accountant = PEOPLE.accountant.id;

  const buttonsOf = (surface: TSlackMessage | TSlackView) =>
    interactiveElementsOf(surface.blocks)
      .filter((element) => element.type === "button")
      .map((element) => element.actionId);
  const emailsTo = (subject: string) =>
    harness.mailbox.messagesTo(EMAIL).filter((message) => message.subject.includes(subject));
  const auditRows = (action: string, username = USERNAME) =>
    harness.testDatabase.database.prisma.auditEvent.findMany({
      where: { action, targetLabel: username },
      orderBy: { id: "asc" },
    });
  const asAdmin = (): TRequestContext => ({
    actor: { kind: "slack", slackUserId: PEOPLE.admin.id },
    requestId: `admin-${Date.now()}`,
  });
  const NOT_LINKED = "Tu usuario de Slack no está vinculado a ninguna cuenta del portal PremiumOne";

  beforeAll(async () => {
    harness = await startSlackHarness({ mail: "sandbox mailbox" });
    const places = await seedBasics(harness.testDatabase.database);
    await createPortalUser(harness.bot.dependencies, {
      context: asAdmin(),
      fields: {
        username: USERNAME,
        fullName: FULL_NAME,
        email: EMAIL,
        slackUserId: accountant,
        placeIds: [places.kemperCentro, places.kemperNorte, places.xenonMatriz],
      },
    });
    await harness.drainOutbox();
    const [welcomeEmail] = emailsTo("PremiumOne");
    if (welcomeEmail === undefined) throw new Error("no welcome email");
    temporaryPassword = credentialsIn(welcomeEmail).password;
    const [welcomeMessage] = harness.as(accountant).directMessages();
    if (welcomeMessage === undefined) throw new Error("no welcome DM");
    welcome = welcomeMessage;
  });
  afterAll(() => harness.stop());

  describe("the DM to the bot", () => {
    it("welcomes the new user with the Cambiar contraseña button and no password", () => {
      expect(harness.as(accountant).directMessages()).toHaveLength(1);
      expect(welcome.fromApp).toBe(true);
      expect(textOf(welcome)).toContain(`Hola, ${FULL_NAME}. Un administrador creó tu cuenta *${USERNAME}*`);
      expect(textOf(welcome)).toContain(EMAIL);
      expect(buttonsOf(welcome)).toEqual([AccountActionId.CHANGE_PASSWORD]);
      expect(textOf(welcome)).toContain("Cambiar contraseña");
      expect(temporaryPassword).toHaveLength(20);
      expect(JSON.stringify(welcome)).not.toContain(temporaryPassword);
    });

    it("answers any message with the Mi cuenta summary: account, name, email, places by company", async () => {
      const { reply } = await steps.directMessage(accountant, "hola");
      const shown = textOf(reply);
      expect(shown).toContain("Mi cuenta");
      expect(shown).toContain(`*Cuenta:* ${USERNAME}`);
      expect(shown).toContain(`*Nombre:* ${FULL_NAME}`);
      expect(shown).toContain(`*Correo:* ${EMAIL}`);
      const companyLines = shown.split("\n").filter((line) => line.startsWith("• "));
      expect(companyLines).toHaveLength(2);
      const kemper = companyLines.find((line) => line.startsWith("• ESCUELA KEMPER URGATE (EKU9003173C9): "));
      expect(kemper).toContain("06000 — Centro");
      expect(kemper).toContain("64000 — Monterrey Norte");
      expect(companyLines).toContain("• XENON INDUSTRIAL ARTICLES (XIA190128J61): 26015 — Matriz");
      expect(shown).toContain("Tu contraseña es temporal");
      expect(shown).toContain("Nunca escribas tu contraseña en este chat");
      expect(shown).toContain(SUPPORT_CONTACT);
      expect(buttonsOf(reply)).toEqual([AccountActionId.CHANGE_PASSWORD]);
    });

    it("never echoes a password typed as a DM: not in Slack, the logs or the database", async () => {
      const { reply } = await steps.directMessage(accountant, PASSWORD_TYPED_IN_DM);
      expect(textOf(reply)).toContain(`*Cuenta:* ${USERNAME}`);
      expect(steps.everythingTheBotSentToSlack()).not.toContain(PASSWORD_TYPED_IN_DM);
      expect(steps.everythingLogged()).not.toContain(PASSWORD_TYPED_IN_DM);
      expect(await steps.everythingStored()).not.toContain(PASSWORD_TYPED_IN_DM);
    });

    it("tells a person with no linked account that they are not linked, and whom to ask", async () => {
      const { reply } = await steps.directMessage(PEOPLE.nobody.id, "hola");
      const shown = textOf(reply);
      expect(shown).toContain(NOT_LINKED);
      expect(shown).toContain("Pide a un administrador del bot que te vincule");
      expect(shown).toContain(`*Medios de contacto:* ${SUPPORT_CONTACT}`);
      // Issue 12: someone with no account is offered Solicitar acceso (its own end-to-end test).
      expect(buttonsOf(reply)).toEqual([AccessRequestsActionId.REQUEST]);
    });
  });

  describe("/micuenta and the App Home", () => {
    it("/micuenta shows the linked user their account with the button", async () => {
      const shown = await steps.myAccountCommand(accountant);
      expect(shown.visibleOnlyTo).toBe(accountant);
      expect(textOf(shown)).toContain(`*Cuenta:* ${USERNAME}`);
      expect(textOf(shown)).toContain("• XENON INDUSTRIAL ARTICLES (XIA190128J61): 26015 — Matriz");
      expect(textOf(shown)).toContain(SUPPORT_CONTACT);
      expect(buttonsOf(shown)).toEqual([AccountActionId.CHANGE_PASSWORD]);
    });

    it("/micuenta tells an unlinked person they are not linked", async () => {
      const shown = await steps.myAccountCommand(PEOPLE.nobody.id);
      expect(textOf(shown)).toContain("no está vinculado");
      expect(textOf(shown)).toContain(SUPPORT_CONTACT);
      expect(buttonsOf(shown)).toEqual([AccessRequestsActionId.REQUEST]);
    });

    it("the Home tab shows the same summary, without the admins' quick actions", async () => {
      const home = await steps.openHome(accountant);
      expect(textOf(home)).toContain(`*Cuenta:* ${USERNAME}`);
      expect(textOf(home)).toContain("64000 — Monterrey Norte");
      expect(textOf(home)).toContain(SUPPORT_CONTACT);
      expect(textOf(home)).not.toContain("Acciones rápidas");
      expect(buttonsOf(home)).toEqual([AccountActionId.CHANGE_PASSWORD]);
    });

    it("an admin's Home tab adds the quick actions, whose Nuevo usuario opens the form", async () => {
      const home = await steps.openHome(PEOPLE.admin.id);
      expect(textOf(home)).toContain("Acciones rápidas");
      expect(textOf(home)).toContain("Nuevo usuario");
      expect(buttonsOf(home)).toContain(UsersActionId.NEW_USER);
      const admin = harness.as(PEOPLE.admin.id);
      const answer = steps.acknowledged(
        "Nuevo usuario button (Home)",
        await admin.clickButton({ actionId: UsersActionId.NEW_USER, in: home }),
      );
      await harness.slack.waitForCall("views.open", { since: answer.sequence });
      const form = admin.openModal();
      expect(form?.title).toBe("Nuevo usuario");
      await admin.closeView(form?.id ?? "");
    });
  });

  describe("the password", () => {
    it("the emailed temporary password opens the portal, which must make the user change it", async () => {
      const login = await steps.portalLogin(USERNAME, temporaryPassword);
      expect(login.status).toBe(200);
      expect(login.body.mustChangePassword).toBe(true);
      expect(login.body.user?.username).toBe(USERNAME);
      expect(login.body.user?.places).toHaveLength(3);
    });

    it("the modal warns that Slack does not mask input and asks for the three passwords", async () => {
      const modal = await steps.openPasswordForm(accountant, welcome);
      expect(modal.title).toBe("Cambiar contraseña");
      expect(textOf(modal)).toContain("Slack no oculta lo que escribes en estos campos");
      expect(inputBlocksOf(modal.blocks).map((block) => [block.blockId, block.label])).toEqual([
        [PasswordFormBlockId.CURRENT, "Contraseña actual"],
        [PasswordFormBlockId.NEW, "Nueva contraseña"],
        [PasswordFormBlockId.CONFIRMATION, "Confirmar nueva contraseña"],
      ]);
      await harness.as(accountant).closeView(modal.id);
    });

    it("/micuenta's and the Home tab's buttons open the same modal", async () => {
      for (const surface of [await steps.myAccountCommand(accountant), await steps.openHome(accountant)]) {
        const modal = await steps.openPasswordForm(accountant, surface);
        expect(modal.title).toBe("Cambiar contraseña");
        await harness.as(accountant).closeView(modal.id);
      }
    });

    it("answers each problem on its field and changes nothing", async () => {
      const modal = await steps.openPasswordForm(accountant, welcome);
      const cases: Array<
        [string, { current: string; next: string; confirmation?: string }, Record<string, string>]
      > = [
        [
          "wrong current password",
          { current: WRONG_PASSWORD, next: NEW_PASSWORD },
          { current_password: "La contraseña actual no es correcta. Te quedan 4 intento(s)." },
        ],
        [
          "confirmation mismatch",
          { current: temporaryPassword, next: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}s` },
          { confirmation: "La confirmación no coincide con la nueva contraseña." },
        ],
        [
          "too short",
          { current: temporaryPassword, next: "tigre corto" },
          { new_password: "Usa al menos 15 caracteres; una frase larga es fácil de recordar." },
        ],
        [
          "common",
          { current: temporaryPassword, next: "passwordpassword123" },
          { new_password: "Esa contraseña es demasiado común o fácil de adivinar; prueba una frase propia." },
        ],
        [
          "contains the username",
          { current: temporaryPassword, next: `mi clave es ${USERNAME} y nada mas` },
          { new_password: "La contraseña no puede contener tu cuenta de usuario." },
        ],
        [
          "equals the current one",
          { current: temporaryPassword, next: temporaryPassword },
          { new_password: "La nueva contraseña debe ser distinta de la actual." },
        ],
      ];
      for (const [problem, values, errors] of cases) {
        const { modal: shown } = await steps.submitPasswordForm(accountant, modal.id, values);
        expect({ problem, id: shown?.id, errors: shown?.errors }).toEqual({ problem, id: modal.id, errors });
      }
      expect(await auditRows(AuditAction.USER_PASSWORD_CHANGED)).toEqual([]);
      expect((await steps.portalLogin(USERNAME, temporaryPassword)).body.mustChangePassword).toBe(true);
      await harness.as(accountant).closeView(modal.id);
    });

    it("changes it: the success view, a DM and an email say so, and only the new one opens the portal", async () => {
      const modal = await steps.openPasswordForm(accountant, welcome);
      const { answer, modal: shown } = await steps.submitPasswordForm(accountant, modal.id, {
        current: temporaryPassword,
        next: NEW_PASSWORD,
      });
      expect(shown?.title).toBe("Listo");
      expect(textOf(shown)).toContain("Tu contraseña cambió");
      expect(shown?.errors).toEqual({});

      await harness.drainOutbox();
      const notices = steps.directMessagesSince(accountant, answer.sequence);
      expect(notices.map(textOf).join("\n")).toContain(`La contraseña de tu cuenta *${USERNAME}* cambió`);
      expect(emailsTo("Se cambió la contraseña de tu cuenta PremiumOne")).toHaveLength(1);
      const [changed] = await auditRows(AuditAction.USER_PASSWORD_CHANGED);
      expect(changed?.actorId).toBe(accountant);

      const oldOne = await steps.portalLogin(USERNAME, temporaryPassword);
      expect([oldOne.status, oldOne.body.error]).toEqual([401, "invalid_credentials"]);
      const newOne = await steps.portalLogin(USERNAME, NEW_PASSWORD);
      expect(newOne.status).toBe(200);
      expect(newOne.body.mustChangePassword).toBe(false);
      await harness.as(accountant).closeView(shown?.id ?? "");

      expect(textOf(await steps.myAccountCommand(accountant))).not.toContain("Tu contraseña es temporal");
    });

    it("locks after five wrong current passwords, tells the user, and refuses the right one while locked", async () => {
      const modal = await steps.openPasswordForm(accountant, await steps.openHome(accountant));
      const attempt = (current: string) =>
        steps.submitPasswordForm(accountant, modal.id, { current, next: "girasol nocturno bajo la lluvia" });
      for (const remaining of [4, 3, 2, 1]) {
        const { modal: shown } = await attempt(WRONG_PASSWORD);
        expect(shown?.errors).toEqual({
          current_password: `La contraseña actual no es correcta. Te quedan ${remaining} intento(s).`,
        });
      }
      const { answer, modal: locked } = await attempt(WRONG_PASSWORD);
      expect(Object.keys(locked?.errors ?? {})).toEqual([PasswordFormBlockId.CURRENT]);
      const lockMessage = locked?.errors[PasswordFormBlockId.CURRENT] ?? "";
      expect(lockMessage).toMatch(/^La cuenta está bloqueada hasta el .+ por intentos fallidos\./);
      expect(lockMessage).not.toContain("..");
      expect(await auditRows(AuditAction.USER_LOCKED)).toHaveLength(1);

      await harness.drainOutbox();
      expect(emailsTo("Tu cuenta PremiumOne está bloqueada temporalmente")).toHaveLength(1);
      const notices = steps.directMessagesSince(accountant, answer.sequence);
      const lockNotice = notices.map(textOf).join("\n");
      expect(lockNotice).toContain(`Tu cuenta *${USERNAME}* quedó bloqueada hasta el `);
      expect(lockNotice).not.toContain("..");

      const { modal: stillLocked } = await attempt(NEW_PASSWORD);
      expect(stillLocked?.errors[PasswordFormBlockId.CURRENT]).toContain("La cuenta está bloqueada");
      const login = await steps.portalLogin(USERNAME, NEW_PASSWORD);
      expect([login.status, login.body.error]).toEqual([423, "account_locked"]);
      expect(textOf(await steps.myAccountCommand(accountant))).toContain(
        "Tu cuenta está bloqueada hasta el ",
      );
      await harness.as(accountant).closeView(modal.id);
    });
  });

  describe("an account without a password yet, or gone", () => {
    it("before the welcome email brings a password, the form says so and counts no attempt", async () => {
      const places = await harness.testDatabase.database.prisma.issuingPlace.findMany();
      await createPortalUser(harness.bot.dependencies, {
        context: asAdmin(),
        fields: {
          username: "sofia.soporte",
          fullName: "Sofía Soporte",
          email: "sofia@cliente.example",
          slackUserId: PEOPLE.support.id,
          placeIds: places.map((place) => place.id),
        },
      });
      const summary = await steps.myAccountCommand(PEOPLE.support.id);
      expect(textOf(summary)).toContain("Tu contraseña temporal todavía va en camino a tu correo");
      const modal = await steps.openPasswordForm(PEOPLE.support.id, summary);
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const { modal: shown } = await steps.submitPasswordForm(PEOPLE.support.id, modal.id, {
          current: WRONG_PASSWORD,
          next: NEW_PASSWORD,
        });
        expect(shown?.errors).toEqual({
          current_password: "La cuenta todavía no tiene contraseña: revisa tu correo.",
        });
      }
      expect(await auditRows(AuditAction.USER_PASSWORD_CHANGE_FAILED, "sofia.soporte")).toEqual([]);
      expect(await auditRows(AuditAction.USER_LOCKED, "sofia.soporte")).toEqual([]);
      await harness.as(PEOPLE.support.id).closeView(modal.id);
      await harness.drainOutbox();
      const [welcomeEmail] = harness.mailbox.messagesTo("sofia@cliente.example");
      if (welcomeEmail === undefined) throw new Error("no welcome email for sofia.soporte");
      const login = await steps.portalLogin("sofia.soporte", credentialsIn(welcomeEmail).password);
      expect(login.status).toBe(200);
    });

    it("once the account is deleted, the old welcome's button and an open form say the person is not linked", async () => {
      const openBefore = await steps.openPasswordForm(accountant, welcome);
      await deletePortalUser(harness.bot.dependencies, { context: asAdmin(), user: { username: USERNAME } });

      const { modal: submitted } = await steps.submitPasswordForm(accountant, openBefore.id, {
        current: NEW_PASSWORD,
        next: "girasol nocturno bajo la lluvia",
      });
      expect(Object.keys(submitted?.errors ?? {})).toEqual([PasswordFormBlockId.CURRENT]);
      expect(submitted?.errors[PasswordFormBlockId.CURRENT]).toContain(NOT_LINKED);
      await harness.as(accountant).closeView(openBefore.id);

      const shown = await steps.openPasswordForm(accountant, welcome);
      expect(shown.title).toBe("Mi cuenta");
      expect(textOf(shown)).toContain(NOT_LINKED);
      expect(textOf(shown)).toContain(SUPPORT_CONTACT);
      expect(inputBlocksOf(shown.blocks)).toEqual([]);
      await harness.as(accountant).closeView(shown.id);
    });
  });

  describe("afterwards", () => {
    it("no password was ever posted to Slack, logged or stored", async () => {
      const sentToSlack = steps.everythingTheBotSentToSlack();
      const logged = steps.everythingLogged();
      const stored = await steps.everythingStored();
      // The haystacks hold what they should: the searches below are not vacuous.
      expect(sentToSlack).toContain(`*Cuenta:* ${USERNAME}`);
      expect(logged).toContain("chat.postMessage");
      expect(stored).toContain(AuditAction.USER_PASSWORD_CHANGED);
      for (const secret of [temporaryPassword, NEW_PASSWORD, WRONG_PASSWORD, PASSWORD_TYPED_IN_DM]) {
        expect({ secret, inSlack: sentToSlack.includes(secret) }).toEqual({ secret, inSlack: false });
        expect({ secret, inLogs: logged.includes(secret) }).toEqual({ secret, inLogs: false });
        expect({ secret, stored: stored.includes(secret) }).toEqual({ secret, stored: false });
      }
    });

    it("answered every request within Slack's three seconds", () => {
      const times = steps.answerTimes;
      expect(times.length).toBeGreaterThan(20);
      // Named, so that a failure says which request was late and by how much.
      expect(times.filter((time) => time.milliseconds >= 3_000)).toEqual([]);
    });
  });
});
