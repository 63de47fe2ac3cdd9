// Every text form of /usuarios, end to end: what the admin reads after each one, what the database
// then holds, the audit rows written and the emails sent over SMTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInteractiveElement, interactiveElementsOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { PEOPLE, startSlackHarness, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;

describe(`/usuarios text forms end to end (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  const places = { centro: "", norte: "" };

  beforeAll(async () => {
    harness = await startSlackHarness({ mail: "sandbox mailbox" });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    places.centro = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "06000", name: "Centro" },
      })
    ).id;
    places.norte = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "64000", name: "Monterrey Norte" },
      })
    ).id;
    await steps.createUser({ username: "ana.ruiz", fullName: "Ana Ruiz", placeIds: [places.centro] });
    await steps.createUser({ username: "beto.diaz", fullName: "Beto Díaz", placeIds: [places.norte] });
    await steps.createUser({ username: "carla.mora", fullName: "Carla Mora", placeIds: [places.centro] });
    await harness.drainOutbox();
  });
  afterAll(() => harness.stop());

  const prisma = () => harness.testDatabase.database.prisma;
  const passwordHashOf = async (username: string) =>
    (await prisma().portalUser.findUnique({ where: { username }, select: { passwordHash: true } }))
      ?.passwordHash;
  const emailsTo = (address: string) => harness.mailbox.messagesTo(address);

  function shownOrFail(shown: TSlackMessage | undefined): TSlackMessage {
    if (shown === undefined) throw new Error("the app showed no message");
    return shown;
  }

  it("`/usuarios` lists every account with the admin's buttons", async () => {
    const list = shownOrFail((await steps.command(ADMIN)).shown);
    const text = textOf(list);
    expect(text).toContain("Usuarios del portal");
    expect(text).toContain("Página 1 de 1 · 3 usuario(s)");
    expect(text).toContain("*ana.ruiz* — Ana Ruiz");
    expect(text).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(text).toContain("*beto.diaz* — Beto Díaz");
    expect(text).toContain("*carla.mora* — Carla Mora");
    const actionIds = interactiveElementsOf(list.blocks).map((element) => element.actionId);
    expect(actionIds).toContain("users.new");
    expect(actionIds.filter((actionId) => actionId === "users.edit")).toHaveLength(3);
    expect(actionIds.filter((actionId) => actionId === "users.delete.ask")).toHaveLength(3);
    expect(actionIds.filter((actionId) => actionId === "users.reset.ask")).toHaveLength(3);
  });

  it("`/usuarios buscar <texto>` shows the matches, by account or código postal", async () => {
    const byName = textOf((await steps.command(ADMIN, "buscar ana")).shown);
    expect(byName).toContain("Página 1 de 1 · 1 usuario(s) con «ana»");
    expect(byName).toContain("*ana.ruiz*");
    expect(byName).not.toContain("beto.diaz");

    const byPostalCode = textOf((await steps.command(ADMIN, "buscar 64000")).shown);
    expect(byPostalCode).toContain("1 usuario(s) con «64000»");
    expect(byPostalCode).toContain("*beto.diaz*");
    expect(byPostalCode).not.toContain("ana.ruiz");
  });

  it("`/usuarios buscar <texto>` with no match says so", async () => {
    const text = textOf((await steps.command(ADMIN, "buscar zacatecas")).shown);
    expect(text).toContain("Ningún usuario coincide con «zacatecas».");
    expect(text).not.toContain("ana.ruiz");
  });

  it("`/usuarios nuevo` opens the empty form", async () => {
    const modal = await steps.openForm(ADMIN, "nuevo");
    expect(modal.title).toBe("Nuevo usuario");
    const text = textOf(modal);
    for (const label of [
      "Cuenta del usuario",
      "Nombre de la persona",
      "Correo electrónico",
      "Usuario de Slack",
      "Lugares de expedición",
    ])
      expect(text).toContain(label);
    const username = findInteractiveElement(modal.blocks, { blockId: "username", actionId: "value" });
    expect(username?.element.initial_value ?? "").toBe("");
    await harness.as(ADMIN).closeView(modal.id);
  });

  it("`/usuarios editar <cuenta>` opens the filled form; saving updates the list and writes user.updated", async () => {
    const modal = await steps.openForm(ADMIN, "editar ana.ruiz");
    expect(modal.title).toBe("Editar usuario");
    const initial = (blockId: string) =>
      findInteractiveElement(modal.blocks, { blockId, actionId: "value" })?.element.initial_value;
    expect(initial("username")).toBe("ana.ruiz");
    expect(initial("full_name")).toBe("Ana Ruiz");
    expect(initial("email")).toBe("ana.ruiz@cliente.example");
    const placesElement = findInteractiveElement(modal.blocks, {
      blockId: "places",
      actionId: "users.places",
    });
    expect(JSON.stringify(placesElement?.element.initial_options)).toContain(places.centro);

    const answer = await steps.submit(ADMIN, modal.id, { full_name: { value: "Ana María Ruiz" } });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const list = await steps.responseAfter(ADMIN, answer);
    expect(textOf(list)).toContain("✅ Se guardaron los cambios de *ana.ruiz*.");
    expect(textOf(list)).toContain("*ana.ruiz* — Ana María Ruiz");

    const stored = await prisma().portalUser.findUnique({ where: { username: "ana.ruiz" } });
    expect(stored?.fullName).toBe("Ana María Ruiz");
    const updated = await steps.auditRows("user.updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      actorId: ADMIN,
      targetLabel: "ana.ruiz",
      result: "success",
      changes: { fullName: { before: "Ana Ruiz", after: "Ana María Ruiz" } },
    });
  });

  it("`/usuarios restablecer <cuenta>` asks Sí / No; No changes nothing", async () => {
    const hashBefore = await passwordHashOf("beto.diaz");
    expect(hashBefore).toBeTruthy();
    const question = shownOrFail((await steps.command(ADMIN, "restablecer beto.diaz")).shown);
    expect(textOf(question)).toContain(
      "¿Restablecer la contraseña de *beto.diaz*? Se enviará una contraseña temporal nueva a beto.diaz@cliente.example",
    );
    const list = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.cancel", in: question });
    expect(textOf(list)).toContain("Usuarios del portal");
    expect(textOf(list)).toContain("*beto.diaz*");
    expect(await passwordHashOf("beto.diaz")).toBe(hashBefore);
    expect(await steps.auditRows("user.password_reset")).toHaveLength(0);
  });

  it("`/usuarios restablecer <cuenta>` + Sí clears the password and emails new credentials", async () => {
    const [welcome, ...others] = emailsTo("beto.diaz@cliente.example");
    if (welcome === undefined) throw new Error("no welcome email for beto.diaz");
    expect(others).toHaveLength(0);
    const firstPassword = credentialsIn(welcome).password;

    const question = shownOrFail((await steps.command(ADMIN, "restablecer beto.diaz")).shown);
    const list = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
    expect(textOf(list)).toContain(
      "🔑 Se restableció la contraseña de *beto.diaz*; la nueva va en camino a beto.diaz@cliente.example.",
    );
    expect(await passwordHashOf("beto.diaz")).toBeNull();
    expect(await steps.auditRows("user.password_reset")).toHaveLength(1);

    await harness.drainOutbox();
    const [, reset, ...more] = emailsTo("beto.diaz@cliente.example");
    if (reset === undefined) throw new Error("no new credentials email for beto.diaz");
    expect(more).toHaveLength(0);
    const credentials = credentialsIn(reset);
    expect(credentials.username).toBe("beto.diaz");
    expect(credentials.password).toHaveLength(20);
    expect(credentials.password).not.toBe(firstPassword);
    expect(await passwordHashOf("beto.diaz")).toBeTruthy();
  });

  it("`/usuarios eliminar <cuenta>` + No returns to the list unchanged", async () => {
    const question = shownOrFail((await steps.command(ADMIN, "eliminar carla.mora")).shown);
    expect(textOf(question)).toContain(
      "¿Eliminar al usuario *carla.mora* (Carla Mora)? Ya no podrá entrar al portal.",
    );
    expect(textOf(question)).toMatch(/\nSí\nNo$/);
    const yes = findInteractiveElement(question.blocks, { actionId: "users.delete.yes" });
    expect(yes?.element.style).toBe("danger");

    const list = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.cancel", in: question });
    expect(textOf(list)).toContain("Usuarios del portal");
    expect(textOf(list)).toContain("*carla.mora*");
    expect(await prisma().portalUser.count({ where: { username: "carla.mora" } })).toBe(1);
  });

  it("`/usuarios eliminar <cuenta>` + Sí deletes and returns to the list with a notice", async () => {
    const question = shownOrFail((await steps.command(ADMIN, "eliminar carla.mora")).shown);
    const list = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.delete.yes", in: question });
    expect(textOf(list)).toContain("🗑️ Se eliminó al usuario *carla.mora*.");
    expect(textOf(list)).toContain("Usuarios del portal");
    expect(textOf(list)).not.toContain("*carla.mora* —");
    expect(await prisma().portalUser.count({ where: { username: "carla.mora" } })).toBe(0);
    const deleted = await steps.auditRows("user.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.targetLabel).toBe("carla.mora");
  });

  it("`/usuarios ayuda` lists every text form and ends with the service desk's contact", async () => {
    const help = shownOrFail((await steps.command(ADMIN, "ayuda")).shown);
    const text = textOf(help);
    expect(text).toContain("Ayuda de /usuarios");
    for (const form of [
      "`/usuarios buscar <texto>`",
      "`/usuarios nuevo`",
      "`/usuarios editar <cuenta>`",
      "`/usuarios restablecer <cuenta>`",
      "`/usuarios eliminar <cuenta>`",
    ])
      expect(text).toContain(form);
    expect(text.trimEnd().endsWith("*Medios de contacto:* soporte@premiumone.example · 55 1234 5678")).toBe(
      true,
    );
  });

  it("an unknown account gets a clear message, and no form or question", async () => {
    for (const verb of ["editar", "restablecer", "eliminar"]) {
      const { answer, shown } = await steps.command(ADMIN, `${verb} fantasma`);
      expect(textOf(shown)).toBe("No encontré la cuenta fantasma.");
      expect(interactiveElementsOf(shownOrFail(shown).blocks)).toEqual([]);
      expect(harness.slack.timeline(answer.sequence).some((entry) => entry.name === "views.open")).toBe(
        false,
      );
    }
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
  });
});
