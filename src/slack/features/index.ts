// Every feature of the Slack surface. A test checks that what they register is exactly what
// manifest.yml declares, so that no handler is dead and no declared command is unanswered.
import { accessRequestsFeature } from "./access-requests/register.ts";
import { accountFeature } from "./account/register.ts";
import { auditFeature } from "./audit/register.ts";
import { placesFeature } from "./places/register.ts";
import { rolesFeature } from "./roles/register.ts";
import type { TSlackFeature } from "./types.ts";
import { usersFeature } from "./users/register.ts";

export const SLACK_FEATURES: readonly TSlackFeature[] = [
  usersFeature,
  placesFeature,
  accountFeature,
  rolesFeature,
  auditFeature,
  accessRequestsFeature,
];
