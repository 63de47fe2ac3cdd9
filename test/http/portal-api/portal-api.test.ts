// The portal API end to end: real HTTP requests into the real server, routes, use cases and
// database, as the PremiumOne portal would make them, from the temporary password of the welcome
// email to a password of the user's own.
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TUseCaseDependencies } from "../../../src/application/dependencies.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { disablePortalUser } from "../../../src/application/users/disable-portal-user.ts";
import { issueTemporaryPassword } from "../../../src/application/users/issue-temporary-password.ts";
import { createHttpServer, type THttpServer } from "../../../src/http/http-server.ts";
import { openApiDocument } from "../../../src/http/portal-api/openapi-document.ts";
import { PortalApiPath } from "../../../src/http/portal-api/portal-api-paths.ts";
import { PORTAL_API_ERRORS } from "../../../src/http/portal-api/portal-api-replies.ts";
import { createPortalApiRoutes } from "../../../src/http/portal-api/portal-api-routes.ts";
import type { TPortalApiRoute } from "../../../src/http/portal-api/portal-endpoint.ts";
import { errorMessage } from "../../../src/i18n/translate.ts";
import { createBcryptPasswordHasher } from "../../../src/infrastructure/security/password-hasher.ts";
import { adminContext, seedBasics } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

const API_KEY = randomBytes(32).toString("base64url");
const NEW_PASSWORD = "tacos al pastor con piña 2026";
/** The error codes a documented response's body schema allows. */
const ZDocumentedRefusal = z.object({
  content: z.object({
    "application/json": z.object({
      schema: z.object({ properties: z.object({ error: z.object({ enum: z.array(z.string()) }) }) }),
    }),
  }),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface TAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

interface TCallOptions {
  readonly method?: string;
  readonly apiKey?: string | null;
  readonly headers?: Record<string, string>;
  /** Sent as is; otherwise the body is JSON.stringify'd. */
  readonly rawBody?: string;
  /** Another server than the file's own. */
  readonly baseUrl?: string;
}

describe(`portal API over HTTP (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let routes: TPortalApiRoute[];
  let server: THttpServer;
  let baseUrl: string;
  let placeId: string;
  let sequence = 0;
  /** Every answer of this file, to hold against the OpenAPI document at the end. */
  const answered: { path: string; method: string; status: number; error: unknown }[] = [];
  /** Every password and key sent, none of which may reach a log. */
  const secretsSent = new Set<string>([API_KEY]);

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    placeId = (await seedBasics(testDatabase.database)).kemperCentro;
    routes = createPortalApiRoutes({ dependencies, apiKey: API_KEY, logger: dependencies.logger });
    server = createHttpServer(routes, dependencies.logger);
    baseUrl = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await server.close();
    await testDatabase.close();
  });
  // Each test starts in a new rate-limit minute (the limits run on the test clock).
  beforeEach(() => dependencies.clock.advance(61_000));

  async function call(path: string, body: unknown, options: TCallOptions = {}): Promise<TAnswer> {
    const method = options.method ?? "POST";
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey ?? API_KEY}`;
    for (const [name, value] of Object.entries(body instanceof Object ? body : {})) {
      if (name.toLowerCase().includes("password") && typeof value === "string") secretsSent.add(value);
    }
    const response = await fetch(`${options.baseUrl ?? baseUrl}${path}`, {
      method,
      headers,
      ...(method === "GET" ? {} : { body: options.rawBody ?? JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = JSON.parse(text) as Record<string, unknown>;
    answered.push({ path, method, status: response.status, error: json.error });
    return { status: response.status, headers: Object.fromEntries(response.headers), text, json };
  }

  const login = (username: string, password: string, options?: TCallOptions) =>
    call(PortalApiPath.LOGIN, { username, password }, options);
  const changePassword = (username: string, currentPassword: string, newPassword: string) =>
    call(PortalApiPath.PASSWORD, { username, currentPassword, newPassword });

  /** A new account and the temporary password its welcome email would carry. */
  async function newAccount(
    withDependencies: TUseCaseDependencies = dependencies,
  ): Promise<{ username: string; temporaryPassword: string }> {
    sequence += 1;
    const username = `contador${sequence}`;
    const user = await createPortalUser(withDependencies, {
      context: adminContext(),
      fields: {
        username,
        fullName: `Contador ${sequence}`,
        email: `${username}@example.com`,
        slackUserId: undefined,
        placeIds: [placeId],
      },
    });
    const issued = await issueTemporaryPassword(withDependencies, { userId: user.id });
    if (issued === undefined) throw new Error("no password issued");
    secretsSent.add(issued.password);
    return { username, temporaryPassword: issued.password };
  }

  /** The headers a client could tell two answers apart by (all but the request id and the date). */
  function comparableHeaders(answer: TAnswer): Record<string, string> {
    const { "x-request-id": _requestId, date: _date, ...rest } = answer.headers;
    return rest;
  }

  it("logs in with the temporary password and is told to change it", async () => {
    const { username, temporaryPassword } = await newAccount();
    const answer = await login(username.toUpperCase(), temporaryPassword);
    expect(answer.status).toBe(200);
    expect(answer.headers["x-request-id"]).toMatch(UUID);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.json).toEqual({
      ok: true,
      user: {
        username,
        fullName: expect.stringMatching(/^Contador \d+$/),
        email: `${username}@example.com`,
        places: [
          {
            rfc: "EKU9003173C9",
            companyName: "ESCUELA KEMPER URGATE",
            postalCode: "06000",
            placeName: "Centro",
          },
        ],
      },
      mustChangePassword: true,
    });
  });

  it("changes the password: the old one stops working, the new one is the user's own", async () => {
    const { username, temporaryPassword } = await newAccount();
    const changed = await changePassword(username, temporaryPassword, NEW_PASSWORD);
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ ok: true });

    expect((await login(username, temporaryPassword)).json).toEqual({
      ok: false,
      error: "invalid_credentials",
    });
    const afterwards = await login(username, NEW_PASSWORD);
    expect(afterwards.status).toBe(200);
    expect(afterwards.json.mustChangePassword).toBe(false);

    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.password_changed", targetLabel: username },
    });
    expect(audit).toMatchObject({ actorId: "portal", requestId: changed.headers["x-request-id"] });
  });

  it("answers a wrong password and an unknown user identically, on both endpoints", async () => {
    const { username } = await newAccount();
    const wrong = await login(username, "not the password at all");
    const unknown = await login("nadie.existe", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('{"ok":false,"error":"invalid_credentials"}');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.text).toBe(wrong.text);
    expect(comparableHeaders(unknown)).toEqual(comparableHeaders(wrong));

    const wrongCurrent = await changePassword(username, "not the password at all", NEW_PASSWORD);
    const unknownCurrent = await changePassword("nadie.existe", "not the password at all", NEW_PASSWORD);
    for (const answer of [wrongCurrent, unknownCurrent]) {
      expect(answer.status).toBe(401);
      expect(answer.text).toBe(wrong.text);
      expect(comparableHeaders(answer)).toEqual(comparableHeaders(wrong));
    }
    // The failure is audited under the request id the portal was given.
    const failed = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.login_failed", targetLabel: username },
    });
    expect(failed?.requestId).toBe(wrong.headers["x-request-id"]);
  });

  it("keeps the portal's own x-request-id (answer, audit row and log line) and replaces one it cannot store", async () => {
    const { username } = await newAccount();
    const given = "portal-req-7f3a9c";
    const answer = await login(username, "not the password at all", { headers: { "x-request-id": given } });
    expect(answer.headers["x-request-id"]).toBe(given);
    const failed = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.login_failed", targetLabel: username },
    });
    expect(failed?.requestId).toBe(given);
    const unusable = await login(username, "not the password at all", {
      headers: { "x-request-id": `${"x".repeat(65)}` },
    });
    expect(unusable.headers["x-request-id"]).toMatch(UUID);
    const injected = await login(username, "not the password at all", {
      headers: { "x-request-id": "id with spaces\tand tabs" },
    });
    expect(injected.headers["x-request-id"]).toMatch(UUID);
  });

  it("locks the account after five wrong passwords, even against the right one", async () => {
    const { username, temporaryPassword } = await newAccount();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await login(username, `wrong guess ${attempt}`)).status).toBe(401);
    }
    const fifth = await login(username, "wrong guess 5");
    const lockedUntil = new Date(dependencies.clock().getTime() + 15 * 60_000).toISOString();
    expect(fifth.status).toBe(423);
    expect(fifth.json).toEqual({ ok: false, error: "account_locked", lockedUntil });
    expect((await login(username, temporaryPassword)).json).toEqual({
      ok: false,
      error: "account_locked",
      lockedUntil,
    });
    expect((await changePassword(username, temporaryPassword, NEW_PASSWORD)).status).toBe(423);
  });

  it("refuses a temporary password past its expiry with 403", async () => {
    const { username, temporaryPassword } = await newAccount();
    dependencies.clock.advance(73 * 3_600_000);
    const refused = await login(username, temporaryPassword);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ ok: false, error: "temporary_password_expired" });
    expect((await changePassword(username, temporaryPassword, NEW_PASSWORD)).json).toEqual({
      ok: false,
      error: "temporary_password_expired",
    });
  });

  it("tells a disabled account apart only to whoever knows its password", async () => {
    const { username, temporaryPassword } = await newAccount();
    await disablePortalUser(dependencies, { context: adminContext(), user: { username } });
    expect((await login(username, "not the password at all")).json).toEqual({
      ok: false,
      error: "invalid_credentials",
    });
    const refused = await login(username, temporaryPassword);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ ok: false, error: "account_disabled" });
    expect((await changePassword(username, temporaryPassword, NEW_PASSWORD)).status).toBe(403);
  });

  it("answers a new password that breaks the policy with 422 and the reason in the bot's locale", async () => {
    const { username, temporaryPassword } = await newAccount();
    const tooShort = await changePassword(username, temporaryPassword, "corta");
    expect(tooShort.status).toBe(422);
    expect(tooShort.json).toEqual({
      ok: false,
      error: "invalid_password",
      problems: [
        {
          field: "newPassword",
          code: "PASSWORD_TOO_SHORT",
          message: errorMessage("es", "PASSWORD_TOO_SHORT", { minimum: 15 }),
        },
      ],
    });
    expect(tooShort.text).toContain("Usa al menos 15 caracteres");
    expect(tooShort.text).not.toContain("corta");

    const withUsername = await changePassword(username, temporaryPassword, `mi cuenta es ${username} y ya`);
    expect(withUsername.json.problems).toEqual([
      expect.objectContaining({ field: "newPassword", code: "PASSWORD_CONTAINS_USERNAME" }),
    ]);
    const unchanged = await changePassword(username, temporaryPassword, temporaryPassword);
    expect(unchanged.json.problems).toEqual([expect.objectContaining({ code: "PASSWORD_UNCHANGED" })]);
    // Nothing changed: the temporary password still logs in.
    expect((await login(username, temporaryPassword)).json.mustChangePassword).toBe(true);
  });

  it("refuses a missing or wrong API key with 401 and WWW-Authenticate, before reading the body", async () => {
    const { username, temporaryPassword } = await newAccount();
    for (const apiKey of [null, "not-the-key", `${API_KEY}x`]) {
      const refused = await login(username, temporaryPassword, { apiKey });
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ ok: false, error: "unauthorized" });
      expect(refused.headers["www-authenticate"]).toBe("Bearer");
      expect(refused.headers["x-request-id"]).toMatch(UUID);
    }
    const basic = await login(username, temporaryPassword, {
      apiKey: null,
      headers: { authorization: `Basic ${Buffer.from(`portal:${API_KEY}`).toString("base64")}` },
    });
    expect(basic.status).toBe(401);
    expect((await login(username, temporaryPassword, { apiKey: null, rawBody: "{" })).status).toBe(401);
  });

  it("answers 503 portal_api_disabled while no key is configured, and still serves the document", async () => {
    const disabled = createHttpServer(
      createPortalApiRoutes({ dependencies, apiKey: undefined, logger: dependencies.logger }),
      dependencies.logger,
    );
    const port = await disabled.listen(0, "127.0.0.1");
    try {
      const answer = await fetch(`http://127.0.0.1:${port}${PortalApiPath.LOGIN}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify({ username: "nadie", password: "x" }),
      });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ ok: false, error: "portal_api_disabled" });
      expect(answer.headers.get("x-request-id")).toMatch(UUID);
      answered.push({ path: PortalApiPath.LOGIN, method: "POST", status: 503, error: "portal_api_disabled" });
      expect((await fetch(`http://127.0.0.1:${port}${PortalApiPath.OPENAPI_DOCUMENT}`)).status).toBe(200);
    } finally {
      await disabled.close();
    }
  });

  it("takes JSON only (415), up to 16 KiB (413), in the documented shape (400), never echoing a value", async () => {
    const secret = "my-secret-typed-in-the-wrong-box";
    secretsSent.add(secret);
    const plain = await call(PortalApiPath.LOGIN, undefined, {
      headers: { "content-type": "text/plain" },
      rawBody: `username=ana&password=${secret}`,
    });
    expect(plain.status).toBe(415);
    expect(plain.json).toEqual({ ok: false, error: "unsupported_media_type" });

    const tooLarge = await login("ana", "x".repeat(17 * 1024));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toEqual({ ok: false, error: "payload_too_large" });

    const notJson = await call(PortalApiPath.LOGIN, undefined, {
      rawBody: `{"username":"ana","password":${secret}}`,
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json).toEqual({
      ok: false,
      error: "bad_request",
      problems: [{ field: "", code: "invalid_json", message: expect.any(String) }],
    });

    const wrongShape = await call(PortalApiPath.PASSWORD, {
      username: "ana",
      currentPassword: 12345,
      password: secret,
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.error).toBe("bad_request");
    expect(wrongShape.json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "currentPassword", code: "invalid_type" }),
        expect.objectContaining({ field: "newPassword", code: "invalid_type" }),
        expect.objectContaining({ field: "", code: "unrecognized_keys" }),
      ]),
    );
    const empty = await login("ana", "");
    expect(empty.json.problems).toEqual([expect.objectContaining({ field: "password", code: "too_small" })]);

    for (const answer of [plain, tooLarge, notJson, wrongShape, empty]) {
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain("12345");
      expect(answer.headers["x-request-id"]).toMatch(UUID);
    }
  });

  it("stops reading a body streamed past 16 KiB", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(
        `${baseUrl}${PortalApiPath.LOGIN}`,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}` },
        },
        (incoming) => {
          let body = "";
          incoming.on("data", (chunk: Buffer) => {
            body += chunk.toString("utf8");
          });
          incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
        },
      );
      outgoing.on("error", reject);
      // No content-length: chunked, so only counting the bytes can stop it.
      outgoing.write(`{"username":"ana","password":"${"x".repeat(20 * 1024)}`);
      outgoing.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: "payload_too_large" });
  });

  it("limits attempts per username, known or not, whatever its case: 429 with Retry-After", async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const username = attempt % 2 === 0 ? "Nadie.Existe" : "nadie.existe";
      expect((await login(username, `guess ${attempt}`)).status).toBe(401);
    }
    const limited = await changePassword("NADIE.EXISTE", "guess 11", NEW_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ ok: false, error: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
    // Another account is not held back by this one.
    expect((await login("otra.cuenta", "guess")).status).toBe(401);
    dependencies.clock.advance(60_000);
    expect((await login("nadie.existe", "guess 12")).status).toBe(401);
  });

  it("limits attempts per client: 60 a minute, the portal naming the person in X-Forwarded-For", async () => {
    for (let attempt = 1; attempt <= 60; attempt += 1) {
      expect((await login(`visitante${attempt}`, "guess")).status).toBe(401);
    }
    const limited = await login("visitante61", "guess");
    expect(limited.status).toBe(429);
    // Until the hits of this minute weigh less (the limit slides): at most one window.
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(61);
    const forAnotherPerson = await login("visitante61", "guess", {
      headers: { "x-forwarded-for": "203.0.113.7, 127.0.0.1" },
    });
    expect(forAnotherPerson.status).toBe(401);
  });

  it("serves its OpenAPI document at GET without the key", async () => {
    const answer = await call(PortalApiPath.OPENAPI_DOCUMENT, undefined, { method: "GET", apiKey: null });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    expect(answer.json.openapi).toBe("3.1.0");
  });

  it("answers a wrong password and an unknown user in similar time (a sanity check, not a benchmark)", async () => {
    // bcrypt at cost 10 for this one: at the tests' cost 4 a comparison takes a millisecond, the
    // database write of a wrong attempt outweighs it, and an unknown user answered without any
    // bcrypt work would go unnoticed. At cost 10 bcrypt dominates, as at production's cost 12.
    const slowDependencies = {
      ...dependencies,
      passwordHasher: createBcryptPasswordHasher({ pepper: "timing-pepper-0123456789abcdef0123", cost: 10 }),
    };
    const slowServer = createHttpServer(
      createPortalApiRoutes({ dependencies: slowDependencies, apiKey: API_KEY, logger: dependencies.logger }),
      dependencies.logger,
    );
    const slowUrl = `http://127.0.0.1:${await slowServer.listen(0, "127.0.0.1")}`;
    try {
      const accounts = [];
      for (let index = 0; index < 11; index += 1) accounts.push(await newAccount(slowDependencies));
      const timed = async (username: string) => {
        const startedAt = performance.now();
        const answer = await login(username, "not the password at all", { baseUrl: slowUrl });
        expect(answer.status).toBe(401);
        return performance.now() - startedAt;
      };
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (const [index, account] of accounts.entries()) {
        const wrongTime = await timed(account.username);
        const unknownTime = await timed(`desconocido${index}`);
        // The first pair warms up the server and the hasher.
        if (index > 0) {
          wrong.push(wrongTime);
          unknown.push(unknownTime);
        }
      }
      const median = (values: readonly number[]) => {
        const sorted = [...values].sort((left, right) => left - right);
        return ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2;
      };
      const ratio = median(wrong) / median(unknown);
      const measured = `wrong ${median(wrong).toFixed(0)} ms, unknown ${median(unknown).toFixed(0)} ms`;
      expect(ratio, measured).toBeLessThan(3);
      expect(ratio, measured).toBeGreaterThan(1 / 3);
    } finally {
      await slowServer.close();
    }
  });

  it("logs each call with its request id and outcome, and never a password or the key", () => {
    const calls = dependencies.logs.filter((log) => log.message === "portal API call");
    expect(calls.length).toBeGreaterThan(50);
    for (const log of calls) {
      expect(Object.keys(log.object).sort()).toEqual([
        "durationMs",
        "endpoint",
        "outcome",
        "requestId",
        "status",
      ]);
    }
    expect(calls.map((log) => log.object)).toContainEqual(
      expect.objectContaining({ endpoint: "login", status: 401, outcome: "invalid_credentials" }),
    );
    const everything = JSON.stringify(dependencies.logs);
    // Short made-up guesses ("x", "guess") could match by chance; every real secret here is longer.
    for (const secret of [...secretsSent].filter((value) => value.length >= 8)) {
      expect(everything).not.toContain(secret);
    }
  });

  it("answers nothing the OpenAPI document does not list", () => {
    for (const { path, method, status, error } of answered) {
      const operation = openApiDocument.paths[path]?.[method === "GET" ? "get" : "post"];
      const response = operation?.responses[String(status)];
      expect(response, `${method} ${path} ${status}`).toBeDefined();
      if (typeof error === "string") expect(JSON.stringify(response)).toContain(`"${error}"`);
    }
  });

  it("describes in its OpenAPI document every route, status and error code it can answer, and no other", () => {
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(routes.map((route) => route.path).sort());
    for (const route of routes) {
      const operation = openApiDocument.paths[route.path]?.[route.method === "GET" ? "get" : "post"];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      const answerable: Record<string, string[]> = { "200": [] };
      for (const error of route.errors) {
        const status = String(PORTAL_API_ERRORS[error].status);
        answerable[status] = [...(answerable[status] ?? []), error];
      }
      const documented = Object.fromEntries(
        Object.entries(operation?.responses ?? {}).map(([status, response]) => {
          const refusal = ZDocumentedRefusal.safeParse(response);
          return [
            status,
            refusal.success ? refusal.data.content["application/json"].schema.properties.error.enum : [],
          ];
        }),
      );
      const sortedValues = (table: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(table).map(([status, errors]) => [status, [...errors].sort()]));
      expect(sortedValues(documented), `${route.method} ${route.path}`).toEqual(sortedValues(answerable));
    }
  });

  it("has an OpenAPI document whose every $ref points at a component it defines", () => {
    const references = JSON.stringify(openApiDocument).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) {
      const [kind, name] = reference
        .replace(/^"\$ref":"#\/components\//, "")
        .replace(/"$/, "")
        .split("/");
      const components: Record<string, Record<string, unknown>> = openApiDocument.components;
      expect(components[kind ?? ""]?.[name ?? ""], reference).toBeDefined();
    }
  });
});
