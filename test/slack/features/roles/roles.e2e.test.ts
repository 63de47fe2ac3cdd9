// /usuarios roles end to end: who holds which role, granting through the form, removing with
// Sí / No, the last admin kept, and support agents reading only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAcknowledged, PATIENCE, textOf } from "../../../support/slack-answers.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";

describe(`/usuarios roles end to end (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
  });
  afterAll(() => harness.stop());

  const admin = () => harness.as(PEOPLE.admin.id);
  const activeRoles = (slackUserId: string) =>
    harness.testDatabase.database.prisma.roleAssignment.findMany({
      where: { slackUserId, revokedAt: null },
      select: { role: true },
    });

  it("shows the holders, and grants a role through the form", async () => {
    expectAcknowledged(await admin().runSlashCommand("/usuarios", "roles"));
    const list = admin().lastEphemeral();
    expect(textOf(list)).toContain("Roles del bot");
    expect(textOf(list)).toContain(`<@${PEOPLE.admin.id}>`);
    expect(textOf(list)).toContain(`<@${PEOPLE.support.id}>`);
    if (list === undefined) throw new Error("no list");
    const click = expectAcknowledged(await admin().clickButton({ actionId: "roles.grant", in: list }));
    await harness.slack.waitForCall("views.open", { since: click.sequence, ...PATIENCE });
    const modal = admin().openModal();
    if (modal === undefined) throw new Error("no form");
    expectAcknowledged(
      await admin().submitView(modal.id, {
        slack_user: { value: PEOPLE.accountant.id },
        role: { value: "SUPPORT" },
      }),
    );
    expect(admin().openModal()).toBeUndefined();
    expect(await activeRoles(PEOPLE.accountant.id)).toEqual([{ role: "SUPPORT" }]);
    await harness.waitForEphemeral(PEOPLE.admin.id, "Se otorgó el rol");
  });

  it("answers a role already held on the user field and stores nothing twice", async () => {
    const list = admin().lastEphemeral();
    if (list === undefined) throw new Error("no list");
    const click = expectAcknowledged(await admin().clickButton({ actionId: "roles.grant", in: list }));
    await harness.slack.waitForCall("views.open", { since: click.sequence, ...PATIENCE });
    const modal = admin().openModal();
    if (modal === undefined) throw new Error("no form");
    expectAcknowledged(
      await admin().submitView(modal.id, {
        slack_user: { value: PEOPLE.support.id },
        role: { value: "SUPPORT" },
      }),
    );
    expect(admin().openModal()?.errors).toEqual({ slack_user: "Ya tiene ese rol." });
    await admin().closeView(modal.id);
  });

  it("removes a role after Sí, and keeps the last admin", async () => {
    expectAcknowledged(await admin().runSlashCommand("/usuarios", "roles"));
    let list = admin().lastEphemeral();
    if (list === undefined) throw new Error("no list");
    const supportRow = {
      actionId: "roles.revoke.ask",
      in: list,
      blockId: `roles.row.SUPPORT.${PEOPLE.support.id}`,
    };
    expectAcknowledged(await admin().clickButton(supportRow));
    const question = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Quitar el rol *Soporte*");
    expectAcknowledged(await admin().clickButton({ actionId: "roles.revoke.yes", in: question }));
    await harness.waitForEphemeral(PEOPLE.admin.id, "Se quitó el rol");
    expect(await activeRoles(PEOPLE.support.id)).toEqual([]);

    list = admin().lastEphemeral();
    if (list === undefined) throw new Error("no list");
    expectAcknowledged(
      await admin().clickButton({
        actionId: "roles.revoke.ask",
        in: list,
        blockId: `roles.row.ADMIN.${PEOPLE.admin.id}`,
      }),
    );
    const last = await harness.waitForEphemeral(PEOPLE.admin.id, "¿Quitar el rol *Administrador*");
    expectAcknowledged(await admin().clickButton({ actionId: "roles.revoke.yes", in: last }));
    await harness.waitForEphemeral(PEOPLE.admin.id, "No se puede quitar al último administrador.");
    expect(await activeRoles(PEOPLE.admin.id)).toEqual([{ role: "ADMIN" }]);
  });

  it("shows a support agent the holders without buttons, and refuses someone without a role", async () => {
    const agent = harness.as(PEOPLE.accountant.id);
    expectAcknowledged(await agent.runSlashCommand("/usuarios", "roles"));
    const seen = agent.lastEphemeral();
    expect(textOf(seen)).toContain("Roles del bot");
    expect(JSON.stringify(seen?.blocks)).not.toContain("roles.revoke.ask");
    expectAcknowledged(await harness.as(PEOPLE.nobody.id).runSlashCommand("/usuarios", "roles"));
    expect(textOf(harness.as(PEOPLE.nobody.id).lastEphemeral())).toContain("No tienes permiso");
    const denied = await harness.testDatabase.database.prisma.auditEvent.count({
      where: { action: "access.denied", actorId: PEOPLE.nobody.id },
    });
    expect(denied).toBe(1);
  });
});
