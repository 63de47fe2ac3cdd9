// The life of a password: the temporary one the welcome email carries, the first login, the change
// with each of its errors, the lockout after five wrong passwords, the expiry of a temporary password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "../../../src/application/users/change-password.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { issueTemporaryPassword } from "../../../src/application/users/issue-temporary-password.ts";
import { resetPortalUserPassword } from "../../../src/application/users/reset-portal-user-password.ts";
import { unlockPortalUser } from "../../../src/application/users/unlock-portal-user.ts";
import { verifyLogin } from "../../../src/application/users/verify-login.ts";
import type { TRequestContext } from "../../../src/domain/actor.ts";
import { adminContext, seedBasics, slackContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

const portal: TRequestContext = { actor: { kind: "portal" }, requestId: "portal-request" };
const NEW_PASSWORD = "tacos al pastor con piña 2026";

describe(`password lifecycle (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let placeId: string;
  let sequence = 0;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    placeId = (await seedBasics(testDatabase.database)).kemperCentro;
  });
  afterAll(() => testDatabase.close());

  /** A new account and the temporary password its welcome email would carry. */
  async function newAccount(slackUserId?: string): Promise<{ username: string; temporaryPassword: string }> {
    sequence += 1;
    const username = `contador${sequence}`;
    const user = await createPortalUser(dependencies, {
      context: adminContext(),
      fields: {
        username,
        fullName: `Contador ${sequence}`,
        email: `${username}@example.com`,
        slackUserId,
        placeIds: [placeId],
      },
    });
    const issued = await issueTemporaryPassword(dependencies, { userId: user.id });
    if (issued === undefined) throw new Error("no password issued");
    return { username, temporaryPassword: issued.password };
  }

  it("logs in with the temporary password and must change it", async () => {
    const { username, temporaryPassword } = await newAccount();
    const login = await verifyLogin(dependencies, { context: portal, username, password: temporaryPassword });
    expect(login.mustChangePassword).toBe(true);
    expect(login.user.places.map((place) => place.rfc)).toEqual(["EKU9003173C9"]);
  });

  it("answers an unknown user exactly as a wrong password", async () => {
    const { username } = await newAccount();
    const unknown = await verifyLogin(dependencies, {
      context: portal,
      username: "nadie.existe",
      password: "x".repeat(20),
    }).catch((error: unknown) => error);
    const wrong = await verifyLogin(dependencies, {
      context: portal,
      username,
      password: "x".repeat(20),
    }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ code: "INVALID_CREDENTIALS", parameters: {} });
    expect(wrong).toEqual(unknown);
  });

  it("puts each problem of a change on its field, and then changes it", async () => {
    const { username, temporaryPassword } = await newAccount("U0CONTA01");
    const context = slackContext("U0CONTA01");
    const attempt = (currentPassword: string, newPassword: string, confirmation = newPassword) =>
      changePassword(dependencies, { context, input: { currentPassword, newPassword, confirmation } });

    await expect(attempt("wrong wrong wrong", NEW_PASSWORD)).rejects.toMatchObject({
      fieldErrors: [
        { field: "currentPassword", code: "CURRENT_PASSWORD_WRONG", parameters: { remaining: 4 } },
      ],
    });
    await expect(attempt(temporaryPassword, NEW_PASSWORD, `${NEW_PASSWORD}!`)).rejects.toMatchObject({
      fieldErrors: [{ field: "confirmation", code: "PASSWORD_CONFIRMATION_MISMATCH" }],
    });
    await expect(attempt(temporaryPassword, "corta")).rejects.toMatchObject({
      fieldErrors: [{ field: "newPassword", code: "PASSWORD_TOO_SHORT", parameters: { minimum: 15 } }],
    });
    await expect(attempt(temporaryPassword, "passwordpassword123")).rejects.toMatchObject({
      fieldErrors: [{ field: "newPassword", code: "PASSWORD_COMMON" }],
    });
    await expect(attempt(temporaryPassword, `mi cuenta es ${username} y ya`)).rejects.toMatchObject({
      fieldErrors: [{ field: "newPassword", code: "PASSWORD_CONTAINS_USERNAME" }],
    });
    await expect(attempt(temporaryPassword, temporaryPassword)).rejects.toMatchObject({
      fieldErrors: [{ field: "newPassword", code: "PASSWORD_UNCHANGED" }],
    });

    const changed = await attempt(temporaryPassword, NEW_PASSWORD);
    expect(changed.passwordIsTemporary).toBe(false);
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    const login = await verifyLogin(dependencies, { context: portal, username, password: NEW_PASSWORD });
    expect(login.mustChangePassword).toBe(false);

    const notices = await testDatabase.database.prisma.outboxMessage.findMany({
      where: { kind: "email.notice" },
    });
    expect(notices.map((notice) => notice.payload)).toContainEqual(
      expect.objectContaining({ template: "password_changed", to: `${username}@example.com` }),
    );
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.password_changed", targetLabel: username },
    });
    expect(audit).toMatchObject({
      actorId: "U0CONTA01",
      actorRole: "PORTAL_USER",
      changes: { password: "changed" },
    });
  });

  it("lets the portal change a password with the same rules", async () => {
    const { username, temporaryPassword } = await newAccount();
    await changePassword(dependencies, {
      context: portal,
      input: { username, currentPassword: temporaryPassword, newPassword: NEW_PASSWORD },
    });
    expect(
      (await verifyLogin(dependencies, { context: portal, username, password: NEW_PASSWORD }))
        .mustChangePassword,
    ).toBe(false);
  });

  it("locks after five wrong passwords, refuses even the right one, and an admin can unlock", async () => {
    const { username, temporaryPassword } = await newAccount();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(
        verifyLogin(dependencies, { context: portal, username, password: `wrong ${attempt}` }),
      ).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: "wrong 5" }),
    ).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    const locked = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.locked", targetLabel: username },
    });
    expect(locked).not.toBeNull();
    const notices = await testDatabase.database.prisma.outboxMessage.findMany({
      where: { kind: "email.notice" },
    });
    expect(notices.map((notice) => notice.payload)).toContainEqual(
      expect.objectContaining({ template: "account_locked" }),
    );

    await unlockPortalUser(dependencies, { context: adminContext(), user: { username } });
    expect(
      (await verifyLogin(dependencies, { context: portal, username, password: temporaryPassword })).user
        .username,
    ).toBe(username);
  });

  it("ends the lock by itself after fifteen minutes", async () => {
    const { username, temporaryPassword } = await newAccount();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await verifyLogin(dependencies, { context: portal, username, password: `wrong ${attempt}` }).catch(
        () => undefined,
      );
    }
    dependencies.clock.advance(14 * 60_000);
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    dependencies.clock.advance(2 * 60_000);
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).resolves.toBeDefined();
  });

  it("refuses a temporary password past its expiry", async () => {
    const { username, temporaryPassword } = await newAccount();
    dependencies.clock.advance(73 * 3_600_000);
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).rejects.toMatchObject({
      code: "TEMPORARY_PASSWORD_EXPIRED",
    });
  });

  it("a reset stops the old password at once and queues a new one", async () => {
    const { username, temporaryPassword } = await newAccount();
    await resetPortalUserPassword(dependencies, { context: adminContext(), user: { username } });
    await expect(
      verifyLogin(dependencies, { context: portal, username, password: temporaryPassword }),
    ).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.password_reset", targetLabel: username },
    });
    expect(audit?.result).toBe("success");
  });

  it("never stores, audits or logs a plaintext password", async () => {
    const { username, temporaryPassword } = await newAccount("U0SECRET01");
    await changePassword(dependencies, {
      context: slackContext("U0SECRET01"),
      input: { currentPassword: temporaryPassword, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD },
    });
    await verifyLogin(dependencies, { context: portal, username, password: "a wrong guess here" }).catch(
      () => undefined,
    );
    const rows = await testDatabase.database.prisma.$queryRaw<{ row: string }[]>`
      SELECT row_to_json(t)::text AS row FROM (
        SELECT id::text, payload::text AS content FROM outbox_messages
        UNION ALL SELECT id::text, row_to_json(a)::text FROM audit_events a
        UNION ALL SELECT id::text, row_to_json(u)::text FROM portal_users u) t`;
    const everything = `${rows.map((row) => row.row).join("\n")}\n${JSON.stringify(dependencies.logs)}`;
    for (const secret of [temporaryPassword, NEW_PASSWORD, "a wrong guess here"])
      expect(everything).not.toContain(secret);
  });
});
