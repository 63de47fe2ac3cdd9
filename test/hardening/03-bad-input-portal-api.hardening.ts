// Section 3 of issue 7, the portal API: 1,000 generated bodies for each route (POST
// /api/portal/v1/login and /password) — hostile text, huge and empty values, wrong JSON types,
// missing and extra properties, bodies that are not JSON or not UTF-8 — sent with the portal's key.
// Properties: no 5xx; a body the contract refuses gets 400 with a problem naming the property (413
// when over 16 KiB); a refusal of the input changes nothing; no answer repeats a password.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import { PORTAL_API_KEY } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { startBadInputHarness, type TBadInputHarness } from "./support/bad-input-steps.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import {
  describeForbidden,
  hostileText,
  mustBeRefused,
  notAString,
  plausibleUsername,
  withSomeFieldsHostile,
} from "./support/hostile-text.ts";
import { LOCKOUT_BOOKKEEPING } from "./support/modal-properties.ts";
import { type TTally, withRecordedRow } from "./support/results-table.ts";
import { assertWithFirstFailure, NUM_RUNS, propertyParameters } from "./support/run-budget.ts";

const SECTION = "3. Bad input";
const ACCOUNTS = 100;
const RIGHT_PASSWORD = "la clave del portal, con ñ y café";
const MAXIMUM_BODY_BYTES = 16 * 1024;
/** The schema's bounds (request-schemas.ts), part of the published contract. */
const USERNAME_MAXIMUM = 64;
const SECRET_MAXIMUM = 1024;
/** Every status the API documents; anything else (a 5xx above all) fails the property. */
const DOCUMENTED_STATUSES = new Set([200, 400, 401, 403, 409, 413, 415, 422, 423, 429]);

type TValue =
  /** One of the known accounts, taken in turn (so that none meets the per-username rate limit). */
  | { readonly kind: "account" }
  | { readonly kind: "right" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

type TBody =
  | {
      readonly kind: "object";
      readonly fields: Readonly<Record<string, TValue>>;
      readonly extra: { readonly key: string; readonly value: unknown } | undefined;
    }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "bytes"; readonly bytes: readonly number[] };

type TRoute = "login" | "password";
const FIELDS: Readonly<Record<TRoute, readonly string[]>> = {
  login: ["username", "password"],
  password: ["username", "currentPassword", "newPassword"],
};

const CONSONANTS = "bcdfghjklmnpqrstvwxz";
const plausibleNewPassword = fc
  .array(fc.string({ unit: fc.constantFrom(...CONSONANTS), minLength: 6, maxLength: 7 }), {
    minLength: 3,
    maxLength: 4,
  })
  .map((groups) => groups.join(" "));

const account = fc.constant<TValue>({ kind: "account" });
const text = (plausible: fc.Arbitrary<string>) =>
  plausible.map((value): TValue => ({ kind: "text", text: value }));
const otherwise = [
  { weight: 1, arbitrary: fc.constant<TValue>({ kind: "missing" }) },
  { weight: 1, arbitrary: notAString.map((value): TValue => ({ kind: "wrong_type", value })) },
] as const;

const hostileUsername = fc.oneof(
  { weight: 12, arbitrary: text(hostileText(plausibleUsername)) },
  { weight: 2, arbitrary: account },
  ...otherwise,
);
const hostileSecret = (plausible: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 12, arbitrary: text(hostileText(plausible)) }, ...otherwise);

const extraProperty = fc.record({
  key: fc.oneof(
    fc.constantFrom("__proto__", "constructor", "confirmation", "password ", "isAdmin"),
    hostileText(fc.constant("x")),
  ),
  value: fc.oneof(fc.string(), notAString),
});

function objectBody(route: TRoute): fc.Arbitrary<TBody> {
  const plausible: Record<string, fc.Arbitrary<TValue>> = route === "login"
    ? { username: account, password: fc.constant<TValue>({ kind: "right" }) }
    : {
        username: account,
        currentPassword: fc.constant<TValue>({ kind: "right" }),
        newPassword: text(plausibleNewPassword),
      };
  const hostile: Record<string, fc.Arbitrary<TValue>> = route === "login"
    ? { username: hostileUsername, password: hostileSecret(fc.constant("una clave equivocada 1")) }
    : {
        username: hostileUsername,
        currentPassword: hostileSecret(fc.constant("una clave equivocada 1")),
        newPassword: hostileSecret(plausibleNewPassword),
      };
  return fc
    .tuple(
      withSomeFieldsHostile<Record<string, TValue>>(plausible, hostile),
      fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: extraProperty }),
    )
    .map(([fields, extra]): TBody => ({ kind: "object", fields, extra }));
}

function bodyArbitrary(route: TRoute): fc.Arbitrary<TBody> {
  return fc.oneof(
    { weight: 20, arbitrary: objectBody(route) },
    {
      weight: 1,
      // JSON that is not an object (an object is what objectBody makes).
      arbitrary: notAString
        .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
        .map((value): TBody => ({ kind: "json", value })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom("", "{", '{"username":', "null,", "\u0000", "{'username': 'x'}"),
          fc.string({ maxLength: 20 }),
        )
        .filter((candidate) => {
          try {
            JSON.parse(candidate);
            return false;
          } catch {
            return true;
          }
        })
        .map((value): TBody => ({ kind: "text", text: value })),
    },
    {
      weight: 1,
      // Not UTF-8: a lone continuation byte, an overlong encoding, a surrogate encoded as UTF-8.
      arbitrary: fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe]).map(
        (bad): TBody => ({
          kind: "bytes",
          bytes: [...Buffer.from('{"username":"'), ...bad, ...Buffer.from('","password":"x"}')],
        }),
      ),
    },
  );
}

describe(`${SECTION}: the portal API (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let fingerprinter: TFingerprinter;
  const usernames: string[] = [];
  let rightHash = "";
  let requestCount = 0;

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const prisma = setup.harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    const place = await prisma.issuingPlace.create({
      data: { companyId: company.id, postalCode: "06000", name: "Centro" },
    });
    rightHash = await setup.harness.bot.dependencies.passwordHasher.hash(RIGHT_PASSWORD);
    // Accounts enough that the per-username rate limit (10 a minute) is not what answers.
    for (let index = 0; index < ACCOUNTS; index += 1) {
      const username = `cuenta.api.${String(index).padStart(3, "0")}`;
      usernames.push(username);
      await prisma.portalUser.create({
        data: {
          username,
          fullName: `Cuenta API ${index}`,
          email: `${username}@cliente.example`,
          emailNormalized: `${username}@cliente.example`,
          passwordHash: rightHash,
          passwordIsTemporary: false,
          places: { create: [{ placeId: place.id }] },
        },
      });
    }
    fingerprinter = await createFingerprinter(setup.harness.testDatabase.database, {
      // Every call counts towards the rate limits, refused or not: counting is not a change.
      exclude: ["rate_limit_windows"],
      excludeColumns: LOCKOUT_BOOKKEEPING,
    });
  });
  afterAll(() => setup.stop());

  let turn = 0;
  /** The account this run's {kind:"account"} stands for (set at the start of each run). */
  let accountOfThisRun = "";

  const usernameOf = (value: TValue | undefined): string | undefined =>
    value?.kind === "account" ? accountOfThisRun : value?.kind === "text" ? value.text : undefined;

  function resolvedValue(value: TValue): unknown {
    switch (value.kind) {
      case "account":
        return accountOfThisRun;
      case "right":
        return RIGHT_PASSWORD;
      case "text":
        return value.text;
      case "wrong_type":
        return value.value;
      case "missing":
        return undefined;
    }
  }

  function encode(body: TBody): Buffer {
    switch (body.kind) {
      case "object": {
        const object: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(body.fields)) {
          const resolved = resolvedValue(value);
          if (resolved !== undefined) object[key] = resolved;
        }
        let json = JSON.stringify(object);
        // Written into the text, so that "__proto__" arrives as a property and is not swallowed here.
        if (body.extra !== undefined) {
          const extra = `${JSON.stringify(body.extra.key)}:${JSON.stringify(body.extra.value) ?? "null"}`;
          json = json === "{}" ? `{${extra}}` : `${json.slice(0, -1)},${extra}}`;
        }
        return Buffer.from(json);
      }
      case "json":
        return Buffer.from(JSON.stringify(body.value) ?? "null");
      case "text":
        return Buffer.from(body.text);
      case "bytes":
        return Buffer.from(body.bytes);
    }
  }

  type TExpectation =
    | { readonly kind: "too_large" }
    | { readonly kind: "bad_request"; readonly properties: readonly string[]; readonly because: string }
    /** Well formed: the API may still refuse it (stricter text rules), but then naming a property. */
    | { readonly kind: "judged" };

  function expectationFor(route: TRoute, body: TBody, bytes: number): TExpectation {
    if (bytes > MAXIMUM_BODY_BYTES) return { kind: "too_large" };
    if (body.kind === "text" || body.kind === "bytes")
      return { kind: "bad_request", properties: [""], because: "not JSON in UTF-8" };
    if (body.kind === "json") return { kind: "bad_request", properties: [""], because: "not a JSON object" };
    const properties: string[] = [];
    const reasons: string[] = [];
    for (const name of FIELDS[route]) {
      const value = resolvedValue(body.fields[name] ?? { kind: "missing" });
      const maximum = name === "username" ? USERNAME_MAXIMUM : SECRET_MAXIMUM;
      let reason: string | undefined;
      if (value === undefined) reason = "missing";
      else if (typeof value !== "string") reason = "not a string";
      // The schema counts characters as code points (zod's string length).
      else if (value.length === 0 || [...value].length > maximum) reason = `${[...value].length} characters`;
      else if (name === "username" && mustBeRefused(value)) reason = `holds ${describeForbidden(value)}`;
      if (reason !== undefined) {
        properties.push(name);
        reasons.push(`${name} ${reason}`);
      }
    }
    if (body.extra !== undefined) {
      properties.push(body.extra.key);
      reasons.push(`an unknown property ${JSON.stringify(body.extra.key)}`);
    }
    return properties.length === 0
      ? { kind: "judged" }
      : { kind: "bad_request", properties, because: reasons.join("; ") };
  }

  interface TProblem {
    readonly field?: unknown;
    readonly message?: unknown;
  }

  function namesOneOf(problems: unknown, properties: readonly string[]): boolean {
    if (!Array.isArray(problems) || problems.length === 0) return false;
    return (problems as TProblem[]).some((problem) => {
      const field = typeof problem.field === "string" ? problem.field : undefined;
      const message = typeof problem.message === "string" ? problem.message : "";
      return properties.some(
        (property) => field === property || (field === "" && property !== "" && message.includes(property)),
      );
    });
  }

  async function putAccountBack(username: string | undefined): Promise<void> {
    if (username === undefined || !usernames.includes(username)) return;
    await setup.harness.testDatabase.database.prisma.portalUser.update({
      where: { username },
      data: {
        passwordHash: rightHash,
        passwordIsTemporary: false,
        failedPasswordAttempts: 0,
        lockedUntil: null,
      },
    });
  }

  async function checkRoute(route: TRoute, tally: TTally): Promise<{ judged: number; rateLimited: number }> {
    const prisma = setup.harness.testDatabase.database.prisma;
    const seen = { judged: 0, rateLimited: 0 };
    await assertWithFirstFailure(
      bodyArbitrary(route),
      async (body) => {
        turn += 1;
        accountOfThisRun = usernames[turn % usernames.length] ?? "";
        const username = body.kind === "object" ? usernameOf(body.fields.username) : undefined;
        await putAccountBack(username);
        const encoded = encode(body);
        const expectation = expectationFor(route, body, encoded.length);
        const before = await fingerprinter.take();
        const lastAuditId = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
        requestCount += 1;
        const response = await fetch(`${setup.harness.baseUrl}/api/portal/v1/${route}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${PORTAL_API_KEY}`,
            "content-type": "application/json",
            // One address per call: the per-client limit (60 a minute) is not what this property is about.
            "x-forwarded-for": `10.${(requestCount >> 16) & 255}.${(requestCount >> 8) & 255}.${requestCount & 255}`,
          },
          body: encoded,
        });
        const answerText = await response.text();
        tally.tried += 1;
        const status = response.status;
        if (!DOCUMENTED_STATUSES.has(status))
          throw new Error(`HTTP ${status}, which the API does not document`);
        const secrets = [RIGHT_PASSWORD, ...(body.kind === "object" ? Object.values(body.fields) : [])]
          .map((value) => (typeof value === "string" ? value : value.kind === "text" ? value.text : ""))
          .filter((secret) => secret.trim().length >= 8);
        if (secrets.some((secret) => answerText.includes(secret)))
          throw new Error("the answer repeats a password");
        let answer: { ok?: unknown; error?: unknown; problems?: unknown } = {};
        try {
          answer = JSON.parse(answerText) as typeof answer;
        } catch {
          throw new Error(`HTTP ${status} with a body that is not JSON`);
        }
        if (status === 429) seen.rateLimited += 1;
        else if (expectation.kind !== "judged") seen.judged += 1;
        if (expectation.kind === "too_large" && status !== 413 && status !== 429)
          throw new Error(`a body of ${encoded.length} bytes got HTTP ${status}, not 413`);
        if (expectation.kind === "bad_request" && status !== 429) {
          if (status !== 400) throw new Error(`HTTP ${status}, but it must be 400: ${expectation.because}`);
          if (!namesOneOf(answer.problems, expectation.properties))
            throw new Error(
              `400 without a problem naming ${expectation.properties.map((name) => JSON.stringify(name)).join(" or ")} (${expectation.because}): ${JSON.stringify(answer.problems)}`,
            );
        }
        if (expectation.kind === "judged" && status === 400 && !namesOneOf(answer.problems, FIELDS[route]))
          throw new Error(`400 naming no property: ${JSON.stringify(answer.problems)}`);
        const refusedInput = [400, 413, 415, 422, 429].includes(status);
        if (status !== 200) tally.refused += 1;
        const after = await fingerprinter.take();
        const changes = changedTables(before, after);
        if (refusedInput && changes.length > 0) {
          tally.changed += 1;
          throw new Error(`HTTP ${status} changed ${changes.join(", ")}`);
        }
        if ([401, 403, 423].includes(status)) {
          // A wrong password counts towards the lockout and is audited, with its audit-channel post.
          const others = changes.filter(
            (change) =>
              !["portal_users ", "audit_events ", "outbox_messages "].some((table) =>
                change.startsWith(table),
              ),
          );
          const actions = (await prisma.auditEvent.findMany({ where: { id: { gt: lastAuditId } } })).map(
            (row) => row.action,
          );
          if (
            others.length > 0 ||
            actions.length > 1 ||
            actions.some((action) => !action.endsWith("_failed"))
          ) {
            tally.changed += 1;
            throw new Error(`HTTP ${status} changed ${others.join(", ")} and wrote ${actions.join(", ")}`);
          }
        }
        if (status === 200) await putAccountBack(username);
      },
      propertyParameters<TBody>(),
    );
    return seen;
  }

  for (const route of ["login", "password"] as const) {
    it(`POST /api/portal/v1/${route}: 1,000 generated bodies, no 5xx, 400 naming the property for each bad one, nothing changed by a refusal`, async () => {
      await withRecordedRow({ section: SECTION, scenario: `POST /api/portal/v1/${route}` }, async (tally) => {
        const seen = await checkRoute(route, tally);
        tally.note = `${seen.judged} had to be refused; ${seen.rateLimited} rate-limited`;
        expect(tally.changed).toBe(0);
        expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
        // A property that mostly met the rate limit proved nothing about input.
        expect(seen.rateLimited).toBeLessThan(tally.tried / 20);
      });
    });
  }

  it("the audit chain still verifies after the calls", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "portal API: audit chain after the run" },
      async (tally) => {
        const verdict = await verifyAuditChain(setup.harness.testDatabase.database.prisma);
        tally.tried = verdict.rows;
        expect(verdict).toEqual({ ok: true, rows: verdict.rows });
      },
    );
  });
});
