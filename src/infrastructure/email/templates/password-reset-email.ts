// The email after an administrator's "Restablecer contraseña": a new temporary password, or a link.
import { emailCopy } from "./copy.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";
import { invitationBlocks, type TInvitationEmailInput } from "./invitation-block.ts";

export function passwordResetEmail(input: TCredentialsEmailInput | TInvitationEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("invitation" in input ? "password_reset.subject_link" : "password_reset.subject"),
    greetingName: "invitation" in input ? input.invitation.fullName : input.credentials.fullName,
    blocks: [
      { kind: "paragraph", text: words("password_reset.introduction") },
      ...("invitation" in input ? invitationBlocks(input) : credentialsBlocks(input)),
    ],
    supportContact: input.supportContact,
  });
}
