import { describe, expect, it } from "vitest";
import { parseAuditCommand } from "../../../../src/slack/features/audit/parse-audit-command.ts";

describe("/auditoria text forms", () => {
  it.each([
    ["", { verb: "list", account: undefined }],
    ["   ", { verb: "list", account: undefined }],
    ["ayuda", { verb: "help" }],
    ["AYUDA", { verb: "help" }],
    [" help ", { verb: "help" }],
    ["maria.lopez", { verb: "list", account: "maria.lopez" }],
    ["  Maria.Lopez  ", { verb: "list", account: "Maria.Lopez" }],
    ["ayuda maria.lopez", { verb: "list", account: "ayuda maria.lopez" }],
  ])("reads %j", (text, expected) => {
    expect(parseAuditCommand(text)).toEqual(expected);
  });
});
