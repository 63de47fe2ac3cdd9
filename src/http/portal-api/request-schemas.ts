// The bodies the portal API accepts. Strict: an unknown property is refused, so that a portal
// sending `password` where `currentPassword` is expected hears about it. The password rules
// themselves (length, dictionary…) are the use case's, answered as 422 with words for the user;
// these bounds only keep absurd bodies away from bcrypt.
import { z } from "zod";
import { type TTextKind, unsafeTextReason } from "../../domain/text-rules.ts";
import type { TProblem } from "./portal-api-replies.ts";

/** The code of a problem whose text holds what it cannot (NUL, a lone surrogate, controls, bidi overrides). */
export const INVALID_CHARACTERS_PROBLEM = "invalid_characters";

/** Text the use cases can keep or compare: refused here, on its field, before anything else. */
function checkedText(kind: TTextKind) {
  return z.string().superRefine((text, context) => {
    const reason = unsafeTextReason(text, kind);
    if (reason === undefined) return;
    context.addIssue({
      code: "custom",
      message: `The text holds characters that cannot be used here (${reason.replaceAll("_", " ")}).`,
      params: { code: INVALID_CHARACTERS_PROBLEM },
    });
  });
}

const ZUsername = checkedText("line")
  .min(1)
  .max(64)
  .meta({ description: "The portal account (case-insensitive).", examples: ["contador.norte"] });

const ZSecret = (description: string) => checkedText("secret").min(1).max(1024).meta({ description });

export const ZLoginRequest = z.strictObject({
  username: ZUsername,
  password: ZSecret("The password the user typed: their own, or the temporary one from the email."),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZPasswordChangeRequest = z.strictObject({
  username: ZUsername,
  currentPassword: ZSecret("The password in use now (the temporary one at first login)."),
  newPassword: ZSecret(
    "The password the user chose; the portal checks its own confirmation field before sending it.",
  ),
});
export type TPasswordChangeRequest = z.infer<typeof ZPasswordChangeRequest>;

/** zod's issues as problems. zod's messages name the rule, never the value given. */
export function problemsOf(error: z.ZodError): TProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    code: issue.code === "custom" && typeof issue.params?.code === "string" ? issue.params.code : issue.code,
    message: issue.message,
  }));
}
