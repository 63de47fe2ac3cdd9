// The maintained dictionary of common passwords, names and words, checked in a worker thread: a
// rating is 60-70 ms of synchronous work, and 20 people changing passwords at once must not freeze
// every other request. The worker starts (and builds its dictionaries) on the first check.
import type { CommonPasswordChecker } from "../../domain/password-policy.ts";
import { startModuleWorker } from "../threads/module-worker.ts";
import type { TRatingRequest } from "./zxcvbn-rating.ts";

const WORKER_MODULE = new URL(
  import.meta.url.endsWith(".ts") ? "./zxcvbn-worker.ts" : "./zxcvbn-worker.js",
  import.meta.url,
);

export interface TClosableCommonPasswordChecker extends CommonPasswordChecker {
  close(): Promise<void>;
}

export function createZxcvbnCommonPasswordChecker(): TClosableCommonPasswordChecker {
  const worker = startModuleWorker<TRatingRequest, boolean>(WORKER_MODULE);
  return {
    isCommon: (password, accountWords) => worker.call({ password, accountWords: [...accountWords] }),
    close: () => worker.close(),
  };
}
