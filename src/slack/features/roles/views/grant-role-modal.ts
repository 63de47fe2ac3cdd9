// The **Otorgar rol** form: Usuario de Slack (users_select) and Rol (Administrador / Soporte).
// Errors are answered on the field; the list it was opened from is refreshed through response_url.
import { z } from "zod";
import { ROLES, type TRole } from "../../../../domain/roles.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { input, type ModalView, modal, option, staticSelect, usersSelect } from "../../../ui/blocks.ts";
import { decodeJson, encodeJson } from "../../../ui/json-values.ts";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { rolesCopy } from "../copy.ts";
import { ZRoleChoice } from "../holder-value.ts";
import { FIELD_ACTION_ID, GrantRoleBlockId, RolesViewId } from "../ids.ts";
import { roleName } from "./role-name.ts";

export const ZGrantRoleMetadata = z.object({ responseUrl: z.url().optional() });
export type TGrantRoleMetadata = z.infer<typeof ZGrantRoleMetadata>;

/** The form's metadata; unreadable, it names no list to refresh. */
export function readGrantRoleMetadata(raw: string): TGrantRoleMetadata {
  return decodeJson(ZGrantRoleMetadata, raw) ?? {};
}

export function grantRoleModal(options: { metadata: TGrantRoleMetadata; locale: TLocale }): ModalView {
  const copy = rolesCopy(options.locale);
  return modal({
    callbackId: RolesViewId.GRANT_FORM,
    title: copy("form.title"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    privateMetadata: encodeJson(options.metadata),
    blocks: [
      input(
        GrantRoleBlockId.SLACK_USER,
        copy("form.slack_user"),
        usersSelect(FIELD_ACTION_ID, { placeholder: copy("form.slack_user_placeholder") }),
      ),
      input(
        GrantRoleBlockId.ROLE,
        copy("form.role"),
        staticSelect(
          FIELD_ACTION_ID,
          ROLES.map((role) => option(roleName(role, options.locale), role)),
          { placeholder: copy("form.role_placeholder") },
        ),
        { hint: copy("form.role_hint") },
      ),
    ],
  });
}

/** Reads the submitted form; a missing user is "" (grantRole refuses it on the field), an unknown role undefined. */
export function readGrantRoleForm(values: unknown): { slackUserId: string; role: TRole | undefined } {
  const blocks = readValues(values);
  const role = ZRoleChoice.safeParse(
    blocks[GrantRoleBlockId.ROLE]?.[FIELD_ACTION_ID]?.selected_option?.value,
  );
  return {
    slackUserId: blocks[GrantRoleBlockId.SLACK_USER]?.[FIELD_ACTION_ID]?.selected_user ?? "",
    role: role.success ? role.data : undefined,
  };
}

const readValues = submittedValuesReader({
  selected_user: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
