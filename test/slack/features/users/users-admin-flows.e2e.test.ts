// The /usuarios buttons end to end, as an admin clicks them in the list: paging, Nuevo usuario,
// Editar, Eliminar + Sí (also twice), Restablecer + Sí, Deshabilitar / Habilitar, Desbloquear; and
// the link to a Slack user found by email, who is then welcomed by DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPortalUser } from "../../../../src/application/users/lock-portal-user.ts";
import { findInteractiveElement, interactiveElementsOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { PEOPLE, startSlackHarness, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, PATIENCE, slackContext, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;

describe(`/usuarios buttons end to end (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";

  beforeAll(async () => {
    harness = await startSlackHarness({ mail: "sandbox mailbox" });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  const prisma = () => harness.testDatabase.database.prisma;
  const accountOf = (username: string) => prisma().portalUser.findUnique({ where: { username } });
  const actionIdsOf = (message: TSlackMessage) =>
    interactiveElementsOf(message.blocks).map((element) => element.actionId);

  /** `/usuarios buscar <account>`: the list holding just that row, as the admin sees it. */
  async function listWith(username: string): Promise<TSlackMessage> {
    const { shown } = await steps.command(ADMIN, `buscar ${username}`);
    if (shown === undefined) throw new Error("no list");
    expect(textOf(shown)).toContain(`*${username}* —`);
    return shown;
  }

  it("pages through 25 accounts with ◀ and ▶", async () => {
    await prisma().portalUser.createMany({
      data: Array.from({ length: 25 }, (_, index) => {
        const username = `cuenta${String(index + 1).padStart(2, "0")}`;
        return {
          username,
          fullName: `Persona ${index + 1}`,
          email: `${username}@cliente.example`,
          emailNormalized: `${username}@cliente.example`,
        };
      }),
    });
    const first = (await steps.command(ADMIN)).shown;
    if (first === undefined) throw new Error("no list");
    expect(textOf(first)).toContain("Página 1 de 3 · 25 usuario(s)");
    expect(textOf(first)).toContain("*cuenta01*");
    expect(textOf(first)).toContain("*cuenta10*");
    expect(textOf(first)).not.toContain("*cuenta11*");
    expect(actionIdsOf(first)).toContain("users.page.next");
    expect(actionIdsOf(first)).not.toContain("users.page.previous");

    const second = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.page.next", in: first });
    expect(second.ts).toBe(first.ts);
    expect(textOf(second)).toContain("Página 2 de 3 · 25 usuario(s)");
    expect(textOf(second)).toContain("*cuenta11*");
    expect(textOf(second)).toContain("◀ Anterior");
    expect(textOf(second)).toContain("Siguiente ▶");

    const third = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.page.next", in: second });
    expect(textOf(third)).toContain("Página 3 de 3 · 25 usuario(s)");
    expect(textOf(third)).toContain("*cuenta25*");
    expect(textOf(third)).not.toContain("*cuenta20*");
    expect(actionIdsOf(third)).not.toContain("users.page.next");

    const back = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.page.previous", in: third });
    expect(textOf(back)).toContain("Página 2 de 3 · 25 usuario(s)");
    expect(textOf(back)).toContain("*cuenta20*");
  });

  it("Nuevo usuario opens the form; saving creates the account and refreshes the list in place", async () => {
    const list = await listWith("cuenta01");
    const modal = await steps.clickToOpenForm(ADMIN, { actionId: "users.new", in: list });
    expect(modal.title).toBe("Nuevo usuario");
    const saved = await steps.submit(ADMIN, modal.id, {
      username: { value: "diego.luna" },
      full_name: { value: "Diego Luna" },
      email: { value: "diego.luna@cliente.example" },
      places: { "users.places": [placeId] },
    });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const refreshed = await steps.responseAfter(ADMIN, saved);
    expect(refreshed.ts).toBe(list.ts);
    expect(textOf(refreshed)).toContain(
      "✅ Se creó al usuario *diego.luna*; su contraseña temporal va en camino a diego.luna@cliente.example.",
    );
    expect((await accountOf("diego.luna"))?.fullName).toBe("Diego Luna");
    expect(await steps.auditRows("user.created")).toHaveLength(1);
  });

  it("Editar opens the filled form; saving changes the account and the row", async () => {
    const list = await listWith("diego.luna");
    const modal = await steps.clickToOpenForm(ADMIN, { actionId: "users.edit", in: list });
    expect(modal.title).toBe("Editar usuario");
    expect(
      findInteractiveElement(modal.blocks, { blockId: "full_name", actionId: "value" })?.element
        .initial_value,
    ).toBe("Diego Luna");
    const saved = await steps.submit(ADMIN, modal.id, { email: { value: "diego@cliente.example" } });
    const refreshed = await steps.responseAfter(ADMIN, saved);
    expect(refreshed.ts).toBe(list.ts);
    expect(textOf(refreshed)).toContain("✅ Se guardaron los cambios de *diego.luna*.");
    expect(textOf(refreshed)).toContain("diego@cliente.example");
    expect((await accountOf("diego.luna"))?.email).toBe("diego@cliente.example");
    const [updated] = await steps.auditRows("user.updated");
    expect(updated?.changes).toMatchObject({
      email: { before: "diego.luna@cliente.example", after: "diego@cliente.example" },
    });
  });

  it("an edit form whose private_metadata cannot be read stores nothing and says so on the form", async () => {
    await steps.createUser({ username: "ulises.vega", placeIds: [placeId] });
    const list = await listWith("ulises.vega");
    const modal = await steps.clickToOpenForm(ADMIN, { actionId: "users.edit", in: list });
    // A tampered client (or a form from an older version) sends metadata the bot cannot read.
    harness.slack.workspace.updateView(modal.id, { ...modal.definition, private_metadata: "{no es json" });
    const before = await prisma().portalUser.findMany({ orderBy: { username: "asc" } });
    const auditBefore = await prisma().auditEvent.count();
    const answer = await steps.submit(ADMIN, modal.id, { email: { value: "otro.ulises@cliente.example" } });
    expect(harness.as(ADMIN).openModal()?.errors).toEqual({
      username: "No pude leer este formulario: ciérralo y ábrelo de nuevo. No se guardó nada.",
    });
    expect(answer.acknowledged).toBe(true);
    expect(await prisma().portalUser.findMany({ orderBy: { username: "asc" } })).toEqual(before);
    expect(await prisma().auditEvent.count()).toBe(auditBefore);
  });

  it("Eliminar asks Sí / No; Sí deletes and returns to the list with a notice", async () => {
    await steps.createUser({ username: "elena.paz", placeIds: [placeId] });
    const list = await listWith("elena.paz");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.ask", in: list });
    expect(textOf(question)).toContain("¿Eliminar al usuario *elena.paz* (Persona elena.paz)?");
    const after = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.yes", in: question });
    expect(textOf(after)).toContain("🗑️ Se eliminó al usuario *elena.paz*.");
    expect(textOf(after)).toContain("Ningún usuario coincide con «elena.paz».");
    expect(await accountOf("elena.paz")).toBeNull();
  });

  it("a double Sí deletes once, audits once, and the second click says the account is gone", async () => {
    await steps.createUser({ username: "fabian.ortiz", placeIds: [placeId] });
    const list = await listWith("fabian.ortiz");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.ask", in: list });
    const deletedBefore = (await steps.auditRows("user.deleted")).length;

    // The same Sí twice, as a quick double click sends it before Slack replaces the message.
    const first = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.yes", in: question });
    expect(textOf(first)).toContain("🗑️ Se eliminó al usuario *fabian.ortiz*.");
    const again = expectAcknowledged(
      await steps.forgeClick(ADMIN, question, { actionId: "users.delete.yes" }),
    );
    const second = await steps.responseAfter(ADMIN, again);
    expect(textOf(second)).toContain("Ese usuario ya no existe (quizá alguien más lo eliminó).");

    expect(await accountOf("fabian.ortiz")).toBeNull();
    const deleted = (await steps.auditRows("user.deleted")).slice(deletedBefore);
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.targetLabel).toBe("fabian.ortiz");
  });

  it("two Sí clicks arriving together delete once: one says deleted, the other gone", async () => {
    await steps.createUser({ username: "fito.paez", placeIds: [placeId] });
    const list = await listWith("fito.paez");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.ask", in: list });
    const deletedBefore = (await steps.auditRows("user.deleted")).length;
    const sequence = harness.slack.workspace.lastSequence();

    const clicks = await Promise.all([
      steps.click(ADMIN, { actionId: "users.delete.yes", in: question }),
      steps.click(ADMIN, { actionId: "users.delete.yes", in: question }),
    ]);
    expect(clicks).toHaveLength(2);
    const notices = await harness.slack.workspace.waitFor(() => {
      const posted = harness.slack
        .timeline(sequence)
        .filter((entry) => entry.kind === "response_url")
        .map((entry) => JSON.stringify(entry.request));
      return posted.length === 2 ? posted : undefined;
    }, PATIENCE);
    expect(notices.filter((notice) => notice.includes("Se eliminó al usuario *fito.paez*"))).toHaveLength(1);
    expect(notices.filter((notice) => notice.includes("Ese usuario ya no existe"))).toHaveLength(1);
    expect(await accountOf("fito.paez")).toBeNull();
    expect((await steps.auditRows("user.deleted")).slice(deletedBefore)).toHaveLength(1);
  });

  it("Restablecer asks Sí / No; Sí clears the password and a new one arrives by email", async () => {
    await steps.createUser({ username: "gina.soto", placeIds: [placeId] });
    await harness.drainOutbox();
    const welcome = harness.mailbox.messagesTo("gina.soto@cliente.example");
    expect(welcome).toHaveLength(1);
    expect((await accountOf("gina.soto"))?.passwordHash).toBeTruthy();

    const list = await listWith("gina.soto");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.ask", in: list });
    expect(textOf(question)).toContain("¿Restablecer la contraseña de *gina.soto*?");
    const after = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
    expect(textOf(after)).toContain("🔑 Se restableció la contraseña de *gina.soto*");
    expect(textOf(after)).toContain("✉️ correo de bienvenida pendiente");
    expect((await accountOf("gina.soto"))?.passwordHash).toBeNull();

    await harness.drainOutbox();
    const emails = harness.mailbox.messagesTo("gina.soto@cliente.example");
    expect(emails).toHaveLength(2);
    const [first, second] = emails.map((message) => credentialsIn(message));
    expect(second?.username).toBe("gina.soto");
    expect(second?.password).not.toBe(first?.password);
    expect((await accountOf("gina.soto"))?.passwordHash).toBeTruthy();
  });

  it("Sí on Restablecer pressed three times resets once: one email, one audit event, the password it sent kept", async () => {
    await steps.createUser({ username: "ines.mora", placeIds: [placeId] });
    await harness.drainOutbox();
    const list = await listWith("ines.mora");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.ask", in: list });
    const resetsBefore = (await steps.auditRows("user.password_reset")).length;
    const sequence = harness.slack.workspace.lastSequence();

    const first = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
    expect(textOf(first)).toContain("🔑 Se restableció la contraseña de *ines.mora*");
    await harness.drainOutbox();
    const hashAfterFirst = (await accountOf("ines.mora"))?.passwordHash;
    expect(hashAfterFirst).toBeTruthy();

    // The same question's Sí again, twice at once, as a triple click sends it.
    const again = await Promise.all([
      steps.forgeClick(ADMIN, question, { actionId: "users.reset.yes" }),
      steps.forgeClick(ADMIN, question, { actionId: "users.reset.yes" }),
    ]);
    for (const answer of again) expectAcknowledged(answer);
    const notices = await harness.slack.workspace.waitFor(() => {
      const posted = harness.slack
        .timeline(sequence)
        .filter((entry) => entry.kind === "response_url")
        .map((entry) => JSON.stringify(entry.request));
      return posted.length === 3 ? posted : undefined;
    }, PATIENCE);
    expect(
      notices.filter((notice) => notice.includes("ya se restableció con esta confirmación")),
    ).toHaveLength(2);
    await harness.drainOutbox();

    expect((await steps.auditRows("user.password_reset")).slice(resetsBefore)).toHaveLength(1);
    const emails = harness.mailbox.messagesTo("ines.mora@cliente.example");
    expect(emails).toHaveLength(2); // the welcome and one reset
    expect((await accountOf("ines.mora"))?.passwordHash).toBe(hashAfterFirst);

    // A new question is a new reset.
    const secondQuestion = await steps.clickAndWaitForAnswer(ADMIN, {
      actionId: "users.reset.ask",
      in: await listWith("ines.mora"),
    });
    const secondReset = await steps.clickAndWaitForAnswer(ADMIN, {
      actionId: "users.reset.yes",
      in: secondQuestion,
    });
    expect(textOf(secondReset)).toContain("🔑 Se restableció la contraseña de *ines.mora*");
    expect((await steps.auditRows("user.password_reset")).slice(resetsBefore)).toHaveLength(2);
  });

  it("Deshabilitar and Habilitar switch the account and its button", async () => {
    await steps.createUser({ username: "hugo.vera", placeIds: [placeId] });
    const list = await listWith("hugo.vera");
    const disabled = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.disable", in: list });
    expect(textOf(disabled)).toContain("⛔ Se deshabilitó a *hugo.vera*.");
    expect(textOf(disabled)).toContain("⛔ deshabilitado");
    expect(actionIdsOf(disabled)).toContain("users.enable");
    expect(actionIdsOf(disabled)).not.toContain("users.disable");
    expect((await accountOf("hugo.vera"))?.disabledAt).not.toBeNull();

    const enabled = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.enable", in: disabled });
    expect(textOf(enabled)).toContain("✅ Se habilitó a *hugo.vera*.");
    expect(textOf(enabled)).not.toContain("⛔ deshabilitado");
    expect(actionIdsOf(enabled)).toContain("users.disable");
    expect((await accountOf("hugo.vera"))?.disabledAt).toBeNull();
    expect(await steps.auditRows("user.disabled")).toHaveLength(1);
    expect(await steps.auditRows("user.enabled")).toHaveLength(1);
  });

  it("Desbloquear shows on a locked account and unlocks it", async () => {
    const user = await steps.createUser({ username: "ines.rios", placeIds: [placeId] });
    await lockPortalUser(harness.bot.dependencies, { context: slackContext(ADMIN), user: { id: user.id } });
    const list = await listWith("ines.rios");
    expect(textOf(list)).toContain("🔒 bloqueado hasta");
    const unlocked = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.unlock", in: list });
    expect(textOf(unlocked)).toContain("🔓 Se desbloqueó a *ines.rios*.");
    expect(textOf(unlocked)).not.toContain("🔒 bloqueado");
    expect(actionIdsOf(unlocked)).not.toContain("users.unlock");
    expect((await accountOf("ines.rios"))?.lockedUntil).toBeNull();
    expect(await steps.auditRows("user.unlocked")).toHaveLength(1);
  });

  it("links a new account to the workspace person with its email and welcomes them by DM", async () => {
    const modal = await steps.openForm(ADMIN, "nuevo");
    const saved = await steps.submit(ADMIN, modal.id, {
      username: { value: "carla.contadora" },
      full_name: { value: "Carla Contadora" },
      email: { value: PEOPLE.accountant.email },
      places: { "users.places": [placeId] },
    });
    await harness.slack.waitForCall("users.lookupByEmail", {
      since: saved.sequence,
      where: (call) => call.arguments.email === "conta@empresa.example",
      ...PATIENCE,
    });
    const list = await steps.responseAfter(ADMIN, saved);
    expect(textOf(list)).toContain(
      `🔗 Vinculé a *carla.contadora* con <@${PEOPLE.accountant.id}> por su correo.`,
    );
    expect((await accountOf("carla.contadora"))?.slackUserId).toBe(PEOPLE.accountant.id);
    // One submission, one effect: the link is part of the create, not an update after it.
    const carlaRows = (await steps.auditRows()).filter((row) => row.targetLabel === "carla.contadora");
    expect(carlaRows.map((row) => row.action)).toEqual(["user.created"]);
    expect(carlaRows[0]?.changes).toMatchObject({ after: { slackUserId: PEOPLE.accountant.id } });

    await harness.drainOutbox();
    const email = harness.mailbox.messagesTo(PEOPLE.accountant.email)[0];
    if (email === undefined) throw new Error("no welcome email");
    const { password } = credentialsIn(email);
    const directMessages = harness.as(PEOPLE.accountant.id).directMessages();
    expect(directMessages).toHaveLength(1);
    const welcome = directMessages[0];
    if (welcome === undefined) throw new Error("no welcome DM");
    expect(textOf(welcome)).toContain("👋 Hola, Carla Contadora.");
    expect(textOf(welcome)).toContain("*carla.contadora*");
    expect(textOf(welcome)).toContain("Cambiar contraseña");
    expect(actionIdsOf(welcome)).toEqual(["account.change_password"]);
    expect(JSON.stringify(welcome)).not.toContain(password);
  });
});
