// The lockout under bursts: however many wrong passwords arrive at once — on one process or on two
// replicas of one PostgreSQL — at most five are checked, one lock is taken (one user.locked event,
// one notice), nothing is checked while it lasts, a right password in the burst is refused once the
// lock is taken, and five attempts come back when it ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TUseCaseDependencies } from "../../../src/application/dependencies.ts";
import { changePassword } from "../../../src/application/users/change-password.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { issueTemporaryPassword } from "../../../src/application/users/issue-temporary-password.ts";
import {
  beginPasswordCheck,
  PASSWORD_CHECK_STALE_AFTER_MS,
} from "../../../src/application/users/password-attempts.ts";
import { verifyLogin } from "../../../src/application/users/verify-login.ts";
import type { TRequestContext } from "../../../src/domain/actor.ts";
import { isDomainError } from "../../../src/domain/errors.ts";
import { LOCKOUT_DURATION_MS } from "../../../src/domain/lockout.ts";
import { adminContext, seedBasics } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestClock, createTestDependencies } from "../../support/use-case-dependencies.ts";

const portal: TRequestContext = { actor: { kind: "portal" }, requestId: "portal-burst" };

/** The dependencies with a hasher that counts the passwords it checks. */
function counting(dependencies: TUseCaseDependencies): TUseCaseDependencies & { verified: () => number } {
  let verified = 0;
  return {
    ...dependencies,
    passwordHasher: {
      ...dependencies.passwordHasher,
      verify: (password, hash) => {
        if (hash !== null) verified += 1;
        return dependencies.passwordHasher.verify(password, hash);
      },
    },
    verified: () => verified,
  };
}

/** Each attempt's outcome: "ok" or the refusal's code. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe(`the lockout under concurrent attempts (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  const clock = createTestClock();
  let dependencies: ReturnType<typeof createTestDependencies>;
  let placeId: string;
  let sequence = 0;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database, { clock });
    placeId = (await seedBasics(testDatabase.database)).kemperCentro;
  });
  afterAll(() => testDatabase.close());

  async function newAccount(): Promise<{ id: string; username: string; password: string }> {
    sequence += 1;
    const username = `rafaga${sequence}`;
    const user = await createPortalUser(dependencies, {
      context: adminContext(),
      fields: {
        username,
        fullName: `Ráfaga ${sequence}`,
        email: `${username}@example.com`,
        placeIds: [placeId],
      },
    });
    const issued = await issueTemporaryPassword(dependencies, { userId: user.id });
    if (issued === undefined) throw new Error("no password issued");
    return { id: user.id, username, password: issued.password };
  }

  async function auditActionsFor(userId: string): Promise<string[]> {
    const rows = await testDatabase.database.prisma.auditEvent.findMany({
      where: { targetId: userId },
      orderBy: { id: "asc" },
    });
    return rows.map((row) => row.action);
  }

  async function lockNoticesFor(username: string): Promise<number> {
    return testDatabase.database.prisma.outboxMessage.count({
      where: { kind: "email.notice", payload: { path: ["username"], equals: username } },
    });
  }

  it("checks at most five of twenty wrong passwords sent at once, and locks once", async () => {
    const account = await newAccount();
    const burst = counting(dependencies);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        outcome(
          verifyLogin(burst, { context: portal, username: account.username, password: `wrong ${index}` }),
        ),
      ),
    );
    expect(burst.verified()).toBeLessThanOrEqual(5);
    expect(outcomes.every((code) => code !== "ok")).toBe(true);
    // Refused without a check: locked, or the attempts left already taken by checks in progress.
    const checked = outcomes.filter((code) => code === "INVALID_CREDENTIALS" || code === "ACCOUNT_LOCKED");
    expect(checked.length).toBeGreaterThanOrEqual(1);

    // Whatever the interleaving, five wrong passwords in all (the burst, then what it left) lock it.
    for (let index = 0; index < 5 && !(await isLocked(account.id)); index += 1) {
      await outcome(verifyLogin(burst, { context: portal, username: account.username, password: "wrong" }));
    }
    expect(burst.verified()).toBe(5);
    const actions = await auditActionsFor(account.id);
    expect(actions.filter((action) => action === "user.login_failed")).toHaveLength(5);
    expect(actions.filter((action) => action === "user.locked")).toHaveLength(1);
    expect(await lockNoticesFor(account.username)).toBe(1);

    // While the lock lasts nothing is checked, not even the right password.
    const during = await Promise.all(
      Array.from({ length: 10 }, () =>
        outcome(
          verifyLogin(burst, { context: portal, username: account.username, password: account.password }),
        ),
      ),
    );
    expect(during).toEqual(Array.from({ length: 10 }, () => "ACCOUNT_LOCKED"));
    expect(burst.verified()).toBe(5);
    expect((await auditActionsFor(account.id)).filter((action) => action === "user.locked")).toHaveLength(1);
  });

  it("never lets a right password through once wrong ones at the same time took the lock", async () => {
    const account = await newAccount();
    for (let index = 0; index < 4; index += 1) {
      await outcome(
        verifyLogin(dependencies, { context: portal, username: account.username, password: "no" }),
      );
    }
    // One attempt is left: of eleven sent at once, exactly one is checked.
    const burst = counting(dependencies);
    const outcomes = await Promise.all([
      ...Array.from({ length: 10 }, () =>
        outcome(verifyLogin(burst, { context: portal, username: account.username, password: "still wrong" })),
      ),
      outcome(
        verifyLogin(burst, { context: portal, username: account.username, password: account.password }),
      ),
    ]);
    expect(burst.verified()).toBe(1);
    const succeeded = outcomes.filter((code) => code === "ok").length;
    const locked = await isLocked(account.id);
    // Either the right one was the one checked (and no lock), or a wrong one locked it (and no 200).
    expect(succeeded + (locked ? 1 : 0)).toBe(1);
    const lockEvents = (await auditActionsFor(account.id)).filter((action) => action === "user.locked");
    expect(lockEvents).toHaveLength(locked ? 1 : 0);
  });

  it("gives five attempts again when the lock ends, and locks a second time only after five more", async () => {
    const account = await newAccount();
    for (let index = 0; index < 5; index += 1) {
      await outcome(
        verifyLogin(dependencies, { context: portal, username: account.username, password: "no" }),
      );
    }
    expect(await isLocked(account.id)).toBe(true);
    clock.advance(LOCKOUT_DURATION_MS + 1_000);
    const burst = counting(dependencies);
    const afterLock = await Promise.all(
      Array.from({ length: 4 }, () =>
        outcome(verifyLogin(burst, { context: portal, username: account.username, password: "again wrong" })),
      ),
    );
    expect(afterLock.filter((code) => code === "ACCOUNT_LOCKED")).toEqual([]);
    expect(await isLocked(account.id)).toBe(false);
    expect(
      await outcome(verifyLogin(burst, { context: portal, username: account.username, password: "fifth" })),
    ).toBe("ACCOUNT_LOCKED");
    expect((await auditActionsFor(account.id)).filter((action) => action === "user.locked")).toHaveLength(2);
  });

  it("applies the same lock to the password change, counted together with logins", async () => {
    const account = await newAccount();
    const burst = counting(dependencies);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        outcome(
          index % 2 === 0
            ? verifyLogin(burst, { context: portal, username: account.username, password: "wrong" })
            : changePassword(burst, {
                context: portal,
                input: {
                  username: account.username,
                  currentPassword: "wrong",
                  newPassword: "una frase larga y propia de verdad",
                },
              }),
        ),
      ),
    );
    expect(burst.verified()).toBeLessThanOrEqual(5);
    expect(outcomes).not.toContain("ok");
  });

  it("forgets a check that never settled (its process died) after a minute", async () => {
    const account = await newAccount();
    for (let index = 0; index < 5; index += 1) await beginPasswordCheck(dependencies, account.id);
    expect(await outcome(beginPasswordCheck(dependencies, account.id))).toBe("PASSWORD_CHECK_BUSY");
    clock.advance(PASSWORD_CHECK_STALE_AFTER_MS + 1_000);
    const login = await verifyLogin(dependencies, {
      context: portal,
      username: account.username,
      password: account.password,
    });
    expect(login.user.username).toBe(account.username);
  });

  it.skipIf(testDatabaseKind !== "postgresql")(
    "holds across two replicas sharing one PostgreSQL",
    async () => {
      const account = await newAccount();
      const other = await testDatabase.openAnother();
      const first = counting(dependencies);
      const second = counting(createTestDependencies(other, { clock }));
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          outcome(
            verifyLogin(index % 2 === 0 ? first : second, {
              context: portal,
              username: account.username,
              password: `wrong ${index}`,
            }),
          ),
        ),
      );
      expect(first.verified() + second.verified()).toBeLessThanOrEqual(5);
      expect(outcomes).not.toContain("ok");
      expect((await auditActionsFor(account.id)).filter((action) => action === "user.locked").length).toBe(
        first.verified() + second.verified() === 5 ? 1 : 0,
      );
    },
  );

  async function isLocked(userId: string): Promise<boolean> {
    const row = await testDatabase.database.prisma.portalUser.findUniqueOrThrow({ where: { id: userId } });
    return row.lockedUntil !== null && row.lockedUntil > clock();
  }
});
