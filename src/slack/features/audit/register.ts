import type { TSlackFeature } from "../types.ts";
import { registerAuditActions } from "./listeners/audit-actions.ts";
import { registerAuditCommand } from "./listeners/audit-command.ts";

export const auditFeature: TSlackFeature = {
  name: "audit",
  register(app, dependencies) {
    registerAuditCommand(app, dependencies);
    registerAuditActions(app, dependencies);
  },
};
