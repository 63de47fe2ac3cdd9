// The welcome email of a new account: its access keys and the portal's address.
import type { TLocale } from "../../../i18n/locale.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

const copy: Record<TLocale, { readonly subject: string; readonly introduction: string }> = {
  es: {
    subject: "Tus datos de acceso al portal PremiumOne",
    introduction: "Se creó tu cuenta en el portal de facturación PremiumOne. Estos son tus datos de acceso:",
  },
  en: {
    subject: "Your access to the PremiumOne portal",
    introduction:
      "An account was created for you on the PremiumOne invoicing portal. These are your access details:",
  },
};

export function welcomeEmail(input: TCredentialsEmailInput): TRenderedEmail {
  const words = copy[input.locale];
  return renderEmail({
    locale: input.locale,
    subject: words.subject,
    greetingName: input.credentials.fullName,
    blocks: [{ kind: "paragraph", text: words.introduction }, ...credentialsBlocks(input)],
    supportContact: input.supportContact,
  });
}
