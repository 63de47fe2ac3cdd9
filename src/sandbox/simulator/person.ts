// The one person a simulator plays, and the parts every kind of step shares.
import type { TSlackUser } from "../slack-records.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import type { TRequestsToApp } from "./requests-to-app.ts";
import type { TSurfacesInSight } from "./surfaces-in-sight.ts";

export interface TPerson {
  readonly workspace: TSlackWorkspace;
  readonly user: TSlackUser;
  /** Where slash commands run. */
  readonly channelId: string;
  readonly directMessageChannelId: string;
  readonly requests: TRequestsToApp;
  readonly sight: TSurfacesInSight;
}
