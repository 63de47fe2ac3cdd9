import type { TSlackFeature } from "../types.ts";
import { registerAccountEntryPoints } from "./listeners/account-entry-points.ts";
import { registerPasswordChange } from "./listeners/password-change.ts";

export const accountFeature: TSlackFeature = {
  name: "account",
  register(app, dependencies) {
    registerAccountEntryPoints(app, dependencies);
    registerPasswordChange(app, dependencies);
  },
};
