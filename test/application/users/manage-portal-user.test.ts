// Editing, disabling, locking and deleting accounts, each audited with what changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { deletePortalUser } from "../../../src/application/users/delete-portal-user.ts";
import { disablePortalUser } from "../../../src/application/users/disable-portal-user.ts";
import { enablePortalUser } from "../../../src/application/users/enable-portal-user.ts";
import { lockPortalUser } from "../../../src/application/users/lock-portal-user.ts";
import { updatePortalUser } from "../../../src/application/users/update-portal-user.ts";
import { adminContext, seedBasics, supportContext, type TSeededPlaces } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`managing portal users (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  const create = (username: string, placeIds = [places.kemperCentro]) =>
    createPortalUser(dependencies, {
      context: adminContext(),
      fields: { username, fullName: `Persona ${username}`, email: `${username}@example.com`, placeIds },
    });

  it("edits fields and places, audits only what changed, and tells the old address", async () => {
    await create("editable");
    const updated = await updatePortalUser(dependencies, {
      context: adminContext(),
      user: { username: "EDITABLE" },
      fields: {
        username: "editable",
        fullName: "Persona Editada",
        email: "nueva@example.com",
        placeIds: [places.kemperNorte, places.xenonMatriz],
      },
    });
    expect(updated.places.map((place) => place.postalCode)).toEqual(["26015", "64000"]);
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.updated", targetLabel: "editable" },
    });
    expect(audit?.changes).toEqual({
      fullName: { before: "Persona editable", after: "Persona Editada" },
      email: { before: "editable@example.com", after: "nueva@example.com" },
      places: {
        before: ["06000 — Centro (ESCUELA KEMPER URGATE)"],
        after: [
          "26015 — Matriz (XENON INDUSTRIAL ARTICLES)",
          "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)",
        ],
      },
    });
    const notices = await testDatabase.database.prisma.outboxMessage.findMany({
      where: { kind: "email.notice" },
    });
    expect(notices.map((notice) => notice.payload)).toContainEqual(
      expect.objectContaining({
        template: "email_changed",
        to: "editable@example.com",
        detail: "n***@example.com",
      }),
    );
  });

  it("refuses to rename onto another account's username or email", async () => {
    await create("primero");
    await create("segundo");
    await expect(
      updatePortalUser(dependencies, {
        context: adminContext(),
        user: { username: "segundo" },
        fields: {
          username: "Primero",
          fullName: "x",
          email: "PRIMERO@example.com",
          placeIds: [places.kemperCentro],
        },
      }),
    ).rejects.toMatchObject({
      fieldErrors: [
        { field: "username", code: "USERNAME_TAKEN" },
        { field: "email", code: "EMAIL_TAKEN" },
      ],
    });
  });

  it("deletes once, keeping a snapshot of the account in the audit trail", async () => {
    const user = await create("borrable", [places.kemperCentro, places.xenonMatriz]);
    await deletePortalUser(dependencies, { context: adminContext(), user: { id: user.id } });
    await expect(
      deletePortalUser(dependencies, { context: adminContext(), user: { id: user.id } }),
    ).rejects.toMatchObject({
      code: "USER_NOT_FOUND",
    });
    const deletions = await testDatabase.database.prisma.auditEvent.findMany({
      where: { action: "user.deleted", targetLabel: "borrable" },
    });
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.changes).toEqual({
      before: {
        username: "borrable",
        fullName: "Persona borrable",
        email: "borrable@example.com",
        slackUserId: null,
        disabled: false,
        places: ["06000 — Centro (ESCUELA KEMPER URGATE)", "26015 — Matriz (XENON INDUSTRIAL ARTICLES)"],
      },
    });
    expect(await testDatabase.database.prisma.portalUserPlace.count({ where: { userId: user.id } })).toBe(0);
    const welcome = await testDatabase.database.prisma.outboxMessage.findMany({
      where: { kind: "email.credentials", payload: { path: ["userId"], equals: user.id } },
    });
    expect(welcome.map((message) => message.status)).toEqual(["CANCELLED"]);
  });

  it("disables, enables and locks with an audit row each", async () => {
    await create("estados");
    expect(
      (await disablePortalUser(dependencies, { context: adminContext(), user: { username: "estados" } }))
        .disabled,
    ).toBe(true);
    expect(
      (await enablePortalUser(dependencies, { context: adminContext(), user: { username: "estados" } }))
        .disabled,
    ).toBe(false);
    expect(
      (await lockPortalUser(dependencies, { context: adminContext(), user: { username: "estados" } })).locked,
    ).toBe(true);
    const actions = await testDatabase.database.prisma.auditEvent.findMany({
      where: { targetLabel: "estados" },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      "user.created",
      "user.disabled",
      "user.enabled",
      "user.locked",
    ]);
  });

  it("lets a support agent change nothing", async () => {
    await create("intocable");
    await expect(
      deletePortalUser(dependencies, { context: supportContext(), user: { username: "intocable" } }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    await expect(
      disablePortalUser(dependencies, { context: supportContext(), user: { username: "intocable" } }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    expect(
      await testDatabase.database.prisma.portalUser.count({
        where: { username: "intocable", disabledAt: null },
      }),
    ).toBe(1);
    expect(
      await testDatabase.database.prisma.auditEvent.count({
        where: { action: "access.denied", targetLabel: "intocable" },
      }),
    ).toBe(2);
  });
});
