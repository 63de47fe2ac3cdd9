// An access request as it is posted for approval (the requests channel, each admin's DM) and listed
// by `/usuarios solicitudes`: who asks, name, email, places, motivo, when it expires — with Aprobar and
// Rechazar while it is open; once decided, who decided and when instead of the buttons.
import type { TAccessRequestDetails } from "../../../../application/access-requests/access-request-details.ts";
import { SLACK_USER_ID_PATTERN } from "../../../../domain/portal-user-rules.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  section,
  truncate,
} from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { accessRequestsCopy } from "../copy.ts";
import { AccessRequestsActionId } from "../ids.ts";

function mention(slackUserId: string | null): string {
  const id = slackUserId ?? "";
  return SLACK_USER_ID_PATTERN.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/** The decision, said in one line; undefined while the request is open. */
export function decisionLine(request: TAccessRequestDetails, locale: TLocale): string | undefined {
  const copy = accessRequestsCopy(locale);
  const decidedAt = (request.decidedAt ?? request.expiresAt).toISOString();
  switch (request.status) {
    case "OPEN":
      return undefined;
    case "APPROVED":
      return copy("message.approved", {
        decidedBy: mention(request.decidedBy),
        decidedAt,
        username: escapeMrkdwn(request.approvedUsername ?? ""),
      });
    case "REJECTED":
      return request.decisionNote === null
        ? copy("message.rejected", { decidedBy: mention(request.decidedBy), decidedAt })
        : copy("message.rejected_note", {
            decidedBy: mention(request.decidedBy),
            decidedAt,
            note: escapeMrkdwn(truncate(request.decisionNote, 500)),
          });
    case "EXPIRED":
      return copy("message.expired", { decidedAt });
  }
}

/** The request's blocks (without a header), for its own message and for the list. */
export function accessRequestBlocks(request: TAccessRequestDetails, locale: TLocale): KnownBlock[] {
  const copy = accessRequestsCopy(locale);
  const places = request.places.map((place) => escapeMrkdwn(place.label)).join(", ");
  const decided = decisionLine(request, locale);
  return [
    section(
      [
        copy("message.who", { slackUserId: request.slackUserId }),
        copy("message.full_name", { fullName: escapeMrkdwn(request.fullName) }),
        copy("message.email", { email: escapeMrkdwn(request.email) }),
        copy("message.places", { places: places === "" ? copy("message.no_places") : places }),
        copy("message.reason", { reason: escapeMrkdwn(truncate(request.reason, 600)) }),
      ].join("\n"),
    ),
    context(
      copy("message.dates", {
        createdAt: request.createdAt.toISOString(),
        expiresAt: request.expiresAt.toISOString(),
      }),
    ),
    decided === undefined
      ? actions(`access_request.${request.id}`, [
          button(copy("button.approve"), AccessRequestsActionId.APPROVE, {
            style: "primary",
            value: request.id,
          }),
          button(copy("button.reject"), AccessRequestsActionId.REJECT, {
            style: "danger",
            value: request.id,
          }),
        ])
      : section(decided),
  ];
}

export function accessRequestMessage(request: TAccessRequestDetails, locale: TLocale): TMessageContent {
  const copy = accessRequestsCopy(locale);
  const decided = decisionLine(request, locale);
  return {
    text: [
      `${copy("message.title")}: ${escapeMrkdwn(request.fullName)} (${escapeMrkdwn(request.email)})`,
      ...(decided === undefined ? [] : [decided]),
    ].join(" · "),
    blocks: [header(copy("message.title")), ...accessRequestBlocks(request, locale)],
  };
}

/** What the requester is told by DM once the request is decided or expired. */
export function requesterOutcomeMessage(
  request: TAccessRequestDetails,
  locale: TLocale,
): TMessageContent | undefined {
  const copy = accessRequestsCopy(locale);
  const text =
    request.status === "APPROVED"
      ? copy("outcome.approved", {
          username: escapeMrkdwn(request.approvedUsername ?? ""),
          email: escapeMrkdwn(request.email),
        })
      : request.status === "REJECTED"
        ? request.decisionNote === null
          ? copy("outcome.rejected")
          : copy("outcome.rejected_note", { note: escapeMrkdwn(truncate(request.decisionNote, 500)) })
        : request.status === "EXPIRED"
          ? copy("outcome.expired")
          : undefined;
  return text === undefined ? undefined : { text, blocks: [section(text)] };
}
