// /lugares end to end, as the admin walks it in Slack: a refused company form with its field
// errors, a company and a place registered, support's read-only view, a company with places that
// cannot be removed, No and Sí on a place (Sí pressed twice at once removes once), the company
// removed; no error logged on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interactiveElementsOf, visibleTextOf } from "../../../../src/sandbox/block-kit-reading.ts";
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
  const auditCount = (action: string) =>
    harness.testDatabase.database.prisma.auditEvent.count({ where: { action } });

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
    await admin().submitView(
      modal.id,
      { rfc: { value: "abc" }, legal_name: { value: "" } },
      { skipClientChecks: true },
    );
    // Refused on its fields, the form still open, nothing stored.
    expect(admin().openModal()?.errors).toEqual({
      rfc: "El RFC no tiene el formato del SAT (12 o 13 caracteres, p. ej. EKU9003173C9).",
      legal_name: "Escribe la razón social (hasta 254 caracteres).",
    });
    expect(await harness.testDatabase.database.prisma.company.count()).toBe(0);

    await admin().submitView(modal.id, {
      rfc: { value: "eku9003173c9" },
      legal_name: { value: "ESCUELA KEMPER URGATE" },
    });
    expect(admin().openModal()).toBeUndefined();
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se registró la empresa");
    expect(text(message)).toContain("✅ Se registró la empresa *ESCUELA KEMPER URGATE* (RFC EKU9003173C9).");
    expect(text(message)).toContain("Página 1 de 1 · 1 empresa(s) · 0 lugar(es)");

    answer = await admin().clickButton({ actionId: "places.place.new", in: message });
    await harness.slack.waitForCall("views.open", { since: answer.sequence });
    modal = admin().openModal();
    if (modal === undefined) throw new Error("no modal");
    await admin().submitView(modal.id, {
      postal_code: { value: "06000" },
      place_name: { value: "Centro" },
    });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se agregó el lugar");
    expect(text(message)).toContain(
      "✅ Se agregó el lugar de expedición *06000 — Centro (ESCUELA KEMPER URGATE)*.",
    );
    expect(text(message)).toContain("_Nadie lo tiene asignado_");

    // Support reads the same catalogue, with no button that changes it.
    const support = harness.as(PEOPLE.support.id);
    expect((await support.runSlashCommand("/lugares")).refusedBySlack).toEqual([]);
    const supportView = support.lastEphemeral();
    expect(text(supportView)).toContain("Solo lectura: los cambios los hace un administrador.");
    expect(text(supportView)).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(interactiveElementsOf(supportView?.blocks ?? [])).toEqual([]);

    // A company that still has places is not removed: the admin is told what to do first.
    await admin().clickButton({ actionId: "places.company.remove.ask", in: message });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "elimínalos primero");
    expect(await harness.testDatabase.database.prisma.company.count()).toBe(1);

    await admin().clickButton({ actionId: "places.place.remove.ask", in: message });
    const question = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar el lugar");
    expect(text(question)).toContain(
      "¿Eliminar el lugar de expedición *06000 — Centro (ESCUELA KEMPER URGATE)*? Nadie lo tiene asignado.",
    );
    expect(interactiveElementsOf(question.blocks).map((element) => element.actionId)).toEqual([
      "places.place.remove.yes",
      "places.cancel",
    ]);
    await admin().clickButton({ actionId: "places.cancel", in: question });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Empresas y lugares");
    expect(await auditCount("place.removed")).toBe(0);

    // Sí pressed twice at once: one removal, one audit event; one click says removed, the other that
    // there is nothing left to do.
    await admin().clickButton({ actionId: "places.place.remove.ask", in: message });
    const again = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar el lugar");
    const since = harness.slack.workspace.lastSequence();
    await Promise.all([
      admin().clickButton({ actionId: "places.place.remove.yes", in: again }),
      admin().clickButton({ actionId: "places.place.remove.yes", in: again }),
    ]);
    const answers = await harness.slack.workspace.waitFor(() => {
      const posted = harness.slack.workspace
        .timeline(since)
        .filter((entry) => entry.kind === "response_url")
        .map((entry) => JSON.stringify(entry.request));
      return posted.length >= 2 ? posted : undefined;
    });
    expect(answers.filter((posted) => posted.includes("Se eliminó el lugar"))).toHaveLength(1);
    // The other click finds the place gone, or its confirmation already used: either way nothing more.
    expect(
      answers.filter((posted) => posted.includes("ya no existe") || posted.includes("ya se usó")),
    ).toHaveLength(1);
    expect(await auditCount("place.removed")).toBe(1);
    expect(await harness.testDatabase.database.prisma.issuingPlace.count()).toBe(0);

    message = admin().lastEphemeral();
    expect(text(message)).toContain("Página 1 de 1 · 1 empresa(s) · 0 lugar(es)");
    if (message === undefined) throw new Error("no catalogue");
    await admin().clickButton({ actionId: "places.company.remove.ask", in: message });
    const companyQuestion = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Eliminar la empresa");
    await admin().clickButton({ actionId: "places.company.remove.yes", in: companyQuestion });
    message = await harness.waitForEphemeral(PEOPLE.admin.id, "Se eliminó la empresa");
    expect(text(message)).toContain("🗑️ Se eliminó la empresa *ESCUELA KEMPER URGATE* (RFC EKU9003173C9).");
    expect(text(message)).toContain("Todavía no hay empresas.");
    expect(await auditCount("company.removed")).toBe(1);

    expect(harness.logs.filter((log) => log.level === "error")).toEqual([]);
  });
});
