import { describe, expect, it } from "vitest";
import { parseUsersCommand } from "../../../../src/slack/features/users/parse-users-command.ts";

describe("/usuarios text forms", () => {
  it.each([
    ["", { verb: "list", query: undefined }],
    ["   ", { verb: "list", query: undefined }],
    ["ayuda", { verb: "help" }],
    ["AYUDA", { verb: "help" }],
    ["nuevo", { verb: "new" }],
    ["roles", { verb: "roles" }],
    ["Roles", { verb: "roles" }],
    ["buscar lópez", { verb: "list", query: "lópez" }],
    ["buscar", { verb: "list", query: undefined }],
    ["editar maria.lopez", { verb: "edit", account: "maria.lopez" }],
    ["restablecer maria.lopez", { verb: "reset", account: "maria.lopez" }],
    ["eliminar maria.lopez", { verb: "delete", account: "maria.lopez" }],
    ["eliminar", { verb: "list", query: "eliminar" }],
    ["maria", { verb: "list", query: "maria" }],
  ])("reads %j", (text, expected) => {
    expect(parseUsersCommand(text)).toEqual(expected);
  });
});
