// The ◀ / ▶ buttons of /auditoria: acked at once, authorised again by listAuditEvents, answered by
// replacing the list message with the page (and account filter) the button carries.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { replaceMessage } from "../../../respond/replace-message.ts";
import { AuditActionId } from "../ids.ts";
import { decodeAuditListState } from "../list-state.ts";
import { renderAuditList } from "../screens/render-audit-list.ts";

type TButtonAction = BlockAction<ButtonAction>;

export function registerAuditActions(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger } = dependencies;
  for (const actionId of [AuditActionId.PAGE_PREVIOUS, AuditActionId.PAGE_NEXT]) {
    app.action<TButtonAction>(actionId, async ({ ack, action, respond, context }) => {
      await ack();
      const requestContext = requestContextOf(context);
      await replaceMessage(
        respond,
        () => renderAuditList(dependencies, requestContext, decodeAuditListState(action.value)),
        { context: requestContext, locale, logger },
      );
    });
  }
}
