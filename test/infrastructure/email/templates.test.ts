import { describe, expect, it } from "vitest";
import { accountLockedEmail } from "../../../src/infrastructure/email/templates/account-locked-email.ts";
import { emailChangedEmail } from "../../../src/infrastructure/email/templates/email-changed-email.ts";
import { escapeHtml } from "../../../src/infrastructure/email/templates/email-layout.ts";
import { formatEmailTime } from "../../../src/infrastructure/email/templates/email-time.ts";
import { passwordChangedEmail } from "../../../src/infrastructure/email/templates/password-changed-email.ts";
import { passwordResetEmail } from "../../../src/infrastructure/email/templates/password-reset-email.ts";
import { welcomeEmail } from "../../../src/infrastructure/email/templates/welcome-email.ts";

// 18:30 UTC is 12:30 in Mexico City (UTC−6, no daylight saving since 2022).
const expiresAt = new Date("2026-12-01T18:30:00.000Z");
const credentials = {
  username: "maria.lopez",
  fullName: "María López",
  password: "Ab3dEf6hJk8mNp2qRs4t",
  expiresAt,
};
const portalUrl = "https://portal.example.test/";
const supportContact = "soporte@premiumone.example, 55 1234 5678";

const lines = (text: string) => text.split("\n");

describe("credentials emails", () => {
  it.each([
    ["welcome", welcomeEmail, "Tus datos de acceso al portal PremiumOne"],
    ["password reset", passwordResetEmail, "Tu nueva contraseña temporal del portal PremiumOne"],
  ] as const)(
    "the %s email in Spanish carries each credential on its own line, the expiry and the portal",
    (_name, template, subject) => {
      const email = template({ locale: "es", credentials, portalUrl, supportContact });
      expect(email.subject).toBe(subject);
      expect(lines(email.text)).toContain("Usuario: maria.lopez");
      expect(lines(email.text)).toContain("Contraseña temporal: Ab3dEf6hJk8mNp2qRs4t");
      expect(email.text).toContain("Hola, María López:");
      expect(email.text).toContain(
        "Esta contraseña es temporal: vence el martes, 1 de diciembre de 2026, 12:30 p.m. (hora de la Ciudad de México) y debes cambiarla la primera vez que la uses.",
      );
      expect(lines(email.text)).toContain("Portal: https://portal.example.test/");
      expect(email.text.trimEnd().endsWith(`Medios de contacto: ${supportContact}`)).toBe(true);
      expect(email.html).toContain('<html lang="es">');
      expect(email.html).toContain("<strong>Usuario:</strong> maria.lopez");
      expect(email.html).toContain("Ab3dEf6hJk8mNp2qRs4t");
      expect(email.html).toContain('<a href="https://portal.example.test/">');
    },
  );

  it.each([
    ["welcome", welcomeEmail, "Your access to the PremiumOne portal"],
    ["password reset", passwordResetEmail, "Your new temporary password for the PremiumOne portal"],
  ] as const)("the %s email in English says the same in English", (_name, template, subject) => {
    const email = template({ locale: "en", credentials, portalUrl, supportContact });
    expect(email.subject).toBe(subject);
    expect(lines(email.text)).toContain("Username: maria.lopez");
    expect(lines(email.text)).toContain("Temporary password: Ab3dEf6hJk8mNp2qRs4t");
    expect(email.text).toContain("Hello María López,");
    expect(email.text).toContain(
      "This password is temporary: it expires on Tuesday, December 1, 2026 at 12:30 PM (Mexico City time) and you must change it the first time you use it.",
    );
    expect(lines(email.text)).toContain("Portal: https://portal.example.test/");
    expect(email.text.trimEnd().endsWith(`Contact: ${supportContact}`)).toBe(true);
    expect(email.html).toContain('<html lang="en">');
  });

  it("ends without a contact line when no service desk contact is configured", () => {
    const email = welcomeEmail({ locale: "es", credentials, portalUrl });
    expect(email.text).not.toContain("Medios de contacto");
    expect(email.html).not.toContain("Medios de contacto");
  });

  it("escapes every interpolated value in the HTML part, and only there", () => {
    const hostile = {
      ...credentials,
      fullName: `<script>alert("x")</script> & O'Brien`,
      password: "<b>&amp;</b>",
    };
    const email = welcomeEmail({
      locale: "es",
      credentials: hostile,
      portalUrl: 'https://portal.example.test/?a=1&b="2"',
      supportContact: "<img src=x onerror=alert(1)>",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>&amp;</b>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien");
    expect(email.html).toContain("&lt;b&gt;&amp;amp;&lt;/b&gt;");
    expect(email.html).toContain('href="https://portal.example.test/?a=1&amp;b=&quot;2&quot;"');
    expect(lines(email.text)).toContain("Contraseña temporal: <b>&amp;</b>");
    expect(email.text).toContain(`Hola, <script>alert("x")</script> & O'Brien:`);
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("notice emails", () => {
  const changedAt = new Date("2026-07-04T02:05:00.000Z");

  it("says when the password changed, in Mexico City time, in both languages", () => {
    const spanish = passwordChangedEmail({
      locale: "es",
      fullName: "María López",
      username: "maria.lopez",
      changedAt,
    });
    expect(spanish.subject).toBe("Se cambió la contraseña de tu cuenta PremiumOne");
    expect(spanish.text).toContain(
      "La contraseña de la cuenta maria.lopez del portal PremiumOne se cambió el viernes, 3 de julio de 2026, 8:05 p.m. (hora de la Ciudad de México).",
    );
    expect(spanish.text).toContain("Si no reconoces este cambio");
    const english = passwordChangedEmail({
      locale: "en",
      fullName: "María López",
      username: "maria.lopez",
      changedAt,
      supportContact,
    });
    expect(english.subject).toBe("The password of your PremiumOne account was changed");
    expect(english.text).toContain("was changed on Friday, July 3, 2026 at 8:05 PM (Mexico City time).");
    expect(english.text.trimEnd().endsWith(`Contact: ${supportContact}`)).toBe(true);
    expect(english.text).not.toMatch(/Contraseña|Temporary password/);
  });

  it("tells the old address where the account's email went, masked", () => {
    const spanish = emailChangedEmail({
      locale: "es",
      fullName: "María López",
      username: "maria.lopez",
      maskedNewEmail: "m***@nuevo.example",
      changedAt,
      supportContact,
    });
    expect(spanish.subject).toBe("Se cambió el correo de tu cuenta PremiumOne");
    expect(spanish.text).toContain("se cambió a m***@nuevo.example el viernes, 3 de julio de 2026");
    expect(spanish.html).toContain("m***@nuevo.example");
    const english = emailChangedEmail({
      locale: "en",
      fullName: "María López",
      username: "maria.lopez",
      maskedNewEmail: "m***@nuevo.example",
      changedAt,
    });
    expect(english.subject).toBe("The email address of your PremiumOne account was changed");
    expect(english.text).toContain(
      "was changed to m***@nuevo.example on Friday, July 3, 2026 at 8:05 PM (Mexico City time).",
    );
  });

  it("says until when an account is locked, or that it is locked for now when that is unknown", () => {
    const lockedUntil = new Date("2026-12-01T18:45:00.000Z");
    const spanish = accountLockedEmail({
      locale: "es",
      fullName: "María López",
      username: "maria.lopez",
      lockedUntil,
    });
    expect(spanish.subject).toBe("Tu cuenta PremiumOne está bloqueada temporalmente");
    expect(spanish.text).toContain(
      "quedó bloqueada hasta el martes, 1 de diciembre de 2026, 12:45 p.m. (hora de la Ciudad de México).",
    );
    const english = accountLockedEmail({
      locale: "en",
      fullName: "María López",
      username: "maria.lopez",
      lockedUntil,
    });
    expect(english.subject).toBe("Your PremiumOne account is temporarily locked");
    expect(english.text).toContain(
      "is locked until Tuesday, December 1, 2026 at 12:45 PM (Mexico City time).",
    );
    const unknown = accountLockedEmail({
      locale: "es",
      fullName: "María López",
      username: "maria.lopez",
      lockedUntil: undefined,
    });
    expect(unknown.text).toContain("quedó bloqueada temporalmente.");
  });
});

describe("formatEmailTime", () => {
  it("shows Mexico City's wall clock and names it", () => {
    expect(formatEmailTime(new Date("2027-01-15T06:00:00.000Z"), "es")).toBe(
      "viernes, 15 de enero de 2027, 12:00 a.m. (hora de la Ciudad de México)",
    );
    expect(formatEmailTime(new Date("2027-01-15T06:00:00.000Z"), "en")).toBe(
      "Friday, January 15, 2027 at 12:00 AM (Mexico City time)",
    );
  });
});
