// `/usuarios solicitudes`: the open access requests, oldest first, each with Aprobar and Rechazar.
import type { TAccessRequestDetails } from "../../../../application/access-requests/access-request-details.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { context, divider, header, type KnownBlock, section } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { accessRequestsCopy } from "../copy.ts";
import { accessRequestBlocks } from "./access-request-message.ts";

export function openRequestsMessage(options: {
  requests: readonly TAccessRequestDetails[];
  total: number;
  locale: TLocale;
}): TMessageContent {
  const copy = accessRequestsCopy(options.locale);
  if (options.requests.length === 0) {
    return { text: copy("list.empty"), blocks: [header(copy("list.title")), section(copy("list.empty"))] };
  }
  const more = options.total - options.requests.length;
  const blocks: KnownBlock[] = [
    header(copy("list.title")),
    context(copy("list.summary", { total: options.total })),
    ...options.requests.flatMap((request) => [divider(), ...accessRequestBlocks(request, options.locale)]),
    ...(more > 0 ? [context(copy("list.more", { count: more }))] : []),
  ];
  return { text: `${copy("list.title")}: ${options.total}`, blocks };
}
