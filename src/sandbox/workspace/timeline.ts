// Everything the app and Slack said to each other, in order: the app's Web API calls and
// response_url posts, and the requests Slack sent the app with the answers it got (tokens left out).
import { stringField } from "../json.ts";
import type { TTimelineEntry, TWebApiCall } from "../slack-records.ts";
import type { TWorkspaceChange } from "./changes.ts";

export type TTimelineInput = Omit<TTimelineEntry, "sequence" | "at">;

export interface TTimeline {
  record(entry: TTimelineInput): TTimelineEntry;
  /** Everything in order; from `since` (a sequence number, exclusive) when given. */
  timeline(since?: number): readonly TTimelineEntry[];
  calls(method?: string): readonly TWebApiCall[];
  /** The sequence number of the latest timeline entry (0 before any). */
  lastSequence(): number;
}

function webApiCallOf(entry: TTimelineEntry): TWebApiCall {
  const response = entry.response;
  const body = typeof response === "object" && response !== null && !Array.isArray(response) ? response : {};
  const request = entry.request;
  return {
    sequence: entry.sequence,
    at: entry.at,
    method: entry.name,
    arguments: typeof request === "object" && request !== null && !Array.isArray(request) ? request : {},
    status: entry.status,
    response,
    ok: body.ok === true,
    error: stringField(body, "error"),
  };
}

export function createTimeline(options: {
  readonly clock: () => number;
  readonly publish: (change: TWorkspaceChange) => void;
}): TTimeline {
  const entries: TTimelineEntry[] = [];
  return {
    record(entry) {
      const recorded: TTimelineEntry = { ...entry, sequence: entries.length + 1, at: options.clock() };
      entries.push(recorded);
      options.publish({ kind: "timeline_entry", entry: recorded });
      return recorded;
    },
    timeline: (since = 0) => entries.filter((entry) => entry.sequence > since),
    calls: (method) =>
      entries
        .filter((entry) => entry.kind === "api_call" && (method === undefined || entry.name === method))
        .map(webApiCallOf),
    lastSequence: () => entries.length,
  };
}
