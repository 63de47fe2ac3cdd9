import type { TSlackFeature } from "../types.ts";
import { registerGrantRoleSubmission } from "./listeners/grant-role-submission.ts";
import { registerRolesActions } from "./listeners/roles-actions.ts";

/** Roles have no command of their own: `/usuarios roles` shows the list (see renderRolesList). */
export const rolesFeature: TSlackFeature = {
  name: "roles",
  register(app, dependencies) {
    registerRolesActions(app, dependencies);
    registerGrantRoleSubmission(app, dependencies);
  },
};
