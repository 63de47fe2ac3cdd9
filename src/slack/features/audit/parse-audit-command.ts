// What `/auditoria` was asked, from the text typed after it: help, or the account to filter by.
import { HELP_WORDS } from "../../../i18n/copy.ts";

export type TAuditCommand =
  | { readonly verb: "list"; readonly account: string | undefined }
  | { readonly verb: "help" };

/** Parses the command's text: `ayuda` (or `help`) asks for help; any other text is the account to filter by. */
export function parseAuditCommand(text: string): TAuditCommand {
  const trimmed = text.trim();
  if (trimmed === "") return { verb: "list", account: undefined };
  const lowered = trimmed.toLowerCase();
  if (HELP_WORDS.includes(lowered)) return { verb: "help" };
  return { verb: "list", account: trimmed };
}
