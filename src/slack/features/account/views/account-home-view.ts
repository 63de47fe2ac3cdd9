// The App Home tab: the same "Mi cuenta" view, and quick actions for admins.
import type { HomeView } from "@slack/types";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, context, divider, header, type KnownBlock } from "../../../ui/blocks.ts";
import { UsersActionId } from "../../users/ids.ts";
import { encodeValue } from "../../users/list-state.ts";
import { accountCopy } from "../copy.ts";
import { accountSummaryBlocks } from "./account-summary.ts";

export function accountHomeView(options: {
  user: TPortalUserDetails | undefined;
  isAdmin: boolean;
  locale: TLocale;
  supportContact: string | undefined;
  accessRequest?: { readonly openSince: Date | undefined } | undefined;
}): HomeView {
  const copy = accountCopy(options.locale);
  const adminBlocks: KnownBlock[] = options.isAdmin
    ? [
        divider(),
        header(copy("home.admin_title")),
        actions("account.home.admin", [
          button(copy("home.new_user"), UsersActionId.NEW_USER, {
            style: "primary",
            value: encodeValue({ page: 1 }),
          }),
        ]),
        context(copy("home.admin_hint")),
      ]
    : [];
  return {
    type: "home",
    blocks: [...accountSummaryBlocks(options).blocks, ...adminBlocks],
  };
}
