import { describe, expect, it } from "vitest";
import { DomainError, ErrorCode, ValidationError } from "../../../../../src/domain/errors.ts";
import type { TLocale } from "../../../../../src/i18n/locale.ts";
import { problemsInView } from "../../../../../src/sandbox/block-kit-validation.ts";
import { toJsonObject } from "../../../../../src/sandbox/json.ts";
import { GRANT_ROLE_BLOCK_BY_FIELD, GrantRoleBlockId } from "../../../../../src/slack/features/roles/ids.ts";
import {
  grantRoleModal,
  readGrantRoleForm,
} from "../../../../../src/slack/features/roles/views/grant-role-modal.ts";
import { modalFieldErrors } from "../../../../../src/slack/respond/error-responses.ts";

describe("grant role modal", () => {
  it("asks for the Slack user and the role, Administrador or Soporte", () => {
    const view = grantRoleModal({
      metadata: { responseUrl: "https://hooks.slack.com/actions/T0/1/abc" },
      locale: "es",
    });
    expect(view.callback_id).toBe("roles.grant_form");
    expect(view.title.text).toBe("Otorgar rol");
    expect(view.submit?.text).toBe("Otorgar");
    expect(JSON.parse(view.private_metadata ?? "{}")).toEqual({
      responseUrl: "https://hooks.slack.com/actions/T0/1/abc",
    });
    expect(view.blocks.map((block) => [block.block_id, block.type])).toEqual([
      ["slack_user", "input"],
      ["role", "input"],
    ]);
    const [userBlock, roleBlock] = view.blocks;
    expect(userBlock).toMatchObject({
      label: { text: "Usuario de Slack" },
      element: { type: "users_select", action_id: "value" },
      optional: false,
    });
    expect(roleBlock).toMatchObject({
      label: { text: "Rol" },
      element: {
        type: "static_select",
        action_id: "value",
        options: [
          { text: { text: "Administrador" }, value: "ADMIN" },
          { text: { text: "Soporte" }, value: "SUPPORT" },
        ],
      },
      optional: false,
    });
    expect(problemsInView(toJsonObject(view))).toEqual([]);
  });

  it("speaks English too", () => {
    const view = grantRoleModal({ metadata: {}, locale: "en" });
    expect(view.title.text).toBe("Grant a role");
    expect(JSON.stringify(view.blocks)).toContain('"text":"Administrator"');
    expect(JSON.stringify(view.blocks)).toContain('"text":"Slack user"');
  });

  it("reads the submitted user and role, and nothing it does not know", () => {
    expect(
      readGrantRoleForm({
        slack_user: { value: { type: "users_select", selected_user: "U0NEW0001" } },
        role: {
          value: {
            type: "static_select",
            selected_option: { text: { type: "plain_text", text: "Soporte" }, value: "SUPPORT" },
          },
        },
      }),
    ).toEqual({ slackUserId: "U0NEW0001", role: "SUPPORT" });
    expect(
      readGrantRoleForm({
        slack_user: { value: { type: "users_select", selected_user: null } },
        role: { value: { type: "static_select", selected_option: { value: "ROOT" } } },
      }),
    ).toEqual({ slackUserId: "", role: undefined });
    expect(readGrantRoleForm(undefined)).toEqual({ slackUserId: "", role: undefined });
  });

  it("shows each refusal on its field: an already held role on the user", () => {
    const onFields = (error: DomainError, locale: TLocale = "es") =>
      modalFieldErrors(error, locale, GRANT_ROLE_BLOCK_BY_FIELD, GrantRoleBlockId.SLACK_USER);
    expect(onFields(new DomainError(ErrorCode.ROLE_ALREADY_GRANTED))).toEqual({
      slack_user: "Ya tiene ese rol.",
    });
    expect(onFields(new DomainError(ErrorCode.ROLE_ALREADY_GRANTED), "en")).toEqual({
      slack_user: "They already have that role.",
    });
    expect(onFields(ValidationError.single("slackUserId", ErrorCode.SLACK_USER_INVALID))).toEqual({
      slack_user: "Elige un usuario de Slack.",
    });
    expect(onFields(ValidationError.single("role", ErrorCode.ROLE_INVALID))).toEqual({
      role: "Elige un rol: Administrador o Soporte.",
    });
  });
});
