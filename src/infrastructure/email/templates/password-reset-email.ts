// The email after an administrator's "Restablecer contraseña": a new temporary password.
import { emailCopy } from "./copy.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

export function passwordResetEmail(input: TCredentialsEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("password_reset.subject"),
    greetingName: input.credentials.fullName,
    blocks: [{ kind: "paragraph", text: words("password_reset.introduction") }, ...credentialsBlocks(input)],
    supportContact: input.supportContact,
  });
}
