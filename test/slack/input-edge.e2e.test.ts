// Text the database cannot hold as given, or that means nothing where it is typed, is refused at
// the edge of every surface, on its field: a NUL or a lone UTF-16 surrogate in a modal field, a
// command or a portal API body; control characters and bidi overrides in names; an email address
// that a mail library would read as another one. Nothing is stored, nothing answers 500, and the
// audit chain still verifies after each of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import { PortalApiPath } from "../../src/http/portal-api/portal-api-paths.ts";
import { PEOPLE, PORTAL_API_KEY, startSlackHarness, type TSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { expectAcknowledged, usersSteps } from "./features/users/users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const CHARACTERS = "Quita los caracteres invisibles o de control";

describe(`text at the edge (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";

  beforeAll(async () => {
    harness = await startSlackHarness();
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

  const prisma = () => harness.testDatabase.database.prisma;

  async function submitNewUser(fields: { username: string; fullName: string; email: string }) {
    const modal = await steps.openForm(ADMIN, "nuevo");
    const answer = await harness.as(ADMIN).submitView(
      modal.id,
      {
        username: { value: fields.username },
        full_name: { value: fields.fullName },
        email: { value: fields.email },
        places: { "users.places": [placeId] },
      },
      { skipClientChecks: true },
    );
    return { answer: expectAcknowledged(answer), errors: harness.as(ADMIN).openModal()?.errors ?? {} };
  }

  it.each([
    ["a NUL", "Ana\u0000Ruiz", "full_name"],
    ["a lone surrogate", "Ana \ud800Ruiz", "full_name"],
    ["a bidi override", "Ana \u202eziuR", "full_name"],
    ["a control character", "Ana\u0007Ruiz", "full_name"],
  ])("refuses %s in the person's name on its field, storing nothing", async (_case, fullName, blockId) => {
    const usersBefore = await prisma().portalUser.count();
    const { errors } = await submitNewUser({ username: "ana.ruiz", fullName, email: "ana@cliente.example" });
    expect(errors[blockId]).toContain(CHARACTERS);
    expect(await prisma().portalUser.count()).toBe(usersBefore);
  });

  it.each([
    ["a bidi override", "ana\u202e@cliente.example"],
    ["a control character", "ana\u0001@cliente.example"],
    ["a NUL", "ana\u0000@cliente.example"],
    ["a quoted local part", '"ana beto"@cliente.example'],
    ["a second address", "ana@cliente.example, beto@otra.example"],
    ["a non-ASCII local part", "josé@cliente.example"],
  ])("refuses an email with %s on the email field", async (_case, email) => {
    const usersBefore = await prisma().portalUser.count();
    const { errors } = await submitNewUser({ username: "ana.ruiz", fullName: "Ana Ruiz", email });
    expect(Object.keys(errors)).toEqual(["email"]);
    expect(await prisma().portalUser.count()).toBe(usersBefore);
  });

  it("refuses a NUL typed after /usuarios buscar in the reply, and answers no 500", async () => {
    const { answer, shown } = await steps.command(ADMIN, "buscar ana\u0000");
    expect(answer.status).toBe(200);
    expect(shown?.text ?? "").toContain(CHARACTERS);
  });

  it("refuses control characters in a search", async () => {
    const { shown } = await steps.command(ADMIN, "buscar ana\u0007");
    expect(shown?.text ?? "").toContain(CHARACTERS);
  });

  async function portal(path: string, body: string) {
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it.each([
    ["a NUL in the username", '{"username":"ana\\u0000","password":"x"}', "username"],
    ["a lone surrogate in the username", '{"username":"ana\\ud800","password":"x"}', "username"],
    ["a bidi override in the username", '{"username":"ana\\u202e","password":"x"}', "username"],
    ["a NUL in the password", '{"username":"ana.ruiz","password":"a\\u0000b"}', "password"],
    ["a lone surrogate in the password", '{"username":"ana.ruiz","password":"\\udfff"}', "password"],
  ])("answers a login with %s 400, naming the field", async (_case, body, field) => {
    const auditBefore = await prisma().auditEvent.count();
    const answer = await portal(PortalApiPath.LOGIN, body);
    expect(answer.status).toBe(400);
    expect(answer.json.problems).toEqual([expect.objectContaining({ field, code: "invalid_characters" })]);
    expect(await prisma().auditEvent.count()).toBe(auditBefore);
  });

  it("answers a password change with a NUL in the new password 400 on newPassword", async () => {
    const answer = await portal(
      PortalApiPath.PASSWORD,
      '{"username":"ana.ruiz","currentPassword":"x","newPassword":"una frase\\u0000larga y propia"}',
    );
    expect(answer.status).toBe(400);
    expect(answer.json.problems).toEqual([expect.objectContaining({ field: "newPassword" })]);
  });

  it("keeps the audit chain whole after all of the above", async () => {
    const failedLogin = await portal(PortalApiPath.LOGIN, '{"username":"nadie.aqui","password":"x"}');
    expect(failedLogin.status).toBe(401);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });
});
