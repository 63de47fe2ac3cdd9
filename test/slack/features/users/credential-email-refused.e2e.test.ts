// A welcome email refused for good (550 no such mailbox) leaves an account whose password nobody
// knows: the admin who created it is told by DM with the account, the address and the reason; the
// audit trail names the account (so /auditoria <cuenta> and the channel show it); the list shows
// "correo rechazado" beside Restablecer; fixing the address and resetting sends one that arrives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_CHANNEL,
  PEOPLE,
  startSlackHarness,
  type TSlackHarness,
} from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, textOf, usersSteps } from "./users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const SUPPORT = PEOPLE.support.id;

describe(`a credentials email refused for good (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";

  beforeAll(async () => {
    harness = await startSlackHarness({
      smtp: {
        refuseRecipient: (address) =>
          address.startsWith("no.existe@")
            ? { responseCode: 550, message: "5.1.1 No such user here" }
            : undefined,
      },
    });
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

  it("tells the admin, audits it against the account, and shows it in the list until a reset gets through", async () => {
    const modal = await steps.openForm(ADMIN, "nuevo");
    await steps.submit(ADMIN, modal.id, {
      username: { value: "lupe.rios" },
      full_name: { value: "Lupe Ríos" },
      email: { value: "no.existe@cliente.example" },
      places: { "users.places": [placeId] },
    });
    await harness.drainOutbox();
    expect(harness.mailbox.messagesTo("no.existe@cliente.example")).toEqual([]);

    // The audit event names the account and the address, and the channel says so.
    const [event] = await steps.auditRows("user.credentials_email_failed");
    expect(event).toMatchObject({ targetLabel: "lupe.rios", result: "failed" });
    expect(event?.changes).toMatchObject({
      emailedTo: "no.existe@cliente.example",
      credentialEmail: "welcome",
    });
    expect(JSON.stringify(event?.changes)).toContain("No such user here");
    const posts = harness.slack.messagesIn(AUDIT_CHANNEL.id).map((message) => message.text);
    expect(posts.some((text) => text.includes("no pudo entregar el correo de acceso de *lupe.rios*"))).toBe(
      true,
    );

    // The admin who created it is told, with the account, the address and the reason.
    const notice = harness.slack.messagesIn(ADMIN).find((message) => message.text.includes("📭"));
    expect(notice?.text).toContain("*lupe.rios*");
    expect(notice?.text).toContain("no.existe@cliente.example");
    expect(notice?.text).toContain("No such user here");

    // /auditoria lupe.rios shows it to support.
    expectAcknowledged(await harness.as(SUPPORT).runSlashCommand("/auditoria", "lupe.rios"));
    expect(textOf(harness.as(SUPPORT).lastEphemeral())).toContain("no pudo entregar el correo de acceso de");

    // "Ver la cuenta" opens the list on the account, marked, with Restablecer at hand.
    if (notice === undefined) throw new Error("no notice");
    const click = await steps.click(ADMIN, { actionId: "users.page.show", in: notice });
    const list = await harness.slack.workspace.waitFor(() => {
      const replaced = harness.slack.workspace.message(notice.channel, notice.ts);
      return harness.slack.timeline(click.sequence).some((entry) => entry.kind === "response_url")
        ? replaced
        : undefined;
    });
    expect(textOf(list)).toContain("*lupe.rios* — Lupe Ríos");
    expect(textOf(list)).toContain("📭 correo rechazado");
    expect(textOf(list)).toContain("Restablecer contraseña");

    // The admin fixes the address and resets: the new email arrives and the mark goes.
    const edit = await steps.clickToOpenForm(ADMIN, { actionId: "users.edit", in: list });
    const saved = await steps.submit(ADMIN, edit.id, { email: { value: "lupe.rios@cliente.example" } });
    await steps.responseAfter(ADMIN, saved);
    const fixed = (await steps.command(ADMIN, "buscar lupe.rios")).shown;
    if (fixed === undefined) throw new Error("no list");
    const question = await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.ask", in: fixed });
    await steps.clickAndWaitForAnswer(ADMIN, { actionId: "users.reset.yes", in: question });
    await harness.drainOutbox();
    expect(harness.mailbox.messagesTo("lupe.rios@cliente.example")).toHaveLength(1);
    const after = (await steps.command(ADMIN, "buscar lupe.rios")).shown;
    expect(textOf(after)).toContain("*lupe.rios* — Lupe Ríos");
    expect(textOf(after)).not.toContain("correo rechazado");
  });
});
