// What the Cambiar contraseña button opens for someone with no linked account — an old welcome DM
// after the account was deleted or linked to someone else: the "Mi cuenta" answer, not the form.
import type { TLocale } from "../../../../i18n/locale.ts";
import { type ModalView, modal } from "../../../ui/blocks.ts";
import { accountCopy } from "../copy.ts";
import { AccountViewId } from "../ids.ts";
import { accountSummaryBlocks } from "./account-summary.ts";

export function notLinkedModal(options: { locale: TLocale; supportContact: string | undefined }): ModalView {
  const copy = accountCopy(options.locale);
  return modal({
    callbackId: AccountViewId.NOT_LINKED,
    title: copy("summary.title"),
    close: copy("form.close_done"),
    blocks: accountSummaryBlocks({ user: undefined, ...options }).blocks,
  });
}
