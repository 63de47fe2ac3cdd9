import type { TSlackFeature } from "../types.ts";
import { registerCompanyFormSubmission } from "./listeners/company-form-submission.ts";
import { registerPlaceFormSubmission } from "./listeners/place-form-submission.ts";
import { registerPlacesActions } from "./listeners/places-actions.ts";
import { registerPlacesCommand } from "./listeners/places-command.ts";

export const placesFeature: TSlackFeature = {
  name: "places",
  register(app, dependencies) {
    registerPlacesCommand(app, dependencies);
    registerPlacesActions(app, dependencies);
    registerCompanyFormSubmission(app, dependencies);
    registerPlaceFormSubmission(app, dependencies);
  },
};
