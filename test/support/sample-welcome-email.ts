// One welcome email, rendered by the bot's own template, for the tests of what carries emails
// (the mail transports, the sandbox's mailbox): its sender and its password are known.
import { welcomeEmail } from "../../src/infrastructure/email/templates/welcome-email.ts";

export const SAMPLE_FROM = "PremiumOne <no-reply@premiumone.example>";
export const SAMPLE_PASSWORD = "Zx7cVb9nMq2wEr4tYu6p";

export const sampleWelcomeEmail = welcomeEmail({
  locale: "es",
  credentials: {
    username: "maria.lopez",
    fullName: "María López",
    password: SAMPLE_PASSWORD,
    expiresAt: new Date("2026-12-01T18:30:00Z"),
  },
  portalUrl: "https://portal.example.test/",
});
