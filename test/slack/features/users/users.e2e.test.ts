// /usuarios end to end: signed HTTP requests into the running bot, a fake Slack Web API recording
// what each person sees, a real database and a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleTextOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { PEOPLE, startSlackHarness, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";

describe(`/usuarios end to end (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  let placeId: string;

  beforeAll(async () => {
    harness = await startSlackHarness({ mail: "sandbox mailbox" });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "06000", name: "Centro" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  const admin = () => harness.as(PEOPLE.admin.id);
  const text = (message: TSlackMessage | undefined) =>
    message === undefined ? "" : visibleTextOf(message.blocks);

  async function openNewUserForm() {
    const answer = await admin().runSlashCommand("/usuarios", "nuevo");
    expect(answer.acknowledged).toBe(true);
    await harness.slack.waitForCall("views.open", { since: answer.sequence });
    const modal = admin().openModal();
    if (modal === undefined) throw new Error("no modal opened");
    return modal;
  }

  it("creates a user from the form and emails the temporary password", async () => {
    const modal = await openNewUserForm();
    expect(modal.title).toBe("Nuevo usuario");
    expect(visibleTextOf(modal.blocks)).toContain("Lugares de expedición");
    const answer = await admin().submitView(modal.id, {
      username: { value: "Maria.Lopez" },
      full_name: { value: "María López" },
      email: { value: "maria.lopez@cliente.example" },
      places: { "users.places": [placeId] },
    });
    expect(answer.acknowledged).toBe(true);
    expect(admin().openModal()).toBeUndefined();
    await harness.drainOutbox();
    const email = harness.mailbox.messages().find((message) => message.subject.includes("PremiumOne"));
    if (email === undefined) throw new Error("no welcome email");
    expect(email.text).toContain("Usuario: maria.lopez");
    expect(credentialsIn(email).password).toHaveLength(20);
    const audit = harness.slack.messagesIn("C0AUDIT01").map((message) => message.text);
    expect(
      audit.some((line) => line.includes("creó al usuario *maria.lopez*") && line.includes("`user.created`")),
    ).toBe(true);
  });

  it("answers bad input on the fields, in the same request, and stores nothing", async () => {
    const modal = await openNewUserForm();
    const answer = await admin().submitView(modal.id, {
      username: { value: "MARIA.LOPEZ" },
      full_name: { value: "Otra María" },
      email: { value: "no es un correo" },
      places: { "users.places": [placeId] },
    });
    expect(answer.acknowledged).toBe(true);
    expect(admin().openModal()?.errors).toEqual({
      username: "Esa cuenta ya existe.",
      email: "Escribe un correo válido, por ejemplo nombre@empresa.com.",
    });
    expect(await harness.testDatabase.database.prisma.portalUser.count()).toBe(1);
    await admin().closeView(modal.id);
  });

  it("lists users with the admin's buttons and asks Sí / No before deleting", async () => {
    const list = await admin().runSlashCommand("/usuarios");
    expect(list.acknowledged).toBe(true);
    const listMessage = admin().lastEphemeral();
    expect(text(listMessage)).toContain("maria.lopez");
    if (listMessage === undefined) throw new Error("no list");
    await admin().clickButton({ actionId: "users.delete.ask", in: listMessage });
    const question = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar al usuario *maria.lopez*");
    await admin().clickButton({ actionId: "users.cancel", in: question });
    await harness.waitForEphemeral(PEOPLE.admin.id, "Usuarios del portal");
    expect(await harness.testDatabase.database.prisma.portalUser.count()).toBe(1);
  });
});
