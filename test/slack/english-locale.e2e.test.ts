// BOT_LOCALE=en: the same bot speaks English everywhere a person reads it — command answers, form
// labels, field errors, the audit channel and the emails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAcknowledged, PATIENCE, textOf } from "../support/slack-answers.ts";
import { PEOPLE, startSlackHarness, type TMailboxSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";

describe(`the bot in English (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  let placeId: string;

  beforeAll(async () => {
    harness = await startSlackHarness({ environment: { BOT_LOCALE: "en" }, mail: "sandbox mailbox" });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "36257", name: "Guanajuato" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  const admin = () => harness.as(PEOPLE.admin.id);

  it("answers commands and help in English", async () => {
    expectAcknowledged(await admin().runSlashCommand("/usuarios", "ayuda"));
    expect(textOf(admin().lastEphemeral())).toContain("*Contact:* soporte@premiumone.example");
    expectAcknowledged(await harness.as(PEOPLE.nobody.id).runSlashCommand("/micuenta"));
    expect(textOf(harness.as(PEOPLE.nobody.id).lastEphemeral())).toContain("Your Slack user is not linked");
  });

  it("labels the form, puts errors on the fields, and mails and audits in English", async () => {
    const opened = expectAcknowledged(await admin().runSlashCommand("/usuarios", "nuevo"));
    await harness.slack.waitForCall("views.open", { since: opened.sequence, ...PATIENCE });
    const modal = admin().openModal();
    if (modal === undefined) throw new Error("no form");
    expect(modal.title).toBe("New user");
    expectAcknowledged(
      await admin().submitView(modal.id, {
        username: { value: "x" },
        full_name: { value: "Xochilt Casas" },
        email: { value: "xochilt@cliente.example" },
        places: { "users.places": [placeId] },
      }),
    );
    expect(admin().openModal()?.errors).toEqual({
      username: "3 to 32 characters: lower-case letters, digits, dot, hyphen or underscore.",
    });
    expectAcknowledged(await admin().submitView(modal.id, { username: { value: "xochilt.casas" } }));
    await harness.drainOutbox();
    const email = harness.mailbox
      .messages()
      .find((message) => message.text.includes("Username: xochilt.casas"));
    expect(email?.text).toContain("Temporary password: ");
    expect(harness.slack.messagesIn("C0AUDIT01").map((message) => message.text)).toContainEqual(
      expect.stringContaining(`<@${PEOPLE.admin.id}> created the user *xochilt.casas*`),
    );
  });
});
