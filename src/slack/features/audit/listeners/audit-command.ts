// `/auditoria [<cuenta> | ayuda]`, answered in the ack itself.
import type { App } from "@slack/bolt";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { AUDIT_COMMAND } from "../ids.ts";
import { auditHelpMessage } from "../views/audit-help-message.ts";
import { renderAuditList } from "./render-audit-list.ts";

export type TAuditCommand =
  | { readonly verb: "list"; readonly account: string | undefined }
  | { readonly verb: "help" };

/** Parses the command's text: `ayuda` (or `help`) asks for help; any other text is the account to filter by. */
export function parseAuditCommand(text: string): TAuditCommand {
  const trimmed = text.trim();
  if (trimmed === "") return { verb: "list", account: undefined };
  const lowered = trimmed.toLowerCase();
  if (lowered === "ayuda" || lowered === "help") return { verb: "help" };
  return { verb: "list", account: trimmed };
}

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
        ...(await renderAuditList(dependencies, requestContext, { a: parsed.account, p: 1 })),
      });
    } catch (error) {
      await ack({
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });
}
