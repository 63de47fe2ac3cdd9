// Acceso hasta as each surface shows it, in English (BOT_LOCALE=en) beside the Spanish default: the
// form's date picker and its hint, the list's line, Mi cuenta, the owner's warning DM, the admin's notice.
import { describe, expect, it } from "vitest";
import type { TPortalUserDetails } from "../../../../../src/application/users/portal-user-details.ts";
import { accountNoticeMessage } from "../../../../../src/slack/features/account/views/account-notice-message.ts";
import { accountSummaryBlocks } from "../../../../../src/slack/features/account/views/account-summary.ts";
import { adminNoticeMessage } from "../../../../../src/slack/features/users/views/admin-notice-message.ts";
import { userFormModal } from "../../../../../src/slack/features/users/views/user-form-modal.ts";
import { userSummaryLines } from "../../../../../src/slack/features/users/views/users-list-message.ts";

const user: TPortalUserDetails = {
  id: "7d4b1c7e-0c1a-4b8e-9f55-2b0c8a8d3f10",
  username: "ana.contrato",
  fullName: "Ana Contrato",
  email: "ana@example.com",
  slackUserId: "U0CONTRA01",
  hasPassword: true,
  passwordIsTemporary: false,
  passwordExpiresAt: null,
  passwordChangedAt: null,
  locked: false,
  lockedUntil: null,
  disabled: false,
  slackPersonGone: false,
  accessUntil: "2026-12-10",
  accessEnded: false,
  accessExpired: false,
  invitationExpiresAt: null,
  credentialEmailRefused: null,
  createdAt: new Date("2026-11-28T12:00:00Z"),
  updatedAt: new Date("2026-11-28T12:00:00Z"),
  places: [],
};

const textOf = (value: unknown) => JSON.stringify(value);

describe("Acceso hasta on the Slack surfaces", () => {
  it("is an optional date picker on the form, filled on an edit, its hint naming the time zone", () => {
    for (const [locale, label, hint] of [
      ["es", "Acceso hasta", "hora de la Ciudad de México"],
      ["en", "Access until", "Mexico City time"],
    ] as const) {
      const form = userFormModal({
        user,
        placeChoices: { kind: "listed", companies: [] },
        metadata: { userId: user.id },
        locale,
      });
      const block = form.blocks.find((candidate) => candidate.block_id === "access_until");
      expect(block).toMatchObject({
        type: "input",
        optional: true,
        label: { text: label },
        element: { type: "datepicker", action_id: "value", initial_date: "2026-12-10" },
      });
      expect(textOf(block)).toContain(hint);
      const blank = userFormModal({ placeChoices: { kind: "listed", companies: [] }, metadata: {}, locale });
      expect(blank.blocks.find((candidate) => candidate.block_id === "access_until")).toMatchObject({
        element: { type: "datepicker" },
      });
      expect(textOf(blank)).not.toContain("initial_date");
    }
  });

  it("is a line of the list, saying once it has ended", () => {
    expect(userSummaryLines(user, "es")).toContain("⌛ acceso hasta el 10 de diciembre de 2026");
    expect(userSummaryLines(user, "en")).toContain("⌛ access until December 10, 2026");
    const ended = { ...user, accessEnded: true, disabled: true };
    expect(userSummaryLines(ended, "en")).toContain("⛔ disabled · ⌛ access ended on December 10, 2026");
    expect(userSummaryLines({ ...user, accessUntil: null }, "es")).not.toContain("⌛");
  });

  it("shows in Mi cuenta, warns the owner by DM and tells the admin, in English too", () => {
    expect(textOf(accountSummaryBlocks({ user, locale: "en", supportContact: undefined }).blocks)).toContain(
      "*Access until:* December 10, 2026 (end of the day, Mexico City time)",
    );
    expect(accountNoticeMessage("access_expiring", user, "en").text).toBe(
      "⌛ Your access to the PremiumOne portal account *ana.contrato* ends on December 10, 2026, at the end of the day (Mexico City time). If you need it longer, ask an administrator to change the date.",
    );
    const notice = adminNoticeMessage(
      {
        slackUserId: "U0ADMIN01",
        notice: "access_expired",
        userId: user.id,
        username: user.username,
        email: user.email,
        reason: "2026-12-09",
        locale: "en",
      },
      "en",
    );
    expect(notice.text).toBe(
      "⌛ The access of *ana.contrato* (ana@example.com) has ended: its Access until date, which you set, was December 9, 2026. I disabled their portal account (not deleted). If they should stay, change the date with Edit and use Enable.",
    );
  });
});
