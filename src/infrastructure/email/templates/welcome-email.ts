// The welcome email of a new account: its access keys and the portal's address.
import { emailCopy } from "./copy.ts";
import { credentialsBlocks, type TCredentialsEmailInput } from "./credentials-block.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

export function welcomeEmail(input: TCredentialsEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("welcome.subject"),
    greetingName: input.credentials.fullName,
    blocks: [{ kind: "paragraph", text: words("welcome.introduction") }, ...credentialsBlocks(input)],
    supportContact: input.supportContact,
  });
}
