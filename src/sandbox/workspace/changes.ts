// Every change to the workspace, told to whoever subscribed (a test waiting for the app's next call,
// a page following the workspace over server-sent events), in the order it happened.
import type { TChangeListener, TChanges } from "../change-feed.ts";
import type { TSlackMessage, TTimelineEntry } from "../slack-records.ts";

export type { TWaitOptions } from "../change-feed.ts";

export type TWorkspaceChange =
  | { readonly kind: "message_posted"; readonly message: TSlackMessage }
  | { readonly kind: "message_edited"; readonly message: TSlackMessage }
  | { readonly kind: "message_deleted"; readonly channel: string; readonly ts: string }
  /** A modal of the person opened, changed or closed, or their Home tab was published. */
  | { readonly kind: "views_changed"; readonly userId: string }
  | { readonly kind: "timeline_entry"; readonly entry: TTimelineEntry };

export type TWorkspaceListener = TChangeListener<TWorkspaceChange>;

export type TWorkspaceChanges = TChanges<TWorkspaceChange>;
