import type { TSlackFeature } from "../types.ts";
import { registerDecideAccessRequest } from "./listeners/decide-access-request.ts";
import { registerRequestAccess } from "./listeners/request-access.ts";

export const accessRequestsFeature: TSlackFeature = {
  name: "access-requests",
  register(app, dependencies) {
    registerRequestAccess(app, dependencies);
    registerDecideAccessRequest(app, dependencies);
  },
};
