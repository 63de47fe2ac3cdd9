// The sandbox's demo data on the real database (embedded, or PostgreSQL with TEST_DATABASE_URL):
// seeded once into an empty database, valid and marked as demo, audited by the demo seed with the
// chain intact, the accountant's own account linked, each welcome email queued like any create's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../../src/application/audit/verify-audit-chain.ts";
import {
  DEMO_COMPANY_MARK,
  DEMO_EMAIL_DOMAIN,
  DEMO_SEED_ACTOR_NAME,
  seedDemoData,
  type TDemoDataOptions,
} from "../../../src/application/demo/seed-demo-data.ts";
import { OutboxKind } from "../../../src/application/outbox/outbox-messages.ts";
import { createCompany } from "../../../src/application/places/create-company.ts";
import { changePassword } from "../../../src/application/users/change-password.ts";
import { getOwnAccount } from "../../../src/application/users/get-own-account.ts";
import { issueTemporaryPassword } from "../../../src/application/users/issue-temporary-password.ts";
import { POSTAL_CODE_PATTERN, rfcProblem } from "../../../src/domain/company-rules.ts";
import { emailProblem, usernameProblem } from "../../../src/domain/portal-user-rules.ts";
import { adminContext, grantRoleDirectly, slackContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

/** As the sandbox's cast has its "portal user" person. */
const ACCOUNTANT: TDemoDataOptions["accountant"] = {
  slackUserId: "U0CONTA001",
  email: "conta@empresa.example",
  name: "Carla Contadora",
};

describe(`seedDemoData (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
  });
  afterEach(() => testDatabase.close());

  it("fills an empty database with SAT's test taxpayers, their places and five users, all valid and marked demo", async () => {
    const outcome = await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    const prisma = testDatabase.database.prisma;
    const companies = await prisma.company.findMany({ include: { places: true }, orderBy: { rfc: "asc" } });
    const users = await prisma.portalUser.findMany({
      include: { places: true },
      orderBy: { username: "asc" },
    });
    expect(outcome).toEqual({
      seeded: true,
      companies: companies.length,
      places: companies.flatMap((company) => company.places).length,
      users: users.length,
    });
    expect(companies.map((company) => company.rfc)).toEqual(
      expect.arrayContaining(["EKU9003173C9", "IIA040805DZ4", "XIA190128J61", "CACX7605101P8"]),
    );
    expect(users.length).toBeGreaterThanOrEqual(4);
    expect(users.length).toBeLessThanOrEqual(5);
    for (const company of companies) {
      expect(rfcProblem(company.rfc), company.rfc).toBeUndefined();
      expect(company.legalName.endsWith(` ${DEMO_COMPANY_MARK}`), company.legalName).toBe(true);
      expect(company.places.length, company.rfc).toBeGreaterThanOrEqual(1);
      expect(company.places.length, company.rfc).toBeLessThanOrEqual(3);
      for (const place of company.places) expect(place.postalCode).toMatch(POSTAL_CODE_PATTERN);
    }
    for (const user of users) {
      expect(usernameProblem(user.username), user.username).toBeUndefined();
      expect(emailProblem(user.email), user.email).toBeUndefined();
      expect(user.places.length, user.username).toBeGreaterThan(0);
    }
    // UTF-8 as stored: an RFC with Ñ, one with &, accented names.
    expect(companies.map((company) => company.rfc)).toEqual(
      expect.arrayContaining(["IAÑL750210963", "H&E951128469"]),
    );
    expect(users.map((user) => user.fullName)).toContain("José Luis Ramírez Núñez");
    // One contractor with time-bound access: an Acceso hasta four weeks after the seed's day.
    const timeBound = users.filter((user) => user.accessUntil !== null);
    expect(timeBound.map((user) => user.username)).toEqual(["jose.ramirez"]);
    const daysAhead =
      ((timeBound[0]?.accessUntil?.getTime() ?? 0) - dependencies.clock().getTime()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(26);
    expect(daysAhead).toBeLessThan(29);
  });

  it("links one account to the accountant, who sees it in Mi cuenta and can change its password", async () => {
    await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    const context = slackContext(ACCOUNTANT.slackUserId);
    const own = await getOwnAccount(dependencies, { context });
    expect(own).toMatchObject({
      username: "carla.contadora",
      fullName: ACCOUNTANT.name,
      email: ACCOUNTANT.email,
      slackUserId: ACCOUNTANT.slackUserId,
      passwordIsTemporary: true,
    });
    expect(own?.places.length).toBeGreaterThan(0);
    expect(own?.places.every((place) => place.companyLegalName.endsWith(DEMO_COMPANY_MARK))).toBe(true);

    // What the outbox worker does when it sends the welcome email, then the DM's password form.
    const issued = await issueTemporaryPassword(dependencies, { userId: own?.id ?? "" });
    const changed = await changePassword(dependencies, {
      context,
      input: {
        currentPassword: issued?.password ?? "",
        newPassword: "mi contraseña de la sandbox, larga y mía",
        confirmation: "mi contraseña de la sandbox, larga y mía",
      },
    });
    expect(changed.passwordIsTemporary).toBe(false);
  });

  it("leaves one access request open, from a person with no account, posted to each admin like any request", async () => {
    await grantRoleDirectly(testDatabase.database, "U0ADMIN01", "ADMIN");
    const requester = { slackUserId: "U0PIDE0DEM", email: "pedro@empresa.example", name: "Pedro Pide" };
    await seedDemoData(dependencies, { accountant: ACCOUNTANT, requester });
    const prisma = testDatabase.database.prisma;
    const [request, ...others] = await prisma.accessRequest.findMany();
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({
      status: "OPEN",
      slackUserId: requester.slackUserId,
      fullName: requester.name,
      email: requester.email,
    });
    expect(request?.placeIds.length).toBe(1);
    expect(await prisma.portalUser.count({ where: { slackUserId: requester.slackUserId } })).toBe(0);
    const posts = await prisma.outboxMessage.findMany({ where: { kind: OutboxKind.ACCESS_REQUEST_POST } });
    expect(posts.map((post) => post.payload)).toEqual([
      { accessRequestId: request?.id, destination: "U0ADMIN01" },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "access_request.created" } })).toBe(1);
  });

  it("queues each account's welcome email, as any create does, and a DM only to the linked accountant", async () => {
    await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    const prisma = testDatabase.database.prisma;
    const accountant = await prisma.portalUser.findUniqueOrThrow({
      where: { slackUserId: ACCOUNTANT.slackUserId },
    });
    const others = await prisma.portalUser.findMany({ where: { id: { not: accountant.id } } });
    expect(others.length).toBeGreaterThan(0);
    for (const user of others) {
      expect(user.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`), user.email).toBe(true);
      expect(user.slackUserId).toBeNull();
      expect(user.passwordIsTemporary).toBe(true);
    }
    const messages = await prisma.outboxMessage.findMany({
      where: { kind: { in: [OutboxKind.CREDENTIALS_EMAIL, OutboxKind.SLACK_DIRECT_MESSAGE] } },
    });
    const userIdOf = (payload: unknown) => (payload as { userId?: string }).userId;
    expect(
      messages
        .filter((message) => message.kind === OutboxKind.CREDENTIALS_EMAIL)
        .map((message) => userIdOf(message.payload))
        .sort(),
    ).toEqual([accountant.id, ...others.map((user) => user.id)].sort());
    expect(
      messages
        .filter((message) => message.kind === OutboxKind.SLACK_DIRECT_MESSAGE)
        .map((message) => userIdOf(message.payload)),
    ).toEqual([accountant.id]);
  });

  it("audits every row as the demo seed, in one request, and the chain still verifies", async () => {
    const outcome = await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    const events = await testDatabase.database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((event) => event.action).sort()).toEqual(
      [
        ...Array<string>(outcome.companies).fill("company.created"),
        ...Array<string>(outcome.places).fill("place.created"),
        ...Array<string>(outcome.users).fill("user.created"),
      ].sort(),
    );
    expect(new Set(events.map((event) => event.requestId)).size).toBe(1);
    for (const event of events) {
      expect(event).toMatchObject({
        actorType: "system",
        actorId: `system:${DEMO_SEED_ACTOR_NAME}`,
        actorRole: "SYSTEM",
        result: "success",
      });
    }
    // Each event is also queued for the audit channel, like any other change's.
    const posts = await testDatabase.database.prisma.outboxMessage.count({
      where: { kind: OutboxKind.AUDIT_CHANNEL_POST },
    });
    expect(posts).toBe(events.length);
    expect(await verifyAuditChain(testDatabase.database.prisma)).toEqual({ ok: true, rows: events.length });
  });

  it("seeds nothing the second time, and the audit chain is untouched", async () => {
    const first = await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    const rowsAfterFirst = await testDatabase.database.prisma.auditEvent.count();
    const second = await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    expect(first.seeded).toBe(true);
    expect(second).toEqual({ seeded: false, companies: 0, places: 0, users: 0 });
    expect(await testDatabase.database.prisma.company.count()).toBe(first.companies);
    expect(await testDatabase.database.prisma.portalUser.count()).toBe(first.users);
    expect(await verifyAuditChain(testDatabase.database.prisma)).toEqual({ ok: true, rows: rowsAfterFirst });
  });

  it("seeds nothing into a database someone already used", async () => {
    await grantRoleDirectly(testDatabase.database, "U0ADMIN01", "ADMIN");
    await createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: "URE180429TM6", legalName: "UNIVERSIDAD ROBOTICA ESPAÑOLA" },
    });
    const outcome = await seedDemoData(dependencies, { accountant: ACCOUNTANT });
    expect(outcome.seeded).toBe(false);
    expect(await testDatabase.database.prisma.company.count()).toBe(1);
    expect(await testDatabase.database.prisma.portalUser.count()).toBe(0);
  });
});
