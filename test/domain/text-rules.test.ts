import { describe, expect, it } from "vitest";
import { isStorableText, storableText, textProblem, unsafeTextReason } from "../../src/domain/text-rules.ts";

describe("text rules", () => {
  it.each([
    ["Ana María Ñúñez", undefined],
    ["Niños & Compañía, S.A. de C.V.", undefined],
    ["🧾 emoji and ZWJ 👩‍💻", undefined],
    ["Ana\u0000", "nul"],
    ["Ana\ud800", "not_well_formed"],
    ["\udfffAna", "not_well_formed"],
    ["Ana\u0007", "control"],
    ["Ana\u009b", "control"],
    ["Ana\u007f", "control"],
    ["Ana\nRuiz", "line_break"],
    ["Ana\u2028Ruiz", "line_break"],
    ["Ana \u202eziuR", "bidi_override"],
    ["Ana \u2067x\u2069", "bidi_override"],
  ])("reads %j in a one-line field as %s", (text, reason) => {
    expect(unsafeTextReason(text, "line")).toBe(reason);
  });

  it("allows line breaks and tabs in free text, never NUL or controls", () => {
    expect(unsafeTextReason("Línea uno\nLínea dos\tcon tab", "multiline")).toBeUndefined();
    expect(unsafeTextReason("a\u0000b", "multiline")).toBe("nul");
    expect(unsafeTextReason("a\u001bb", "multiline")).toBe("control");
    expect(unsafeTextReason("a\u202eb", "multiline")).toBe("bidi_override");
  });

  it("allows any Unicode a person can type in a secret, but no NUL, control or line break", () => {
    expect(unsafeTextReason("contraseña \u202e con marcas ‮ y 🧾", "secret")).toBeUndefined();
    expect(unsafeTextReason("a\u0000b", "secret")).toBe("nul");
    expect(unsafeTextReason("a\u0001b", "secret")).toBe("control");
    expect(unsafeTextReason("a\nb", "secret")).toBe("line_break");
    expect(unsafeTextReason("a\ud800", "secret")).toBe("not_well_formed");
  });

  it("names the field of a text it refuses", () => {
    expect(textProblem("fullName", "a\u0000")).toEqual({
      field: "fullName",
      code: "TEXT_CHARACTERS_INVALID",
    });
    expect(textProblem("fullName", "Ana")).toBeUndefined();
  });

  it("gives the stored form of what was tried: U+FFFD for NUL and lone surrogates", () => {
    expect(isStorableText("a\u0000")).toBe(false);
    expect(isStorableText("a\ud800")).toBe(false);
    expect(isStorableText("a\u0007\u202e")).toBe(true);
    expect(storableText("a\u0000b\ud800c🧾")).toBe("a\uFFFDb\uFFFDc🧾");
  });
});
