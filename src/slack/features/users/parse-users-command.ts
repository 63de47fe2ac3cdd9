// What `/usuarios` was asked, from the text typed after it: a verb (buscar, nuevo, editar, restablecer,
// eliminar, roles, ayuda) and its account, or else text to search for.

export type TUsersCommand =
  | { readonly verb: "list"; readonly query: string | undefined }
  | { readonly verb: "help" }
  | { readonly verb: "new" }
  | { readonly verb: "roles" }
  | { readonly verb: "edit" | "reset" | "delete"; readonly account: string };

const VERBS_WITH_ACCOUNT: Readonly<Record<string, "edit" | "reset" | "delete">> = {
  editar: "edit",
  restablecer: "reset",
  eliminar: "delete",
};

/** Parses the command's text; anything that is not a known verb is searched for. */
export function parseUsersCommand(text: string): TUsersCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const verb = first.toLowerCase();
  const argument = rest.join(" ").trim();
  if (trimmed === "") return { verb: "list", query: undefined };
  if (verb === "ayuda" || verb === "help") return { verb: "help" };
  if (verb === "nuevo") return { verb: "new" };
  if (verb === "roles") return { verb: "roles" };
  if (verb === "buscar") return { verb: "list", query: argument === "" ? undefined : argument };
  const accountVerb = VERBS_WITH_ACCOUNT[verb];
  if (accountVerb !== undefined && argument !== "") return { verb: accountVerb, account: argument };
  return { verb: "list", query: trimmed };
}
