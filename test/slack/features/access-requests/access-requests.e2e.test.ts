// Access requests end to end, as the people see them: a Slack person with no account finds
// Solicitar acceso in /micuenta, the DM and the App Home, fills the form (bad input answered on the
// fields), and the request reaches every admin's DM with Aprobar / Rechazar. Aprobar opens the create
// form filled from the request: the account is created like any other (welcome email, DM), the
// requester is told, every copy of the request is updated; a stale copy cannot decide it again, and
// two admins approving at once make one account. Rechazar asks an optional reason the requester is
// told. A support agent and a stranger are refused and audited; `/usuarios solicitudes` lists the
// open ones; the expiry job closes a request past its days and tells the requester.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireAccessRequests } from "../../../../src/application/access-requests/expire-access-requests.ts";
import { submitAccessRequest } from "../../../../src/application/access-requests/submit-access-request.ts";
import { visibleTextOf } from "../../../../src/sandbox/block-kit-reading.ts";
import { castPerson } from "../../../../src/sandbox/cast.ts";
import type { TSlackMessage } from "../../../../src/sandbox/slack-records.ts";
import { credentialsIn } from "../../../support/credentials-email.ts";
import { slackContext } from "../../../support/seed.ts";
import {
  AUDIT_CHANNEL,
  PEOPLE,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../../support/slack-harness.ts";
import { testDatabaseKind } from "../../../support/test-database.ts";
import { expectAcknowledged, usersSteps } from "../users/users-e2e-steps.ts";

const ADMIN = PEOPLE.admin.id;
const SECOND_ADMIN_PERSON = castPerson("U0ADMIN02", "admin2", "Alberto Admin");
const SECOND_ADMIN = SECOND_ADMIN_PERSON.id;
const ANA = castPerson("U0PIDE0001", "ana", "Ana López");
const BETO = castPerson("U0PIDE0002", "beto", "Beto Ruiz");
const CARO = castPerson("U0PIDE0003", "caro", "Carolina Díaz");
const EVA = castPerson("U0PIDE0004", "eva", "Eva Soto");

const text = (message: { blocks: readonly unknown[] } | undefined) =>
  message === undefined ? "" : visibleTextOf(message.blocks as never);

describe(`access requests (${testDatabaseKind} database)`, () => {
  let harness: TMailboxSlackHarness;
  const steps = usersSteps(() => harness, ADMIN);
  let placeId = "";
  const prisma = () => harness.testDatabase.database.prisma;
  const as = (id: string) => harness.as(id);

  /** The copy of `fullName`'s request in an admin's DM, as that admin sees it now. */
  function requestMessageOf(adminId: string, fullName: string): TSlackMessage {
    const message = as(adminId)
      .directMessages()
      .find((candidate) => candidate.fromApp && text(candidate).includes(`*Nombre:* ${fullName}`));
    if (message === undefined) throw new Error(`${adminId} was not sent the request of ${fullName}`);
    return harness.slack.workspace.message(message.channel, message.ts) ?? message;
  }
  const requestOf = (slackUserId: string) =>
    prisma().accessRequest.findFirstOrThrow({ where: { slackUserId }, orderBy: { createdAt: "desc" } });
  const appDirectMessagesTo = (id: string) =>
    as(id)
      .directMessages()
      .filter((message) => message.fromApp)
      .map((message) => message.text);
  async function request(person: { id: string; realName: string }, email: string) {
    const created = await submitAccessRequest(harness.bot.dependencies, {
      context: slackContext(person.id),
      fields: { fullName: person.realName, email, placeIds: [placeId], reason: "Facturo para la sucursal" },
    });
    await harness.drainOutbox();
    return created;
  }
  async function openModalAfterClick(personId: string, surface: TSlackMessage, actionId: string) {
    const answer = expectAcknowledged(await as(personId).clickButton({ actionId, in: surface }));
    await harness.slack.waitForCall("views.open", { since: answer.sequence });
    const modal = as(personId).openModal();
    if (modal === undefined) throw new Error("no modal opened");
    return modal;
  }

  beforeAll(async () => {
    harness = await startSlackHarness({
      mail: "sandbox mailbox",
      morePeople: [SECOND_ADMIN_PERSON, ANA, BETO, CARO, EVA],
      environment: { ADMIN_SLACK_USER_IDS: `${ADMIN},${SECOND_ADMIN}` },
    });
    const company = await prisma().company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    placeId = (
      await prisma().issuingPlace.create({
        data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
      })
    ).id;
  });
  afterAll(() => harness.stop());

  it("offers Solicitar acceso to a person with no account, answers bad input on the fields, and posts the request to every admin", async () => {
    expectAcknowledged(await as(ANA.id).runSlashCommand("/micuenta"));
    const summary = as(ANA.id).lastEphemeral();
    expect(text(summary)).toContain("Solicitar acceso");
    expectAcknowledged(await as(ANA.id).sendDirectMessage("hola"));
    await harness.slack.workspace.waitFor(() =>
      as(ANA.id)
        .directMessages()
        .find((message) => message.fromApp && text(message).includes("Solicitar acceso")),
    );
    expectAcknowledged(await as(ANA.id).openAppHome());
    await harness.slack.workspace.waitFor(() =>
      text(as(ANA.id).home()).includes("Solicitar acceso") ? true : undefined,
    );
    if (summary === undefined) throw new Error("no summary");

    const form = await openModalAfterClick(ANA.id, summary, "access_requests.request");
    expect(form.title).toBe("Solicitar acceso");
    for (const label of ["Nombre de la persona", "Correo electrónico", "Lugares de expedición", "Motivo"])
      expect(text(form)).toContain(label);
    expectAcknowledged(
      await as(ANA.id).submitView(form.id, {
        full_name: { value: "   " },
        email: { value: "no es un correo" },
        places: { "access_requests.places": [placeId] },
        reason: { value: "  " },
      }),
    );
    expect(as(ANA.id).openModal()?.errors).toEqual({
      full_name: "Escribe el nombre (hasta 120 caracteres).",
      email: "Escribe un correo válido, por ejemplo nombre@empresa.com.",
      reason: "Cuéntanos para qué necesitas la cuenta (hasta 500 caracteres).",
    });
    expect(await prisma().accessRequest.count()).toBe(0);

    expectAcknowledged(
      await as(ANA.id).submitView(form.id, {
        full_name: { value: "Ana López" },
        email: { value: "ana.lopez@cliente.example" },
        places: { "access_requests.places": [placeId] },
        reason: { value: "Facturo para la sucursal Matriz" },
      }),
    );
    expect(as(ANA.id).openModal()?.title).toBe("Solicitud enviada");
    expect(text(as(ANA.id).openModal())).toContain("Envié tu solicitud a los administradores");
    const stored = await requestOf(ANA.id);
    expect(stored).toMatchObject({ status: "OPEN", email: "ana.lopez@cliente.example", placeIds: [placeId] });

    await harness.drainOutbox();
    for (const adminId of [ADMIN, SECOND_ADMIN]) {
      const posted = requestMessageOf(adminId, "Ana López");
      expect(text(posted)).toContain("*Motivo:* Facturo para la sucursal Matriz");
      expect(text(posted)).toContain("26015 — Matriz (ESCUELA KEMPER URGATE)");
      expect(text(posted)).toContain("Aprobar");
      expect(text(posted)).toContain("Rechazar");
    }
    const audited = harness.slack.messagesIn(AUDIT_CHANNEL.id).map((message) => message.text);
    expect(
      audited.some((line) =>
        line.includes("solicitó acceso al portal para *Ana López* · `access_request.created`"),
      ),
    ).toBe(true);

    // A second request while the first is open is refused kindly, naming the first.
    const again = await openModalAfterClick(ANA.id, summary, "access_requests.request");
    expect(text(again)).toContain("Ya tienes una solicitud de acceso abierta");
    expect(await prisma().accessRequest.count()).toBe(1);
    expectAcknowledged(await as(ANA.id).runSlashCommand("/micuenta"));
    expect(text(as(ANA.id).lastEphemeral())).toContain("Tu solicitud de acceso");
    expect(text(as(ANA.id).lastEphemeral())).not.toContain("Solicitar acceso");
  });

  it("lists the open requests for admins in /usuarios solicitudes, and refuses the list to a support agent", async () => {
    const { shown } = await steps.command(ADMIN, "solicitudes");
    expect(text(shown)).toContain("Solicitudes de acceso abiertas");
    expect(text(shown)).toContain("*Nombre:* Ana López");
    const refused = await steps.command(PEOPLE.support.id, "solicitudes");
    expect(refused.shown?.text).toContain("No tienes permiso");
  });

  it("refuses Aprobar and Rechazar from a support agent and a stranger, told why and audited", async () => {
    const posted = requestMessageOf(ADMIN, "Ana López");
    const id = (await requestOf(ANA.id)).id;
    const deniedBefore = await prisma().auditEvent.count({ where: { action: "access.denied" } });
    for (const [forger, role] of [
      [PEOPLE.support.id, "SUPPORT"],
      [PEOPLE.nobody.id, "NONE"],
    ] as const) {
      for (const actionId of ["access_requests.approve", "access_requests.reject"]) {
        const answer = await steps.forgeClick(forger, posted, { actionId, value: id });
        expect(answer.acknowledged).toBe(true);
        await harness.slack.workspace.waitFor(() =>
          text(harness.slack.ephemeralFor(forger).at(-1)).includes("No tienes permiso") ? true : undefined,
        );
      }
      const denied = await prisma().auditEvent.findMany({
        where: { action: "access.denied", actorId: forger },
        orderBy: { id: "asc" },
      });
      expect(denied.map((row) => (row.changes as { attempted?: string }).attempted).slice(-2)).toEqual([
        "access_request.approved",
        "access_request.rejected",
      ]);
      expect(denied.at(-1)).toMatchObject({ actorRole: role, result: "denied", targetLabel: "Ana López" });
    }
    expect(await prisma().auditEvent.count({ where: { action: "access.denied" } })).toBe(deniedBefore + 4);
    expect((await requestOf(ANA.id)).status).toBe("OPEN");
    expect(await prisma().portalUser.count()).toBe(0);
  });

  it("approves through the create form filled from the request: the account created, the requester told, every copy updated, a stale copy refused", async () => {
    const form = await openModalAfterClick(
      ADMIN,
      requestMessageOf(ADMIN, "Ana López"),
      "access_requests.approve",
    );
    expect(form.title).toBe("Aprobar solicitud");
    expect(text(form)).toContain("Cuenta del usuario");
    expect(text(form)).toContain("quien pidió el acceso");
    expectAcknowledged(await as(ADMIN).submitView(form.id, {}));
    expect(as(ADMIN).openModal()).toBeUndefined();

    const account = await prisma().portalUser.findUniqueOrThrow({
      where: { username: "ana.lopez" },
      include: { places: true },
    });
    expect(account).toMatchObject({
      fullName: "Ana López",
      email: "ana.lopez@cliente.example",
      slackUserId: ANA.id,
    });
    expect(account.places.map((place) => place.placeId)).toEqual([placeId]);
    expect(await requestOf(ANA.id)).toMatchObject({
      status: "APPROVED",
      decidedBy: ADMIN,
      approvedUsername: "ana.lopez",
      openForSlackUserId: null,
    });

    // The second admin's copy is not updated yet: its Rechazar is answered with who approved.
    const stale = requestMessageOf(SECOND_ADMIN, "Ana López");
    expectAcknowledged(await as(SECOND_ADMIN).clickButton({ actionId: "access_requests.reject", in: stale }));
    await harness.slack.workspace.waitFor(() =>
      text(harness.slack.ephemeralFor(SECOND_ADMIN).at(-1)).includes("Esta solicitud ya la aprobó")
        ? true
        : undefined,
    );
    expect(as(SECOND_ADMIN).openModal()).toBeUndefined();

    await harness.drainOutbox();
    const [welcome] = harness.mailbox.messagesTo("ana.lopez@cliente.example");
    expect(credentialsIn(welcome ?? {}).username).toBe("ana.lopez");
    expect(
      appDirectMessagesTo(ANA.id).some((line) => line.includes("Tu solicitud de acceso fue aprobada")),
    ).toBe(true);
    expect(appDirectMessagesTo(ANA.id).some((line) => line.includes("*ana.lopez*"))).toBe(true);
    for (const adminId of [ADMIN, SECOND_ADMIN]) {
      const updated = requestMessageOf(adminId, "Ana López");
      expect(text(updated)).toContain("Aprobada por");
      expect(text(updated)).toContain("ana.lopez");
      expect(text(updated)).not.toContain("Rechazar");
    }
    expect(harness.slack.calls("chat.update").length).toBeGreaterThanOrEqual(2);
    const rows = await steps.auditRows("access_request.approved");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ADMIN, targetLabel: "Ana López", result: "success" });
    expect(await steps.auditRows("user.created")).toHaveLength(1);
    const audited = harness.slack.messagesIn(AUDIT_CHANNEL.id).map((message) => message.text);
    expect(audited.some((line) => line.includes("aprobó la solicitud de acceso de *Ana López*"))).toBe(true);
    expect(text(harness.slack.ephemeralFor(ADMIN).at(-1))).toContain("Aprobaste la solicitud de *Ana López*");
  });

  it("rejects with a reason: the requester told it, every copy updated, no account made", async () => {
    await request(BETO, "beto.ruiz@cliente.example");
    const form = await openModalAfterClick(
      ADMIN,
      requestMessageOf(ADMIN, "Beto Ruiz"),
      "access_requests.reject",
    );
    expect(form.title).toBe("Rechazar solicitud");
    expectAcknowledged(await as(ADMIN).submitView(form.id, { note: { value: "No trabaja con nosotros" } }));
    expect(as(ADMIN).openModal()).toBeUndefined();
    expect(await requestOf(BETO.id)).toMatchObject({
      status: "REJECTED",
      decidedBy: ADMIN,
      decisionNote: "No trabaja con nosotros",
    });
    await harness.drainOutbox();
    expect(appDirectMessagesTo(BETO.id)).toContain(
      "❌ Tu solicitud de acceso al portal PremiumOne fue rechazada. Motivo: No trabaja con nosotros",
    );
    for (const adminId of [ADMIN, SECOND_ADMIN]) {
      const updated = requestMessageOf(adminId, "Beto Ruiz");
      expect(text(updated)).toContain("Rechazada por");
      expect(text(updated)).toContain("Motivo: No trabaja con nosotros");
      expect(text(updated)).not.toContain("Aprobar");
    }
    const [row] = await steps.auditRows("access_request.rejected");
    expect(row).toMatchObject({ actorId: ADMIN, targetLabel: "Beto Ruiz" });
    expect(row?.changes).toMatchObject({ reason: "No trabaja con nosotros" });
    expect(await prisma().portalUser.count({ where: { slackUserId: BETO.id } })).toBe(0);
  });

  it("decides once when two admins approve at the same moment", async () => {
    await request(CARO, "carolina.diaz@cliente.example");
    const first = await openModalAfterClick(
      ADMIN,
      requestMessageOf(ADMIN, "Carolina Díaz"),
      "access_requests.approve",
    );
    const second = await openModalAfterClick(
      SECOND_ADMIN,
      requestMessageOf(SECOND_ADMIN, "Carolina Díaz"),
      "access_requests.approve",
    );
    const [one, two] = await Promise.all([
      as(ADMIN).submitView(first.id, {}),
      as(SECOND_ADMIN).submitView(second.id, { username: { value: "caro.diaz" } }),
    ]);
    expectAcknowledged(one);
    expectAcknowledged(two);
    const stillOpen = [as(ADMIN).openModal(), as(SECOND_ADMIN).openModal()].filter(
      (modal) => modal !== undefined,
    );
    expect(stillOpen).toHaveLength(1);
    expect(Object.values(stillOpen[0]?.errors ?? {}).join(" ")).toContain("Esta solicitud ya la aprobó");
    expect(await prisma().portalUser.count({ where: { slackUserId: CARO.id } })).toBe(1);
    const approvals = await prisma().auditEvent.count({
      where: { action: "access_request.approved", targetLabel: "Carolina Díaz" },
    });
    expect(approvals).toBe(1);
    expect((await requestOf(CARO.id)).status).toBe("APPROVED");
  });

  it("expires a request past its days: the requester told, every copy updated, audited; then they may ask again", async () => {
    await request(EVA, "eva.soto@cliente.example");
    const before = requestMessageOf(ADMIN, "Eva Soto");
    expect(await expireAccessRequests(harness.bot.dependencies)).toBe(0);
    await prisma().accessRequest.updateMany({
      where: { slackUserId: EVA.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    // Past its days, a click is already refused, before the job runs.
    expectAcknowledged(await as(ADMIN).clickButton({ actionId: "access_requests.approve", in: before }));
    await harness.slack.workspace.waitFor(() =>
      text(harness.slack.ephemeralFor(ADMIN).at(-1)).includes("Esta solicitud venció") ? true : undefined,
    );
    expect(await expireAccessRequests(harness.bot.dependencies)).toBe(1);
    expect(await expireAccessRequests(harness.bot.dependencies)).toBe(0);
    expect(await requestOf(EVA.id)).toMatchObject({ status: "EXPIRED", openForSlackUserId: null });
    await harness.drainOutbox();
    expect(appDirectMessagesTo(EVA.id).some((line) => line.includes("Tu solicitud de acceso venció"))).toBe(
      true,
    );
    for (const adminId of [ADMIN, SECOND_ADMIN]) {
      const updated = requestMessageOf(adminId, "Eva Soto");
      expect(text(updated)).toContain("Venció el");
      expect(text(updated)).not.toContain("Aprobar");
    }
    const [row] = await steps.auditRows("access_request.expired");
    expect(row).toMatchObject({ actorId: "system:access-request-expiry", targetLabel: "Eva Soto" });
    await request(EVA, "eva.soto@cliente.example");
    expect(await prisma().accessRequest.count({ where: { slackUserId: EVA.id } })).toBe(2);
  });
});
