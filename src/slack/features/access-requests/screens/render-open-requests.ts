// `/usuarios solicitudes` as the caller may see it: the open requests (admins only; anyone else is
// refused and audited by the use case).
import { listOpenAccessRequests } from "../../../../application/access-requests/list-open-access-requests.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { openRequestsMessage } from "../views/open-requests-message.ts";

export async function renderOpenRequests(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
): Promise<TMessageContent> {
  const { requests, total } = await listOpenAccessRequests(dependencies.useCases, {
    context: requestContext,
  });
  return openRequestsMessage({ requests, total, locale: dependencies.locale });
}
