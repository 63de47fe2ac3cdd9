// /auditoria end to end: newest first, paged, filtered by account; support agents read it, people
// without a role are refused (and that refusal is itself in the trail).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../../src/application/users/create-portal-user.ts";
import { slackContext } from "../../../support/seed.ts";
import { expectAcknowledged, textOf } from "../../../support/slack-answers.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";

describe(`/auditoria end to end (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    const place = await prisma.issuingPlace.create({
      data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
    });
    for (const username of [
      "ana.uno",
      "beto.dos",
      "carla.tres",
      "dario.cuatro",
      "elena.cinco",
      "fede.seis",
      "gil.siete",
      "hugo.ocho",
      "ines.nueve",
      "juan.diez",
      "karla.once",
      "luis.doce",
    ]) {
      await createPortalUser(harness.bot.dependencies, {
        context: slackContext(PEOPLE.admin.id),
        fields: { username, fullName: username, email: `${username}@cliente.example`, placeIds: [place.id] },
      });
    }
  });
  afterAll(() => harness.stop());

  const agent = () => harness.as(PEOPLE.support.id);

  it("shows a support agent the trail, newest first, ten a page", async () => {
    expectAcknowledged(await agent().runSlashCommand("/auditoria"));
    const first = agent().lastEphemeral();
    const text = textOf(first);
    expect(text).toContain("Auditoría");
    expect(text).toContain("Página 1 de 2");
    expect(text).not.toContain("ana.uno");
    expect(text).toContain(`<@${PEOPLE.admin.id}> creó al usuario *luis.doce*`);
    if (first === undefined) throw new Error("no list");
    expectAcknowledged(await agent().clickButton({ actionId: "audit.page.next", in: first }));
    await harness.waitForEphemeral(PEOPLE.support.id, "Página 2 de 2");
  });

  it("filters by account", async () => {
    expectAcknowledged(await agent().runSlashCommand("/auditoria", "Carla.Tres"));
    const text = textOf(agent().lastEphemeral());
    expect(text).toContain("carla.tres");
    expect(text).not.toContain("beto.dos");
  });

  it("refuses someone without a role, and the refusal is in the trail", async () => {
    const nobody = harness.as(PEOPLE.nobody.id);
    expectAcknowledged(await nobody.runSlashCommand("/auditoria"));
    expect(textOf(nobody.lastEphemeral())).toContain("No tienes permiso");
    expectAcknowledged(await agent().runSlashCommand("/auditoria"));
    expect(textOf(agent().lastEphemeral())).toContain(`<@${PEOPLE.nobody.id}> intentó sin permiso`);
  });

  it("ends its help with the service desk's contact", async () => {
    expectAcknowledged(await agent().runSlashCommand("/auditoria", "ayuda"));
    expect(textOf(agent().lastEphemeral())).toContain("*Medios de contacto:* soporte@premiumone.example");
  });
});
