// Sections 1 and 2 of issue 7 for the invitation links' page (POST /acceso/<token>,
// CREDENTIAL_DELIVERY=link). Forged requests: a post from another site — as a browser says it
// (Sec-Fetch-Site: cross-site or same-site), or by a foreign Origin alone (an older browser) — and a
// post without the page's form key, with a made-up one or with another link's: each refused 403
// with the refusal page, nothing stored, though every one carries a valid password and the right
// link. Authorisation: a link already used, a link voided by a later reset, a made-up link and one
// a character away from a real one get the one dead-link page (404) and set nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetPortalUserPassword } from "../../src/application/users/reset-portal-user-password.ts";
import {
  expectHardenedHeaders,
  formKeyIn,
  openInvitationPage,
  postInvitationForm,
  type TPageAnswer,
} from "../support/invitation-page.ts";
import { slackContext } from "../support/seed.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import { armInvitationLink, type TArmedLink } from "./support/invitation-links.ts";
import { type TTally, withRecordedRow } from "./support/results-table.ts";

const CHOSEN = "bcdfg hjklm npqrs tvwxz";
const SAME_ORIGIN = { "sec-fetch-site": "same-origin", origin: "null" } as const;

describe(`the invitation page under forged and unauthorised posts (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let fingerprinter: TFingerprinter;
  let placeId = "";
  let deadLinkPage: TPageAnswer;
  let refusedPage: TPageAnswer;
  let serial = 0;

  const arm = () => {
    serial += 1;
    return armInvitationLink(harness, { username: `cuenta.forja.${serial}`, placeId });
  };

  async function keyOf(link: TArmedLink): Promise<string> {
    return formKeyIn((await openInvitationPage(link.url)).html);
  }

  /** Posts each attempt and checks it was refused as `expected` with nothing stored. */
  async function expectRefused(
    tally: TTally,
    attempts: readonly (() => Promise<TPageAnswer>)[],
    expected: { status: number; page: TPageAnswer },
  ): Promise<void> {
    for (const attempt of attempts) {
      const before = await fingerprinter.take();
      const answer = await attempt();
      tally.tried += 1;
      expectHardenedHeaders(answer);
      if (answer.status === expected.status && answer.html === expected.page.html) tally.refused += 1;
      const changes = changedTables(before, await fingerprinter.take());
      if (changes.length > 0) tally.changed += 1;
      expect(answer.status).toBe(expected.status);
      expect(answer.html).toBe(expected.page.html);
      expect(changes).toEqual([]);
    }
  }

  beforeAll(async () => {
    harness = await startSlackHarness({ environment: { CREDENTIAL_DELIVERY: "link" } });
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "06000", name: "Centro" },
      })
    ).id;
    deadLinkPage = await openInvitationPage(`${harness.baseUrl}/acceso/${"Z".repeat(43)}`);
    const probe = await arm();
    refusedPage = await postInvitationForm(probe.url, {}, { "sec-fetch-site": "cross-site" });
    expect(refusedPage.status).toBe(403);
    fingerprinter = await createFingerprinter(harness.testDatabase.database, {
      // Accepted submissions count towards their link's limit; a refused one never gets that far.
      exclude: ["rate_limit_windows"],
    });
  });
  afterAll(() => harness.stop());

  it("refuses a cross-site post and one without the page's own form key, storing nothing", async () => {
    await withRecordedRow(
      {
        section: "1. Forged requests",
        scenario: "invitation page: cross-site posts, missing or foreign form key",
      },
      async (tally) => {
        const link = await arm();
        const other = await arm();
        const formKey = await keyOf(link);
        const otherKey = await keyOf(other);
        const fields = { formKey, newPassword: CHOSEN, confirmation: CHOSEN };
        await expectRefused(
          tally,
          [
            () =>
              postInvitationForm(link.url, fields, {
                "sec-fetch-site": "cross-site",
                origin: "https://evil.example",
              }),
            () => postInvitationForm(link.url, fields, { "sec-fetch-site": "cross-site", origin: "null" }),
            () =>
              postInvitationForm(link.url, fields, {
                "sec-fetch-site": "same-site",
                origin: "https://sub.example",
              }),
            () => postInvitationForm(link.url, fields, { origin: "https://evil.example" }),
            () => postInvitationForm(link.url, { newPassword: CHOSEN, confirmation: CHOSEN }, SAME_ORIGIN),
            () => postInvitationForm(link.url, { ...fields, formKey: "" }, SAME_ORIGIN),
            () =>
              postInvitationForm(
                link.url,
                { ...fields, formKey: `${formKey.slice(0, -1)}${formKey.endsWith("A") ? "B" : "A"}` },
                SAME_ORIGIN,
              ),
            () => postInvitationForm(link.url, { ...fields, formKey: otherKey }, SAME_ORIGIN),
          ],
          { status: 403, page: refusedPage },
        );
        const account = await harness.testDatabase.database.prisma.portalUser.findUniqueOrThrow({
          where: { username: link.username },
        });
        expect(account.passwordHash).toBeNull();
        // The control: the page's own post, same request otherwise, is accepted.
        const accepted = await postInvitationForm(link.url, fields, SAME_ORIGIN);
        expect(accepted.status).toBe(200);
        tally.note = "8 forged posts refused 403; the page's own post then accepted";
      },
    );
  });

  it("answers a used, a voided, a made-up and a near-miss link with the one dead-link page, setting nothing", async () => {
    await withRecordedRow(
      { section: "2. Authorisation", scenario: "invitation page: used, voided, made-up and near-miss links" },
      async (tally) => {
        const used = await arm();
        const usedKey = await keyOf(used);
        expect(
          (
            await postInvitationForm(used.url, {
              formKey: usedKey,
              newPassword: CHOSEN,
              confirmation: CHOSEN,
            })
          ).status,
        ).toBe(200);
        const voided = await arm();
        const voidedKey = await keyOf(voided);
        const account = await harness.testDatabase.database.prisma.portalUser.findUniqueOrThrow({
          where: { username: voided.username },
        });
        await resetPortalUserPassword(harness.bot.dependencies, {
          context: slackContext(PEOPLE.admin.id),
          user: { id: account.id },
          confirmationId: crypto.randomUUID(),
        });
        const live = await arm();
        const liveKey = await keyOf(live);
        const nearMiss = `${live.url.slice(0, -1)}${live.url.endsWith("A") ? "B" : "A"}`;
        const post = (url: string, formKey: string) => () =>
          postInvitationForm(url, { formKey, newPassword: CHOSEN, confirmation: CHOSEN });
        await expectRefused(
          tally,
          [
            () => openInvitationPage(used.url),
            post(used.url, usedKey),
            () => openInvitationPage(voided.url),
            post(voided.url, voidedKey),
            () => openInvitationPage(`${harness.baseUrl}/acceso/${"q".repeat(43)}`),
            post(`${harness.baseUrl}/acceso/${"q".repeat(43)}`, liveKey),
            () => openInvitationPage(nearMiss),
            post(nearMiss, liveKey),
            () => openInvitationPage(`${harness.baseUrl}/acceso/`),
            () => openInvitationPage(`${live.url}/extra`),
          ],
          { status: 404, page: deadLinkPage },
        );
        expect((await openInvitationPage(live.url)).status).toBe(200);
        tally.note = "10 requests, each the same 404 page; the live link still opens";
      },
    );
  });
});
