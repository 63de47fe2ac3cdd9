// What `/lugares` was asked: the catalogue when nothing follows the command, the help otherwise.

export type TPlacesCommand = { readonly verb: "list" } | { readonly verb: "help" };

export function parsePlacesCommand(text: string): TPlacesCommand {
  return text.trim() === "" ? { verb: "list" } : { verb: "help" };
}
