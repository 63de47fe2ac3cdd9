import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleTextOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";

describe(`/lugares end to end (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness();
  });
  afterAll(() => harness.stop());
  const admin = () => harness.as(PEOPLE.admin.id);
  const text = (message: TSlackMessage | undefined) =>
    message === undefined ? "" : visibleTextOf(message.blocks);

  it("walks the whole flow", async () => {
    const help = await admin().runSlashCommand("/lugares", "ayuda");
    expect(help.refusedBySlack).toEqual([]);
    expect(text(admin().lastEphemeral())).toContain("Medios de contacto");

    const list = await admin().runSlashCommand("/lugares");
    expect(list.acknowledged).toBe(true);
    expect(list.refusedBySlack).toEqual([]);
    let message = admin().lastEphemeral();
    expect(text(message)).toContain("Todavía no hay empresas");
    if (message === undefined) throw new Error("no message");

    let answer = await admin().clickButton({ actionId: "places.company.new", in: message });
    await harness.slack.waitForCall("views.open", { since: answer.sequence });
    let modal = admin().openModal();
    if (modal === undefined) throw new Error("no modal");
    expect(modal.title).toBe("Nueva empresa");
    answer = await admin().submitView(
      modal.id,
      { rfc: { value: "abc" }, legal_name: { value: "" } },
      { skipClientChecks: true },
    );
    console.log("errors", admin().openModal()?.errors);
    answer = await admin().submitView(modal.id, {
      rfc: { value: "eku9003173c9" },
      legal_name: { value: "ESCUELA KEMPER URGATE" },
    });
    expect(admin().openModal()).toBeUndefined();
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se registró la empresa");
    console.log(text(message));

    answer = await admin().clickButton({ actionId: "places.place.new", in: message });
    await harness.slack.waitForCall("views.open", { since: answer.sequence });
    modal = admin().openModal();
    if (modal === undefined) throw new Error("no modal");
    answer = await admin().submitView(modal.id, {
      postal_code: { value: "06000" },
      place_name: { value: "Centro" },
    });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se agregó el lugar");
    console.log(text(message));

    const support = await harness.as(PEOPLE.support.id).runSlashCommand("/lugares");
    console.log("SUPPORT", text(harness.as(PEOPLE.support.id).lastEphemeral()), support.refusedBySlack);

    // company remove refused
    await admin().clickButton({ actionId: "places.company.remove.ask", in: message });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "elimínalos primero");

    await admin().clickButton({ actionId: "places.place.remove.ask", in: message });
    const question = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar el lugar");
    console.log(text(question));
    await admin().clickButton({ actionId: "places.cancel", in: question });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Empresas y lugares");
    await admin().clickButton({ actionId: "places.place.remove.ask", in: message });
    const again = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar el lugar");
    await Promise.all([
      admin().clickButton({ actionId: "places.place.remove.yes", in: again }),
      admin().clickButton({ actionId: "places.place.remove.yes", in: again }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    console.log(
      "EPHEMERALS",
      admin()
        .ephemeralMessages()
        .slice(-3)
        .map((m) => text(m).split("\n")[0]),
    );
    console.log(
      "REMOVALS",
      await harness.testDatabase.database.prisma.auditEvent.count({ where: { action: "place.removed" } }),
    );
    message = admin().lastEphemeral();
    if (message === undefined) throw new Error("none");
    console.log(text(message));
    await admin().clickButton({ actionId: "places.company.remove.ask", in: message });
    const companyQuestion = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar la empresa");
    await admin().clickButton({ actionId: "places.company.remove.yes", in: companyQuestion });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se eliminó la empresa");
    console.log(text(message));
    const errors = harness.logs.filter((log) => log.level === "error");
    console.log("ERRORS", JSON.stringify(errors).slice(0, 2000));
  });
});
