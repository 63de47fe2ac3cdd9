// The invitation page's views in English (BOT_LOCALE=en): the form with its labels, hints and
// errors linked by aria-describedby, escaping of what it shows, the notice pages.
import { describe, expect, it } from "vitest";
import {
  invitationDonePage,
  invitationFormPage,
  invitationNoticePage,
} from "../../../src/http/invitation-page/invitation-page-html.ts";

const FORM = {
  locale: "en" as const,
  username: "ana.ruiz",
  expiresAt: new Date("2026-12-06T18:00:00Z"),
  minimumLength: 15,
  action: "/acceso/abc",
  formKey: 'k"<>',
};

describe("invitation page views", () => {
  it("asks New password and Confirm new password in English, each named by its label and hint", () => {
    const html = invitationFormPage(FORM);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<h1>Choose your password</h1>");
    expect(html).toContain('<label for="newPassword">New password</label>');
    expect(html).toContain('<label for="confirmation">Confirm new password</label>');
    expect(html).toContain('aria-describedby="newPassword-hint"');
    expect(html).toContain("At least 15 characters");
    expect(html).toContain("This link works once and expires on Sunday, December 6, 2026 at 12:00 PM");
    expect(html).toContain('value="k&quot;&lt;&gt;"');
    expect(html).not.toContain('aria-invalid="true"');
    expect(html).not.toContain('role="alert"');
  });

  it("puts each error under its field, linked to it, with a summary", () => {
    const html = invitationFormPage({ ...FORM, fieldErrors: { confirmation: "The passwords <differ>." } });
    expect(html).toContain(
      '<input type="password" id="confirmation" name="confirmation" autocomplete="new-password" required aria-describedby="confirmation-hint confirmation-error" aria-invalid="true" autofocus>',
    );
    expect(html).toContain('<p class="error" id="confirmation-error">The passwords &lt;differ&gt;.</p>');
    expect(html).toContain(
      '<p class="summary" role="alert">The password was not saved: check the marked fields.</p>',
    );
  });

  it("says the password is saved, and that a dead link no longer works, in English", () => {
    const done = invitationDonePage({
      locale: "en",
      username: "ana.ruiz",
      portalUrl: "https://portal.example/",
    });
    expect(done).toContain("Done: your password is saved");
    expect(done).toContain('href="https://portal.example/"');
    expect(invitationNoticePage("en", "invalid")).toContain("<h1>This link no longer works</h1>");
    expect(invitationNoticePage("es", "refused")).toContain("<h1>No se pudo enviar el formulario</h1>");
  });
});
