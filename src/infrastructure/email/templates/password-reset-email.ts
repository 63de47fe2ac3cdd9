// The email after an administrator's "Restablecer contraseña": a new temporary password.
import type { TLocale } from "../../../i18n/locale.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

const copy: Record<TLocale, { readonly subject: string; readonly introduction: string }> = {
  es: {
    subject: "Tu nueva contraseña temporal del portal PremiumOne",
    introduction:
      "Un administrador restableció la contraseña de tu cuenta del portal PremiumOne; la anterior ya no funciona. Estos son tus nuevos datos de acceso:",
  },
  en: {
    subject: "Your new temporary password for the PremiumOne portal",
    introduction:
      "An administrator reset the password of your PremiumOne portal account; the previous one no longer works. These are your new access details:",
  },
};

export function passwordResetEmail(input: TCredentialsEmailInput): TRenderedEmail {
  const words = copy[input.locale];
  return renderEmail({
    locale: input.locale,
    subject: words.subject,
    greetingName: input.credentials.fullName,
    blocks: [{ kind: "paragraph", text: words.introduction }, ...credentialsBlocks(input)],
    supportContact: input.supportContact,
  });
}
