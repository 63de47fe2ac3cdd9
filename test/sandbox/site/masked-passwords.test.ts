import { describe, expect, it } from "vitest";
import type { TJsonObject } from "../../../src/sandbox/json.ts";
import { HIDDEN_VALUE, withPasswordsMasked } from "../../../src/sandbox/site/masked-passwords.ts";

const submission = (callbackId: string, values: TJsonObject): TJsonObject => ({
  type: "view_submission",
  view: { callback_id: callbackId, state: { values } },
});

describe("the developer panel's view of a request", () => {
  it("hides every value typed into a password form, the confirmation too", () => {
    const shown = JSON.stringify(
      withPasswordsMasked(
        submission("account.password_form", {
          current_password: { value: { type: "plain_text_input", value: "Temporal-123" } },
          confirmation: { value: { type: "plain_text_input", value: "Nueva-frase-larga" } },
        }),
      ),
    );
    expect(shown).not.toContain("Temporal-123");
    expect(shown).not.toContain("Nueva-frase-larga");
    expect(shown).toContain(HIDDEN_VALUE);
    expect(shown).toContain("plain_text_input");
  });

  it("hides a password block of another form and leaves the rest as sent", () => {
    const shown = withPasswordsMasked(
      submission("users.form", {
        username: { value: { type: "plain_text_input", value: "maria.lopez" } },
        contrasena: { value: { type: "plain_text_input", value: "secreta" } },
      }),
    );
    expect(JSON.stringify(shown)).toContain("maria.lopez");
    expect(JSON.stringify(shown)).not.toContain("secreta");
    expect(withPasswordsMasked({ command: "/usuarios", text: "ayuda" })).toEqual({
      command: "/usuarios",
      text: "ayuda",
    });
  });
});
