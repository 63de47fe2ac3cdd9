// `/auditoria [<cuenta> | ayuda]`, answered in the ack itself.
import type { App } from "@slack/bolt";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { AUDIT_COMMAND } from "../ids.ts";
import { parseAuditCommand } from "../parse-audit-command.ts";
import { renderAuditList } from "../screens/render-audit-list.ts";
import { auditHelpMessage } from "../views/audit-help-message.ts";

export function registerAuditCommand(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger } = dependencies;
  app.command(AUDIT_COMMAND, async ({ command, ack, context }) => {
    const requestContext = requestContextOf(context);
    const parsed = parseAuditCommand(command.text);
    try {
      if (parsed.verb === "help") {
        await ack({ response_type: "ephemeral", ...auditHelpMessage(locale, dependencies.supportContact) });
        return;
      }
      await ack({
        response_type: "ephemeral",
        ...(await renderAuditList(dependencies, requestContext, { account: parsed.account, page: 1 })),
      });
    } catch (error) {
      await ack({
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });
}
