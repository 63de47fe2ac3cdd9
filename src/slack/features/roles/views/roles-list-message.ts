// `/usuarios roles`: who holds ADMIN and who holds SUPPORT. Admins get **Otorgar rol** and, per
// holder, **Quitar** (which asks Sí / No); support agents read the list only.
import type { TRoleHolder } from "../../../../application/roles/role-holder.ts";
import { SLACK_USER_ID_PATTERN } from "../../../../domain/portal-user-rules.ts";
import { ROLES, type TRole } from "../../../../domain/roles.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  section,
} from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { rolesCopy } from "../copy.ts";
import { encodeHolderValue } from "../holder-value.ts";
import { RolesActionId, RolesBlockId } from "../ids.ts";

/** Keeps the message under Slack's 50 blocks whatever the number of holders. */
const HOLDERS_SHOWN_PER_ROLE = 20;

function grantedByText(grantedBy: string, copy: ReturnType<typeof rolesCopy>): string {
  if (grantedBy.startsWith("system:")) return copy("row.granted_by_system");
  const actor = SLACK_USER_ID_PATTERN.test(grantedBy) ? `<@${grantedBy}>` : escapeMrkdwn(grantedBy);
  return copy("row.granted_by", { actor });
}

export function rolesListMessage(options: {
  holders: Readonly<Record<TRole, readonly TRoleHolder[]>>;
  canManage: boolean;
  locale: TLocale;
  /** A line above the list saying what just happened ("Se quitó el rol …"). */
  notice?: string;
}): TMessageContent {
  const { holders, canManage, locale } = options;
  const copy = rolesCopy(locale);
  const blocks: KnownBlock[] = [];
  if (options.notice !== undefined) blocks.push(section(options.notice));
  blocks.push(header(copy("list.title")), context(copy("list.hint")));
  if (canManage) {
    blocks.push(
      actions(RolesBlockId.TOOLBAR, [button(copy("list.grant"), RolesActionId.GRANT, { style: "primary" })]),
    );
  }
  for (const role of ROLES) {
    const roleHolders = holders[role];
    blocks.push(section(copy(`section.${role}`, { count: roleHolders.length })));
    if (roleHolders.length === 0) blocks.push(context(copy("section.empty")));
    for (const holder of roleHolders.slice(0, HOLDERS_SHOWN_PER_ROLE)) {
      const text = copy("row.holder", {
        slackUserId: holder.slackUserId,
        since: holder.grantedAt.toISOString(),
        grantedBy: grantedByText(holder.grantedBy, copy),
      });
      const revoke = button(copy("row.revoke"), RolesActionId.ASK_REVOKE, {
        value: encodeHolderValue({ slackUserId: holder.slackUserId, role }),
        style: "danger",
      });
      blocks.push(
        section(text, {
          blockId: `${RolesBlockId.ROW}.${role}.${holder.slackUserId}`,
          ...(canManage ? { accessory: revoke } : {}),
        }),
      );
    }
    if (roleHolders.length > HOLDERS_SHOWN_PER_ROLE) {
      blocks.push(context(copy("row.more", { count: roleHolders.length - HOLDERS_SHOWN_PER_ROLE })));
    }
  }
  return { text: options.notice ?? copy("list.title"), blocks };
}
