import { describe, expect, it } from "vitest";
import { accessExpiringEmail } from "../../../src/infrastructure/email/templates/access-expiring-email.ts";

describe("the access-expiring email", () => {
  const account = {
    fullName: "Ana Contrato",
    username: "ana.contrato",
    supportContact: "soporte@premiumone.example",
  };

  it("names the last day and its time zone, and whom to ask, in both languages", () => {
    const spanish = accessExpiringEmail({ ...account, locale: "es", accessUntil: "2026-12-10" });
    expect(spanish.subject).toBe("Tu acceso al portal PremiumOne termina el 10 de diciembre de 2026");
    expect(spanish.text).toContain("Hola, Ana Contrato:");
    expect(spanish.text).toContain(
      "Tu acceso a la cuenta ana.contrato del portal PremiumOne termina el 10 de diciembre de 2026, al final del día (hora de la Ciudad de México). Después la cuenta quedará deshabilitada.",
    );
    expect(spanish.text).toContain("pide a un administrador que la cambie.");
    expect(spanish.html).toContain('<html lang="es">');

    const english = accessExpiringEmail({ ...account, locale: "en", accessUntil: "2026-12-10" });
    expect(english.subject).toBe("Your access to the PremiumOne portal ends on December 10, 2026");
    expect(english.text).toContain(
      "Your access to the PremiumOne portal account ana.contrato ends on December 10, 2026, at the end of the day (Mexico City time). The account will then be disabled.",
    );
    expect(english.text.trimEnd().endsWith("Contact: soporte@premiumone.example")).toBe(true);
  });
});
