import type { TSlackFeature } from "../types.ts";
import { registerPlacesOptions } from "./listeners/places-options.ts";
import { registerUserChangeEvent } from "./listeners/user-change-event.ts";
import { registerUserFormSubmission } from "./listeners/user-form-submission.ts";
import { registerUsersActions } from "./listeners/users-actions.ts";
import { registerUsersCommand } from "./listeners/users-command.ts";

export const usersFeature: TSlackFeature = {
  name: "users",
  register(app, dependencies) {
    registerUsersCommand(app, dependencies);
    registerUsersActions(app, dependencies);
    registerUserFormSubmission(app, dependencies);
    registerPlacesOptions(app, dependencies);
    registerUserChangeEvent(app, dependencies);
  },
};
