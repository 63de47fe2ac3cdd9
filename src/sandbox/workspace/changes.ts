// Every change to the workspace, told to whoever subscribed (a test waiting for the app's next call,
// a page following the workspace over server-sent events), in the order it happened.
import type { TSlackMessage, TTimelineEntry } from "../slack-records.ts";

export type TWorkspaceChange =
  | { readonly kind: "message_posted"; readonly message: TSlackMessage }
  | { readonly kind: "message_edited"; readonly message: TSlackMessage }
  | { readonly kind: "message_deleted"; readonly channel: string; readonly ts: string }
  /** A modal of the person opened, changed or closed, or their Home tab was published. */
  | { readonly kind: "views_changed"; readonly userId: string }
  | { readonly kind: "timeline_entry"; readonly entry: TTimelineEntry };

export type TWorkspaceListener = (change: TWorkspaceChange) => void;

export interface TWaitOptions {
  readonly timeoutMilliseconds?: number;
  /** Shown in the error when the wait times out. */
  readonly description?: string;
}

export interface TWorkspaceChanges {
  /** Calls `listener` with every change from now on, until the returned function is called. */
  subscribe(listener: TWorkspaceListener): () => void;
  /** Resolves with the first non-undefined `find()` result, checking again after every change. */
  waitFor<TValue>(find: () => TValue | undefined, options?: TWaitOptions): Promise<TValue>;
}

export interface TChangeFeed extends TWorkspaceChanges {
  publish(change: TWorkspaceChange): void;
}

const DEFAULT_WAIT_MILLISECONDS = 2_000;

export function createChangeFeed(): TChangeFeed {
  const listeners = new Set<TWorkspaceListener>();

  function subscribe(listener: TWorkspaceListener): () => void {
    // A Set keeps one entry per function: wrapping lets the same listener subscribe twice.
    const subscription: TWorkspaceListener = (change) => listener(change);
    listeners.add(subscription);
    return () => {
      listeners.delete(subscription);
    };
  }

  return {
    publish(change) {
      for (const listener of [...listeners]) listener(change);
    },
    subscribe,
    waitFor(find, waitOptions = {}) {
      const timeoutMilliseconds = waitOptions.timeoutMilliseconds ?? DEFAULT_WAIT_MILLISECONDS;
      return new Promise((resolve, reject) => {
        const immediate = find();
        if (immediate !== undefined) {
          resolve(immediate);
          return;
        }
        const unsubscribe = subscribe(() => {
          const found = find();
          if (found === undefined) return;
          unsubscribe();
          clearTimeout(timer);
          resolve(found);
        });
        const timer = setTimeout(() => {
          unsubscribe();
          reject(
            new Error(
              `timed out after ${timeoutMilliseconds} ms waiting for ${waitOptions.description ?? "a change"}`,
            ),
          );
        }, timeoutMilliseconds);
      });
    },
  };
}
