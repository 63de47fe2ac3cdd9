// The welcome email of a new account: its access keys (or its invitation link) and the portal's address.
import { emailCopy } from "./copy.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";
import { invitationBlocks, type TInvitationEmailInput } from "./invitation-block.ts";

export function welcomeEmail(input: TCredentialsEmailInput | TInvitationEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("welcome.subject"),
    greetingName: "invitation" in input ? input.invitation.fullName : input.credentials.fullName,
    blocks: [
      { kind: "paragraph", text: words("welcome.introduction") },
      ...("invitation" in input ? invitationBlocks(input) : credentialsBlocks(input)),
    ],
    supportContact: input.supportContact,
  });
}
