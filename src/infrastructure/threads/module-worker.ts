// Starts a worker thread running one of our modules and calls it like a function: each request
// gets an id, each answer settles its promise. Under tsx (development, tests) the module is
// TypeScript and the worker registers tsx first; in the build it is plain JavaScript. The worker
// starts on first use, is restarted if it dies, and does not keep the process alive unless asked.
import { Worker } from "node:worker_threads";

export interface TModuleWorker<TRequest, TAnswer> {
  call(request: TRequest): Promise<TAnswer>;
  /** Requests sent and not yet answered. */
  pending(): number;
  close(): Promise<void>;
}

interface TReply<TAnswer> {
  readonly id: number;
  readonly answer?: TAnswer;
  readonly error?: string;
}

export function startModuleWorker<TRequest, TAnswer>(
  moduleUrl: URL,
  options: { readonly keepAlive?: boolean } = {},
): TModuleWorker<TRequest, TAnswer> {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (answer: TAnswer) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function running(): Worker {
    if (worker !== undefined) return worker;
    const url = moduleUrl.href;
    const code = url.endsWith(".ts")
      ? // tsx resolved here, not in the worker: an eval worker resolves bare names from the working folder.
        `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url)}))`
      : `import(${JSON.stringify(url)})`;
    const started = new Worker(code, { eval: true });
    if (options.keepAlive !== true) started.unref();
    started.on("message", (reply: TReply<TAnswer>) => {
      const entry = waiting.get(reply.id);
      if (entry === undefined) return;
      waiting.delete(reply.id);
      if (reply.error === undefined) entry.resolve(reply.answer as TAnswer);
      else entry.reject(new Error(reply.error));
    });
    started.on("error", (error) => {
      worker = undefined;
      failAll(error);
    });
    started.on("exit", () => {
      if (worker === started) worker = undefined;
      failAll(new Error("the worker thread stopped"));
    });
    worker = started;
    return started;
  }

  return {
    call(request) {
      const id = nextId++;
      return new Promise<TAnswer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running().postMessage({ id, request });
      });
    },
    pending: () => waiting.size,
    async close() {
      const current = worker;
      worker = undefined;
      if (current !== undefined) await current.terminate();
    },
  };
}

/** The worker's side: answers each request with `answer`, errors as their message. */
export function serveModuleWorker<TRequest, TAnswer>(
  port: {
    on(event: "message", listener: (message: { id: number; request: TRequest }) => void): unknown;
    postMessage(reply: TReply<TAnswer>): void;
  },
  answer: (request: TRequest) => TAnswer | Promise<TAnswer>,
): void {
  const reply = (message: TReply<TAnswer>) => {
    try {
      port.postMessage(message);
    } catch (error) {
      // An answer that cannot be copied to the other thread is an error there, not a crash here.
      port.postMessage({ id: message.id, error: `the answer could not be sent: ${String(error)}` });
    }
  };
  port.on("message", ({ id, request }) => {
    Promise.resolve()
      .then(() => answer(request))
      .then(
        (result) => reply({ id, answer: result }),
        (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}
