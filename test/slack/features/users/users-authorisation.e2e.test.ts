// Who may do what in /usuarios, at every entry: the command's text forms, each button (clicked as
// someone the message was not shown to, with the admin's button value) and the form's submission.
// Each refusal is answered clearly, changes nothing and writes an access.denied audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interactiveElementsOf } from "../../../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage, TSlackView } from "../../../../src/sandbox/slack-records.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const SUPPORT = PEOPLE.support.id;
const NOBODY = PEOPLE.nobody.id;
const REFUSAL = "No tienes permiso para esto. Si lo necesitas, pídelo a un administrador.";

describe(`/usuarios authorisation end to end (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";

  beforeAll(async () => {
    harness = await startSlackHarness();
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "76000", name: "Querétaro" },
      })
    ).id;
    await steps.createUser({ username: "ana.ruiz", fullName: "Ana Ruiz", placeIds: [placeId] });
    await steps.createUser({ username: "beto.diaz", fullName: "Beto Díaz", placeIds: [placeId] });
    await harness.drainOutbox();
  });
  afterAll(() => harness.stop());

  const prisma = () => harness.testDatabase.database.prisma;
  /** Every account as stored, to show that a refused request changed nothing. */
  const accounts = () => prisma().portalUser.findMany({ orderBy: { username: "asc" } });
  const lastAuditId = async () => (await steps.auditRows()).at(-1)?.id ?? 0n;
  async function refusalsSince(auditId: bigint) {
    const rows = await prisma().auditEvent.findMany({
      where: { id: { gt: auditId } },
      orderBy: { id: "asc" },
    });
    for (const row of rows) {
      expect(row.action).toBe("access.denied");
      expect(row.result).toBe("denied");
    }
    return rows.map((row) => ({
      actorId: row.actorId,
      attempted: (row.changes as { attempted?: unknown } | null)?.attempted,
    }));
  }

  async function adminSurface(text: string): Promise<TSlackMessage> {
    const { shown } = await steps.command(ADMIN, text);
    if (shown === undefined) throw new Error(`no answer to /usuarios ${text}`);
    return shown;
  }

  describe("the command", () => {
    it("shows a support agent the list without any button, and audits nothing", async () => {
      const auditId = await lastAuditId();
      const { shown } = await steps.command(SUPPORT);
      if (shown === undefined) throw new Error("no list");
      expect(textOf(shown)).toContain("Usuarios del portal");
      expect(textOf(shown)).toContain("*ana.ruiz* — Ana Ruiz");
      expect(textOf(shown)).toContain("*beto.diaz* — Beto Díaz");
      expect(interactiveElementsOf(shown.blocks)).toEqual([]);
      expect(textOf(shown)).not.toContain("Nuevo usuario");
      expect(textOf(shown)).not.toContain("Eliminar");
      expect(await refusalsSince(auditId)).toEqual([]);
    });

    it.each([
      ["nuevo", "user.created"],
      ["editar ana.ruiz", "user.updated"],
      ["eliminar ana.ruiz", "user.deleted"],
      ["restablecer ana.ruiz", "user.password_reset"],
      ["eliminar x", "user.deleted"],
    ])("refuses a support agent `/usuarios %s` and audits it", async (text, attempted) => {
      const before = await accounts();
      const auditId = await lastAuditId();
      const { answer, shown } = await steps.command(SUPPORT, text);
      expect(textOf(shown)).toBe(REFUSAL);
      expect(interactiveElementsOf(shown?.blocks ?? [])).toEqual([]);
      expect(harness.slack.timeline(answer.sequence).some((entry) => entry.name === "views.open")).toBe(
        false,
      );
      expect(await refusalsSince(auditId)).toEqual([{ actorId: SUPPORT, attempted }]);
      expect(await accounts()).toEqual(before);
    });

    it("refuses `/usuarios` to a person with no role and audits it", async () => {
      const auditId = await lastAuditId();
      const { shown } = await steps.command(NOBODY);
      expect(textOf(shown)).toBe(REFUSAL);
      expect(textOf(shown)).not.toContain("ana.ruiz");
      expect(await refusalsSince(auditId)).toEqual([{ actorId: NOBODY, attempted: "user.list" }]);
    });
  });

  describe("forged button clicks", () => {
    const forgeries: ReadonlyArray<readonly [string, string, string, string]> = [
      // [who, where the admin's button is, its action id, the change attempted]
      ["support", "buscar ana.ruiz", "users.new", "user.created"],
      ["support", "buscar ana.ruiz", "users.edit", "user.updated"],
      ["support", "buscar ana.ruiz", "users.delete.ask", "user.deleted"],
      ["support", "buscar ana.ruiz", "users.reset.ask", "user.password_reset"],
      ["support", "buscar ana.ruiz", "users.disable", "user.disabled"],
      ["support", "eliminar ana.ruiz", "users.delete.yes", "user.deleted"],
      ["support", "restablecer ana.ruiz", "users.reset.yes", "user.password_reset"],
      ["nobody", "buscar ana.ruiz", "users.new", "user.created"],
      ["nobody", "buscar ana.ruiz", "users.edit", "user.updated"],
      ["nobody", "buscar ana.ruiz", "users.delete.ask", "user.deleted"],
      ["nobody", "buscar ana.ruiz", "users.disable", "user.disabled"],
      ["nobody", "eliminar ana.ruiz", "users.delete.yes", "user.deleted"],
      ["nobody", "restablecer ana.ruiz", "users.reset.yes", "user.password_reset"],
      ["nobody", "eliminar ana.ruiz", "users.cancel", "user.list"],
    ];

    it.each(forgeries)(
      "%s clicking the admin's %s → %s is refused and changes nothing",
      async (who, where, actionId, attempted) => {
        const forgerId = who === "support" ? SUPPORT : NOBODY;
        const surface = await adminSurface(where);
        const before = await accounts();
        const auditId = await lastAuditId();

        // Slack's client refuses to click what the person does not see…
        await expect(harness.as(forgerId).clickButton({ actionId, in: surface })).rejects.toThrow();
        // …so the click is forged: the admin's button, with its value, sent as someone else.
        const answer = expectAcknowledged(await steps.forgeClick(forgerId, surface, { actionId }));
        const seen = await steps.responseAfter(forgerId, answer);
        expect(textOf(seen)).toContain(REFUSAL);
        expect(textOf(seen)).not.toContain("¿Eliminar");
        expect(textOf(seen)).not.toContain("¿Restablecer");

        // One refusal, one audit row — naming the account by its username, not its id.
        expect(await refusalsSince(auditId)).toEqual([{ actorId: forgerId, attempted }]);
        const [row] = await prisma().auditEvent.findMany({ where: { id: { gt: auditId } } });
        if (
          surface.blocks.some((block) => JSON.stringify(block).includes('"userId":')) &&
          actionId !== "users.new"
        )
          expect(row?.targetLabel).toBe(actionId === "users.cancel" ? null : "ana.ruiz");
        expect(await accounts()).toEqual(before);
        expect(harness.as(forgerId).openModal()).toBeUndefined();
        expect(harness.slack.workspace.message(surface.channel, surface.ts)?.blocks).toEqual(surface.blocks);
      },
    );
  });

  describe("forged form submissions", () => {
    /** The admin's open form, shown to `forgerId` as a tampered client would, and submitted by them. */
    async function submitAdminFormAs(
      forgerId: string,
      text: string,
      values: Parameters<typeof steps.submit>[2],
    ) {
      const adminForm: TSlackView = await steps.openForm(ADMIN, text);
      const forged = harness.slack.workspace.openModal(forgerId, adminForm.definition);
      const answer = await steps.submit(forgerId, forged.id, values);
      await harness.as(ADMIN).closeView(adminForm.id);
      return { answer, view: harness.slack.viewById(forged.id) };
    }

    it.each([
      ["support", SUPPORT],
      ["nobody", NOBODY],
    ])(
      "a new-user form submitted by %s is refused in the modal and stores nothing",
      async (_who, forgerId) => {
        const before = await accounts();
        const auditId = await lastAuditId();
        const { view } = await submitAdminFormAs(forgerId, "nuevo", {
          username: { value: "intruso" },
          full_name: { value: "Intruso" },
          email: { value: "intruso@cliente.example" },
          places: { "users.places": [placeId] },
        });
        expect(view?.isOpen).toBe(true);
        expect(Object.values(view?.errors ?? {})).toEqual([REFUSAL]);
        expect(await accounts()).toEqual(before);
        expect(await refusalsSince(auditId)).toEqual([{ actorId: forgerId, attempted: "user.created" }]);
      },
    );

    it("an edit form submitted by a support agent is refused and changes nothing", async () => {
      const before = await accounts();
      const auditId = await lastAuditId();
      const { view } = await submitAdminFormAs(SUPPORT, "editar ana.ruiz", {
        full_name: { value: "Ana Cambiada" },
      });
      expect(Object.values(view?.errors ?? {})).toEqual([REFUSAL]);
      expect(await accounts()).toEqual(before);
      expect(await refusalsSince(auditId)).toEqual([{ actorId: SUPPORT, attempted: "user.updated" }]);
    });
  });
});
