// Section 3 of issue 7, the invitation links' page (POST /acceso/<token>, CREDENTIAL_DELIVERY=link):
// 1,000 generated form bodies — hostile text in Nueva contraseña and Confirmar nueva contraseña,
// missing, repeated and unknown fields, a wrong or missing form key, bodies that are not
// urlencoded, not UTF-8 or over 16 KiB — posted as the page's own browser would.
// Properties: no 5xx; every answer is the page with its hardened headers; a bad password or a
// confirmation that differs is answered 422 with the error under its field; a refusal stores
// nothing; no answer repeats a password; an accepted one sets the password once, audited.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import {
  expectHardenedHeaders,
  formKeyIn,
  openInvitationPage,
  textOfId,
} from "../support/invitation-page.ts";
import { startSlackHarness, type TSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import { hostileText, withSomeFieldsHostile } from "./support/hostile-text.ts";
import { armInvitationLink, type TArmedLink } from "./support/invitation-links.ts";
import { type TTally, withRecordedRow } from "./support/results-table.ts";
import { assertWithFirstFailure, propertyParameters } from "./support/run-budget.ts";

const SECTION = "3. Bad input";
/** Links enough that the per-link limit (10 submissions in 10 minutes) is not what answers. */
const LINKS = 150;
const MAXIMUM_BODY_BYTES = 16 * 1024;
const MINIMUM_LENGTH = 15;
const MAXIMUM_LENGTH = 128;
/**
 * The oracle for a password (a secret): any Unicode a person can type — a tab and bidi marks
 * included — but never a lone surrogate, a NUL, a C0/C1 control or a line break.
 */
function secretMustBeRefused(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return !text.isWellFormed() || /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/u.test(text);
}

const DOCUMENTED_STATUSES = new Set([200, 403, 404, 413, 415, 422, 429]);

/** Consonant groups: zxcvbn judges them fast (see the README's decisions). */
const CONSONANTS = "bcdfghjklmnpqrstvwxz";
const plausiblePassword = fc
  .array(fc.string({ unit: fc.constantFrom(...CONSONANTS), minLength: 5, maxLength: 7 }), {
    minLength: 3,
    maxLength: 4,
  })
  .map((groups) => groups.join(" "));

type TField =
  | { readonly kind: "text"; readonly text: string }
  /** The same text as the new password (the confirmation a person types). */
  | { readonly kind: "same" }
  | { readonly kind: "missing" }
  | { readonly kind: "repeated"; readonly texts: readonly string[] };

type TFormKey = "right" | "missing" | "wrong" | "another_link";

type TBody =
  | {
      readonly kind: "form";
      readonly newPassword: TField;
      readonly confirmation: TField;
      readonly formKey: TFormKey;
      readonly extra: readonly (readonly [string, string])[];
    }
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "bytes"; readonly bytes: readonly number[] }
  | { readonly kind: "too_large" }
  | { readonly kind: "wrong_type"; readonly contentType: string };

const text = (arbitrary: fc.Arbitrary<string>) =>
  arbitrary.map((value): TField => ({ kind: "text", text: value }));
const hostileField = fc.oneof(
  { weight: 12, arbitrary: text(hostileText(plausiblePassword)) },
  { weight: 1, arbitrary: fc.constant<TField>({ kind: "missing" }) },
  {
    weight: 1,
    arbitrary: fc
      .array(hostileText(plausiblePassword), { minLength: 2, maxLength: 3 })
      .map((texts): TField => ({ kind: "repeated", texts })),
  },
);

const formBody: fc.Arbitrary<TBody> = fc
  .tuple(
    withSomeFieldsHostile<{ newPassword: TField; confirmation: TField }>(
      { newPassword: text(plausiblePassword), confirmation: fc.constant<TField>({ kind: "same" }) },
      { newPassword: hostileField, confirmation: hostileField },
    ),
    fc.oneof(
      { weight: 12, arbitrary: fc.constant<TFormKey>("right") },
      { weight: 1, arbitrary: fc.constantFrom<TFormKey>("missing", "wrong", "another_link") },
    ),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant<(readonly [string, string])[]>([]) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom("__proto__", "username", "token", "currentPassword", "isAdmin"),
              fc.string(),
            ),
            fc.string({ maxLength: 20 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      },
    ),
  )
  .map(([fields, formKey, extra]): TBody => ({ kind: "form", ...fields, formKey, extra }));

const bodyArbitrary: fc.Arbitrary<TBody> = fc.oneof(
  { weight: 20, arbitrary: formBody },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom("", "%", "%zz=%", "&&&=", "newPassword", "=x", "a=%E0%A4%A"),
        fc.string({ maxLength: 30 }),
      )
      .map((raw): TBody => ({ kind: "raw", text: raw })),
  },
  {
    weight: 1,
    // Not UTF-8: a lone continuation byte, an overlong encoding, a surrogate encoded as UTF-8.
    arbitrary: fc
      .constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe])
      .map((bad): TBody => ({ kind: "bytes", bytes: bad })),
  },
  { weight: 1, arbitrary: fc.constant<TBody>({ kind: "too_large" }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("application/json", "multipart/form-data; boundary=x", "text/plain", "")
      .map((contentType): TBody => ({ kind: "wrong_type", contentType })),
  },
);

describe(`${SECTION}: the invitation page's form (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let fingerprinter: TFingerprinter;
  let placeId = "";
  const links: TArmedLink[] = [];
  const formKeys = new Map<string, string>();

  async function arm(index: number): Promise<void> {
    const link = await armInvitationLink(harness, {
      username: `cuenta.enlace.${String(index).padStart(3, "0")}`,
      placeId,
    });
    links[index] = link;
    formKeys.set(link.token, formKeyIn((await openInvitationPage(link.url)).html));
  }

  beforeAll(async () => {
    harness = await startSlackHarness({ environment: { CREDENTIAL_DELIVERY: "link" } });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "26015", name: "Matriz" },
      })
    ).id;
    for (let index = 0; index < LINKS; index += 1) await arm(index);
    fingerprinter = await createFingerprinter(harness.testDatabase.database, {
      // Every submission that reaches the use case counts towards its link's limit: counting is not a change.
      exclude: ["rate_limit_windows"],
    });
  });
  afterAll(() => harness.stop());

  function values(field: TField, newPassword: string | undefined): string[] {
    switch (field.kind) {
      case "text":
        return [field.text];
      case "same":
        return newPassword === undefined ? [] : [newPassword];
      case "missing":
        return [];
      case "repeated":
        return [...field.texts];
    }
  }

  function encode(body: TBody, link: TArmedLink, other: TArmedLink): { bytes: Buffer; contentType: string } {
    const urlencoded = "application/x-www-form-urlencoded";
    switch (body.kind) {
      case "form": {
        const form = new URLSearchParams();
        const key = {
          right: formKeys.get(link.token),
          another_link: formKeys.get(other.token),
          wrong: "x".repeat(43),
          missing: undefined,
        }[body.formKey];
        if (key !== undefined) form.append("formKey", key);
        const newPasswords = values(body.newPassword, undefined);
        for (const value of newPasswords) form.append("newPassword", value);
        for (const value of values(body.confirmation, newPasswords[0])) form.append("confirmation", value);
        for (const [name, value] of body.extra) form.append(name, value);
        return { bytes: Buffer.from(form.toString()), contentType: urlencoded };
      }
      case "raw":
        return {
          bytes: Buffer.from(`formKey=${formKeys.get(link.token)}&${body.text}`),
          contentType: urlencoded,
        };
      case "bytes":
        return {
          bytes: Buffer.concat([
            Buffer.from(`formKey=${formKeys.get(link.token)}&newPassword=`),
            Buffer.from(body.bytes),
          ]),
          contentType: urlencoded,
        };
      case "too_large":
        return {
          bytes: Buffer.from(
            `formKey=${formKeys.get(link.token)}&newPassword=${"a".repeat(MAXIMUM_BODY_BYTES)}`,
          ),
          contentType: urlencoded,
        };
      case "wrong_type":
        return { bytes: Buffer.from(`formKey=${formKeys.get(link.token)}`), contentType: body.contentType };
    }
  }

  type TExpectation =
    | { readonly status: 403 | 413 | 415; readonly because: string }
    | { readonly status: 422; readonly field: "newPassword" | "confirmation"; readonly because: string }
    /** Well formed: accepted, or refused on a field by the dictionary check. */
    | { readonly status: "judged" };

  function expectationFor(body: TBody, bytes: number, form: URLSearchParams): TExpectation {
    if (bytes > MAXIMUM_BODY_BYTES) return { status: 413, because: `${bytes} bytes` };
    if (body.kind === "wrong_type") return { status: 415, because: `content-type ${body.contentType}` };
    if (body.kind === "form" && body.formKey !== "right")
      return { status: 403, because: `form key ${body.formKey}` };
    // The page reads the first value of a field, as URLSearchParams.get does; a missing one is empty.
    const newPassword = (form.get("newPassword") ?? "").normalize("NFKC");
    const confirmation = (form.get("confirmation") ?? "").normalize("NFKC");
    const length = [...newPassword].length;
    if (secretMustBeRefused(newPassword))
      return { status: 422, field: "newPassword", because: "holds a character no password may hold" };
    if (length < MINIMUM_LENGTH || length > MAXIMUM_LENGTH)
      return { status: 422, field: "newPassword", because: `${length} characters` };
    if (confirmation !== newPassword)
      return { status: 422, field: "confirmation", because: "the confirmation differs" };
    return { status: "judged" };
  }

  it("POST /acceso/<token>: 1,000 generated form bodies, no 5xx, errors on their fields, nothing stored by a refusal", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "POST /acceso/<token> (invitation page form)" },
      async (tally: TTally) => {
        const prisma = harness.testDatabase.database.prisma;
        let turn = 0;
        let accepted = 0;
        let rateLimited = 0;
        await assertWithFirstFailure(
          bodyArbitrary,
          async (body) => {
            turn += 1;
            const index = turn % LINKS;
            const link = links[index];
            const other = links[(index + 1) % LINKS];
            if (link === undefined || other === undefined) throw new Error("no link armed");
            const { bytes, contentType } = encode(body, link, other);
            const form = new URLSearchParams(bytes.toString("utf8"));
            const expectation = expectationFor(body, bytes.length, form);
            const before = await fingerprinter.take();
            const lastAuditId = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
            const response = await fetch(link.url, {
              method: "POST",
              headers: {
                ...(contentType === "" ? {} : { "content-type": contentType }),
                "sec-fetch-site": "same-origin",
                origin: "null",
              },
              body: bytes,
            });
            const html = await response.text();
            tally.tried += 1;
            const status = response.status;
            if (!DOCUMENTED_STATUSES.has(status))
              throw new Error(`HTTP ${status}, which the page never answers`);
            expectHardenedHeaders({ status, headers: response.headers, html });
            const typed = [...form.getAll("newPassword"), ...form.getAll("confirmation")].filter(
              (value) => value.trim().length >= 8,
            );
            if (typed.some((value) => html.includes(value))) throw new Error("the answer repeats a password");
            if (status === 429) rateLimited += 1;
            else if (expectation.status === "judged") {
              if (status !== 200 && status !== 422)
                throw new Error(`HTTP ${status} for a well-formed submission`);
            } else if (status !== expectation.status) {
              throw new Error(`HTTP ${status}, but it must be ${expectation.status}: ${expectation.because}`);
            }
            if (status === 422) {
              const errors = ["newPassword", "confirmation"].filter(
                (field) => textOfId(html, `${field}-error`) !== undefined,
              );
              if (errors.length === 0) throw new Error("422 with no error under a field");
              if (expectation.status === 422 && !errors.includes(expectation.field))
                throw new Error(
                  `422 without an error under ${expectation.field} (${expectation.because}): ${errors.join(", ")}`,
                );
              if (!html.includes('aria-invalid="true"')) throw new Error("422 with no field marked invalid");
            }
            const changes = changedTables(before, await fingerprinter.take());
            if (status !== 200) {
              tally.refused += 1;
              if (changes.length > 0) {
                tally.changed += 1;
                throw new Error(`HTTP ${status} changed ${changes.join(", ")}`);
              }
              return;
            }
            accepted += 1;
            const actions = (await prisma.auditEvent.findMany({ where: { id: { gt: lastAuditId } } })).map(
              (row) => row.action,
            );
            expect(actions).toEqual(["user.password_set"]);
            const account = await prisma.portalUser.findUniqueOrThrow({ where: { username: link.username } });
            expect(account.passwordHash).not.toBeNull();
            expect(account.invitationTokenHash).toBeNull();
            await arm(index);
          },
          propertyParameters<TBody>(),
        );
        tally.note = `${accepted} accepted (password set, audited once); ${rateLimited} rate-limited`;
        expect((await verifyAuditChain(harness.testDatabase.database.prisma)).ok).toBe(true);
      },
    );
  });
});
