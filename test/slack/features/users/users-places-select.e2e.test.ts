// The form's Lugares de expedición once there are more than 100 places: a searchable external select
// whose options (block_suggestion) read `<código postal> — <nombre> (<razón social>)`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findInteractiveElement,
  textOf as textObjectText,
} from "../../../../src/sandbox/block-kit-reading.ts";
import type { TJsonObject } from "../../../../src/sandbox/json.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const PLACE_LABEL = /^\d{5} — .+ \(.+\)$/;

describe(`/usuarios form with more than 100 places (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let centroId = "";

  beforeAll(async () => {
    harness = await startSlackHarness();
    const prisma = harness.testDatabase.database.prisma;
    const companies = await Promise.all(
      [
        { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
        { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
      ].map((data) => prisma.company.create({ data })),
    );
    await prisma.issuingPlace.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        companyId: (index % 2 === 0 ? companies[0] : companies[1])?.id ?? "",
        postalCode: String(20_000 + index),
        name: `Sucursal ${index + 1}`,
      })),
    });
    centroId = (
      await prisma.issuingPlace.create({
        data: { companyId: companies[0]?.id ?? "", postalCode: "06000", name: "Centro" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  const optionLabels = (options: readonly TJsonObject[]) =>
    options.map((option) => textObjectText(option.text));

  it("offers the places as a searchable multi_external_select answering with labelled matches", async () => {
    const modal = await steps.openForm(ADMIN, "nuevo");
    const places = findInteractiveElement(modal.blocks, { blockId: "places", actionId: "users.places" });
    expect(places?.type).toBe("multi_external_select");
    expect(places?.element.options).toBeUndefined();

    const byPostalCode = expectAcknowledged(
      await harness.as(ADMIN).requestOptions("users.places", "places", "06000", modal.id),
    );
    expect(optionLabels(byPostalCode.options)).toEqual(["06000 — Centro (ESCUELA KEMPER URGATE)"]);
    expect(byPostalCode.options.map((option) => option.value)).toEqual([centroId]);

    const byCompany = expectAcknowledged(
      await harness.as(ADMIN).requestOptions("users.places", "places", "xenon", modal.id),
    );
    const labels = optionLabels(byCompany.options);
    expect(labels).toHaveLength(60);
    for (const label of labels) {
      expect(label).toMatch(PLACE_LABEL);
      expect(label).toContain("(XENON INDUSTRIAL ARTICLES)");
    }

    const everything = expectAcknowledged(
      await harness.as(ADMIN).requestOptions("users.places", "places", "sucursal", modal.id),
    );
    expect(everything.options).toHaveLength(100);

    const centro = expectAcknowledged(
      await harness.as(ADMIN).requestOptions("users.places", "places", "centro kemper", modal.id),
    );
    const saved = await steps.submit(ADMIN, modal.id, {
      username: { value: "lugar.externo" },
      full_name: { value: "Lugar Externo" },
      email: { value: "lugar.externo@cliente.example" },
      places: { "users.places": centro.options.map((option) => String(option.value)) },
    });
    expect(harness.as(ADMIN).openModal()).toBeUndefined();
    const list = await steps.responseAfter(ADMIN, saved);
    expect(textOf(list)).toContain("✅ Se creó al usuario *lugar.externo*");
    expect(textOf(list)).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    const stored = await harness.testDatabase.database.prisma.portalUser.findUnique({
      where: { username: "lugar.externo" },
      select: { places: { select: { placeId: true } } },
    });
    expect(stored?.places).toEqual([{ placeId: centroId }]);
  });

  it("shows the places already held as the select's initial options when editing", async () => {
    const modal = await steps.openForm(ADMIN, "editar lugar.externo");
    const places = findInteractiveElement(modal.blocks, { blockId: "places", actionId: "users.places" });
    expect(places?.type).toBe("multi_external_select");
    expect(JSON.stringify(places?.element.initial_options)).toContain(
      "06000 — Centro (ESCUELA KEMPER URGATE)",
    );
    await harness.as(ADMIN).closeView(modal.id);
  });

  it("answers no options to a person with no role, and audits the refusal", async () => {
    const adminForm = await steps.openForm(ADMIN, "nuevo");
    const forged = harness.slack.workspace.openModal(PEOPLE.nobody.id, adminForm.definition);
    const lastId = (await steps.auditRows()).at(-1)?.id ?? 0n;
    const answer = expectAcknowledged(
      await harness.as(PEOPLE.nobody.id).requestOptions("users.places", "places", "06000", forged.id),
    );
    expect(answer.options).toEqual([]);
    const refusals = (await steps.auditRows()).filter((row) => row.id > lastId);
    expect(refusals).toMatchObject([
      { action: "access.denied", actorId: PEOPLE.nobody.id, changes: { attempted: "place.search" } },
    ]);
    await harness.as(ADMIN).closeView(adminForm.id);
  });
});
