// What `/usuarios` was asked, from the text typed after it: a verb (buscar, nuevo, editar, restablecer,
// eliminar, roles, ayuda) and its account, or else text to search for. The words live in the catalogues.
import { HELP_WORDS } from "../../../i18n/copy.ts";
import { USERS_COMMAND_WORDS } from "./copy.ts";

export type TUsersCommand =
  | { readonly verb: "list"; readonly query: string | undefined }
  | { readonly verb: "help" }
  | { readonly verb: "new" }
  | { readonly verb: "roles" }
  | { readonly verb: "requests" }
  | { readonly verb: "edit" | "reset" | "delete"; readonly account: string };

const VERBS_WITH_ACCOUNT: Readonly<Record<string, "edit" | "reset" | "delete">> = {
  [USERS_COMMAND_WORDS.edit]: "edit",
  [USERS_COMMAND_WORDS.reset]: "reset",
  [USERS_COMMAND_WORDS.delete]: "delete",
};

/** Parses the command's text; anything that is not a known verb is searched for. */
export function parseUsersCommand(text: string): TUsersCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const verb = first.toLowerCase();
  const argument = rest.join(" ").trim();
  if (trimmed === "") return { verb: "list", query: undefined };
  if (HELP_WORDS.includes(verb)) return { verb: "help" };
  if (verb === USERS_COMMAND_WORDS.new) return { verb: "new" };
  if (verb === USERS_COMMAND_WORDS.roles) return { verb: "roles" };
  if (verb === USERS_COMMAND_WORDS.requests && argument === "") return { verb: "requests" };
  if (verb === USERS_COMMAND_WORDS.search)
    return { verb: "list", query: argument === "" ? undefined : argument };
  const accountVerb = VERBS_WITH_ACCOUNT[verb];
  if (accountVerb !== undefined && argument !== "") return { verb: accountVerb, account: argument };
  return { verb: "list", query: trimmed };
}
