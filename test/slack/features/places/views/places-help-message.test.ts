import { describe, expect, it } from "vitest";
import { visibleTextOf } from "../../../../../src/sandbox/block-kit-reading.ts";
import { placesHelpMessage } from "../../../../../src/slack/features/places/views/places-help-message.ts";
import { jsonBlocks } from "../catalogue-fixtures.ts";

describe("/lugares ayuda", () => {
  it("says what the catalogue offers and ends with the service desk's contact", () => {
    const message = placesHelpMessage("es", "soporte@example.com · 55 1234 5678");
    const lines = visibleTextOf(jsonBlocks(message.blocks)).split("\n");
    expect(lines[0]).toBe("Ayuda de /lugares");
    expect(lines.join("\n")).toContain("*Nueva empresa*");
    expect(lines.join("\n")).toContain("*Agregar lugar*");
    expect(lines.join("\n")).toContain("eliminar siempre pregunta Sí / No");
    expect(lines.at(-1)).toBe("*Medios de contacto:* soporte@example.com · 55 1234 5678");
  });

  it("points to an administrator when no contact is configured, in English too", () => {
    const lines = visibleTextOf(jsonBlocks(placesHelpMessage("en", undefined).blocks)).split("\n");
    expect(lines[0]).toBe("/lugares help");
    expect(lines.at(-1)).toBe("*Contact:* ask one of the bot's administrators.");
  });
});
