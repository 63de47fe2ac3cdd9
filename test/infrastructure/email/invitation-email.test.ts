// The welcome and reset emails with CREDENTIAL_DELIVERY=link: the account, the one-time link and
// its expiry, no password at all — in Spanish and in English.
import { describe, expect, it } from "vitest";
import { passwordResetEmail } from "../../../src/infrastructure/email/templates/password-reset-email.ts";
import { welcomeEmail } from "../../../src/infrastructure/email/templates/welcome-email.ts";

const invitation = {
  username: "ana.ruiz",
  fullName: "Ana Ruiz",
  url: "https://bot.example.test/acceso/Abc_-0123456789abcdefghijklmnopqrstuvwxyzABC",
  expiresAt: new Date("2026-12-06T18:00:00Z"),
};
const portalUrl = "https://portal.example.test/";

describe("invitation emails", () => {
  it("welcomes with the username and the link, and no password line (es)", () => {
    const email = welcomeEmail({ locale: "es", invitation, portalUrl });
    expect(email.subject).toBe("Tus datos de acceso al portal PremiumOne");
    expect(email.text).toContain("Usuario: ana.ruiz\n");
    expect(email.text).toContain(`Crear mi contraseña: ${invitation.url}\n`);
    expect(email.text).toContain("El enlace sirve una sola vez y vence el domingo, 6 de diciembre de 2026");
    expect(email.text).not.toContain("Contraseña temporal");
    expect(email.html).toContain(`<a href="${invitation.url}">`);
  });

  it("says a reset's new link in English", () => {
    const email = passwordResetEmail({ locale: "en", invitation, portalUrl });
    expect(email.subject).toBe("Choose your new password for the PremiumOne portal");
    expect(email.text).toContain("Username: ana.ruiz\n");
    expect(email.text).toContain(`Choose my password: ${invitation.url}\n`);
    expect(email.text).toContain("The link works once and expires on Sunday, December 6, 2026");
    expect(email.text).not.toContain("Temporary password");
  });
});
