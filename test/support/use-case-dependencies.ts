// Use-case dependencies for tests: the real database, the real hasher (at bcrypt's lowest cost, for
// speed; the production cost is asserted in its own test), the real dictionary, a clock tests move.
import type { TUseCaseDependencies, TUseCaseSettings } from "../../src/application/dependencies.ts";
import type { Database } from "../../src/application/ports/database.ts";
import { createBcryptPasswordHasher } from "../../src/infrastructure/security/password-hasher.ts";
import { createSecretSealer } from "../../src/infrastructure/security/secret-sealer.ts";
import { generateTemporaryPassword } from "../../src/infrastructure/security/temporary-password-generator.ts";
import { createZxcvbnCommonPasswordChecker } from "../../src/infrastructure/security/zxcvbn-common-password-checker.ts";
import { createRecordingLogger, type TRecordedLog } from "./silent-logger.ts";

export interface TTestClock {
  (): Date;
  advance(milliseconds: number): void;
  set(time: Date): void;
}

export function createTestClock(start = new Date("2026-11-28T12:00:00.000Z")): TTestClock {
  let current = start.getTime();
  const clock = (() => new Date(current)) as TTestClock;
  clock.advance = (milliseconds) => {
    current += milliseconds;
  };
  clock.set = (time) => {
    current = time.getTime();
  };
  return clock;
}

const checker = createZxcvbnCommonPasswordChecker();

export function createTestDependencies(
  database: Database,
  overrides: { settings?: Partial<TUseCaseSettings>; clock?: TTestClock; logs?: TRecordedLog[] } = {},
): TUseCaseDependencies & { clock: TTestClock; logs: TRecordedLog[] } {
  const logs = overrides.logs ?? [];
  return {
    database,
    passwordHasher: createBcryptPasswordHasher({ pepper: "test-pepper-0123456789abcdef0123456789", cost: 4 }),
    commonPasswordChecker: checker,
    generateTemporaryPassword,
    secretSealer: createSecretSealer(Buffer.alloc(32, 7)),
    clock: overrides.clock ?? createTestClock(),
    logger: createRecordingLogger(logs),
    logs,
    settings: {
      locale: "es",
      temporaryPasswordTtlHours: 72,
      passwordMinimumLength: 15,
      portalUrl: "https://portal.example.test/",
      auditChannelId: "C0AUDIT01",
      credentialDelivery: "password",
      publicUrl: "https://bot.example.test/",
      ...overrides.settings,
    },
  };
}
