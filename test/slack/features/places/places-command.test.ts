import { describe, expect, it } from "vitest";
import { parsePlacesCommand } from "../../../../src/slack/features/places/parse-places-command.ts";

describe("/lugares text", () => {
  it("shows the catalogue when nothing follows the command", () => {
    expect(parsePlacesCommand("")).toEqual({ verb: "list" });
    expect(parsePlacesCommand("   ")).toEqual({ verb: "list" });
  });

  it("shows the help for ayuda, and for anything it does not know", () => {
    expect(parsePlacesCommand("ayuda")).toEqual({ verb: "help" });
    expect(parsePlacesCommand(" AYUDA ")).toEqual({ verb: "help" });
    expect(parsePlacesCommand("help")).toEqual({ verb: "help" });
    expect(parsePlacesCommand("borrar todo")).toEqual({ verb: "help" });
  });
});
