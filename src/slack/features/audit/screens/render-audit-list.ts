// One page of the audit trail as the caller may see it: listAuditEvents lets admins and support
// agents read it, and refuses (and audits) anyone else.
import { listAuditEvents } from "../../../../application/audit/list-audit-events.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import type { TAuditListState } from "../list-state.ts";
import { auditListMessage } from "../views/audit-list-message.ts";

export async function renderAuditList(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
  state: TAuditListState,
): Promise<TMessageContent> {
  const page = await listAuditEvents(dependencies.useCases, {
    context: requestContext,
    ...(state.account === undefined ? {} : { username: state.account }),
    page: state.page,
  });
  return auditListMessage({ page, account: state.account, locale: dependencies.locale });
}
