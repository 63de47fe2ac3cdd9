// Twenty people change their password from the Slack modal at once, at production's bcrypt cost:
// Slack gets every answer within its 3 seconds — the outcome itself, or "Verificando…" followed
// by the outcome in the same modal — and every change is made once and shown to its owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../../src/application/users/create-portal-user.ts";
import type { TSlackView } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { seedBasics, slackContext } from "../../../support/seed.ts";
import { PEOPLE, person, startSlackHarness, type TSlackHarness } from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { accountSteps, textOf } from "./account-e2e-steps.ts";

const COUNT = 20;
const people = Array.from({ length: COUNT }, (_, index) => {
  const number = String(index + 1).padStart(2, "0");
  return person(`U0BURST0${number}`, `rafaga${number}`, `Persona Ráfaga ${number}`);
});

describe(`twenty password changes at once (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const steps = accountSteps(() => harness);
  const temporaryPasswords = new Map<string, string>();

  beforeAll(async () => {
    // The bot's own outbox poller delivers the welcome emails, retrying any refused under load.
    harness = await startSlackHarness({ morePeople: people, bcryptCost: 12, pollOutbox: true });
    const places = await seedBasics(harness.testDatabase.database);
    for (const someone of people) {
      await createPortalUser(harness.bot.dependencies, {
        context: slackContext(PEOPLE.admin.id),
        fields: {
          username: someone.name,
          fullName: someone.realName,
          email: someone.email,
          slackUserId: someone.id,
          placeIds: [places.kemperCentro],
        },
      });
    }
    await harness.smtp.waitForMessages(COUNT, { timeoutMilliseconds: 90_000 });
    // The burst below runs without the poller, as it did: the emails it queues are not its subject.
    await harness.bot.outboxWorker.stop();
    for (const someone of people) {
      const [welcome] = harness.mailbox.messagesTo(someone.email);
      if (welcome !== undefined) temporaryPasswords.set(someone.id, credentialsIn(welcome).password);
    }
  }, 180_000);
  afterAll(() => harness.stop());

  it("answers each within Slack's 3 seconds and shows each person the outcome", async () => {
    const forms = new Map<string, TSlackView>();
    for (const someone of people) {
      const account = await steps.myAccountCommand(someone.id);
      forms.set(someone.id, await steps.openPasswordForm(someone.id, account));
    }
    expect(temporaryPasswords.size).toBe(COUNT);
    const answers = await Promise.all(
      people.map((someone) =>
        harness.as(someone.id).submitView(forms.get(someone.id)?.id ?? "", {
          current_password: { value: temporaryPasswords.get(someone.id) ?? "" },
          new_password: { value: `mi frase propia y larga de ${someone.realName}` },
          confirmation: { value: `mi frase propia y larga de ${someone.realName}` },
        }),
      ),
    );
    expect(temporaryPasswords.size).toBe(COUNT);
    for (const answer of answers) expect(answer.acknowledged).toBe(true);

    // Each modal ends on the outcome, in the ack or through views.update after "Verificando…".
    for (const someone of people) {
      const shown = await harness.slack.workspace.waitFor(
        () => {
          const modal = harness.as(someone.id).openModal();
          return modal !== undefined && textOf(modal).includes("Tu contraseña cambió") ? modal : undefined;
        },
        { timeoutMilliseconds: 60_000, description: `${someone.name}'s outcome` },
      );
      expect(textOf(shown)).not.toContain("Verificando");
    }
    const changed = await harness.testDatabase.database.prisma.auditEvent.count({
      where: { action: "user.password_changed" },
    });
    expect(changed).toBe(COUNT);
  }, 120_000);
});
