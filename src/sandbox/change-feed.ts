// Changes told to whoever subscribed, in the order they happened, and a wait that rides on them:
// the workspace's changes and the mailbox's arrivals both go through one of these.

export type TChangeListener<TChange> = (change: TChange) => void;

export interface TWaitOptions {
  readonly timeoutMilliseconds?: number;
  /** Shown in the error when the wait times out. */
  readonly description?: string;
}

export interface TChanges<TChange> {
  /** Calls `listener` with every change from now on, until the returned function is called. */
  subscribe(listener: TChangeListener<TChange>): () => void;
  /** Resolves with the first non-undefined `find()` result, checking again after every change. */
  waitFor<TValue>(find: () => TValue | undefined, options?: TWaitOptions): Promise<TValue>;
}

export interface TChangeFeed<TChange> extends TChanges<TChange> {
  publish(change: TChange): void;
}

const DEFAULT_WAIT_MILLISECONDS = 2_000;

export function createChangeFeed<TChange>(): TChangeFeed<TChange> {
  const listeners = new Set<TChangeListener<TChange>>();

  function subscribe(listener: TChangeListener<TChange>): () => void {
    // A Set keeps one entry per function: wrapping lets the same listener subscribe twice.
    const subscription: TChangeListener<TChange> = (change) => listener(change);
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
