// The embedded database on a thread of its own. PGlite is PostgreSQL compiled to WebAssembly: every
// query runs synchronously on the thread that owns it, so on the main thread one heavy query froze
// every other request. Here PGlite lives in a worker thread (pglite-worker.ts) and this object
// stands in for it towards Prisma's PGlite adapter and our SQL sessions: query, exec, transaction,
// dump, close — the same calls, answered by messages. Values PGlite parses itself come back as
// parsed; the types a caller brings its own parsers for (the adapter does, for dates, numerics…)
// come back as PGlite's text, and the caller's parser runs here, as it would in-thread.
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { messages } from "@electric-sql/pglite";
import { startModuleWorker, type TModuleWorker } from "../threads/module-worker.ts";

export type TPGliteRequest =
  | { readonly op: "open"; readonly directory: string; readonly initialContents?: ArrayBuffer }
  | {
      readonly op: "query";
      readonly sql: string;
      readonly params: readonly unknown[];
      readonly rowMode: "array" | "object";
      /** Types returned as text, for the caller's own parsers. */
      readonly rawTypes: readonly number[];
      readonly transactionId?: number;
    }
  | { readonly op: "exec"; readonly sql: string; readonly transactionId?: number }
  | { readonly op: "begin"; readonly transactionId: number }
  | { readonly op: "end"; readonly transactionId: number; readonly outcome: "commit" | "rollback" }
  | { readonly op: "dump" }
  | { readonly op: "close" };

export interface TPGliteQueryAnswer {
  readonly rows: unknown[];
  readonly fields: { name: string; dataTypeID: number }[];
  readonly affectedRows?: number;
}

/** A DatabaseError as the worker sends it back (structured clone keeps fields, not the class). */
export interface TSerializedDatabaseError {
  readonly databaseError: Record<string, unknown> & { message: string };
}

const WORKER_MODULE = new URL(
  import.meta.url.endsWith(".ts") ? "./pglite-worker.ts" : "./pglite-worker.js",
  import.meta.url,
);

/** The error the adapter recognises (instanceof), rebuilt from the worker's copy. */
function databaseErrorFrom(serialized: TSerializedDatabaseError["databaseError"]): Error {
  const error = new messages.DatabaseError(serialized.message, 0, "error");
  Object.assign(error, serialized);
  return error;
}

export interface TPGliteThread {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
  readonly waitReady: Promise<void>;
}

export async function openPGliteThread(options: {
  directory: string;
  initialContents?: Blob | undefined;
}): Promise<TPGliteThread> {
  const worker: TModuleWorker<TPGliteRequest, unknown> = startModuleWorker(WORKER_MODULE, {
    // The database must not vanish under a request that is being answered: the worker keeps the
    // process alive while open, and close() lets it go.
    keepAlive: true,
  });
  async function call<TAnswer>(request: TPGliteRequest): Promise<TAnswer> {
    const answer = (await worker.call(request)) as TAnswer | TSerializedDatabaseError;
    if (answer !== null && typeof answer === "object" && "databaseError" in answer) {
      throw databaseErrorFrom((answer as TSerializedDatabaseError).databaseError);
    }
    return answer as TAnswer;
  }

  const opened = call<void>({
    op: "open",
    directory: options.directory,
    ...(options.initialContents === undefined
      ? {}
      : { initialContents: await options.initialContents.arrayBuffer() }),
  });
  await opened;

  async function query<T>(
    sql: string,
    params: readonly unknown[] = [],
    queryOptions: QueryOptions = {},
    transactionId?: number,
  ): Promise<Results<T>> {
    const parsers = queryOptions.parsers ?? {};
    const rawTypes = Object.keys(parsers).map(Number);
    const rowMode = queryOptions.rowMode ?? "object";
    const answer = await call<TPGliteQueryAnswer>({
      op: "query",
      sql,
      params: [...params],
      rowMode,
      rawTypes,
      ...(transactionId === undefined ? {} : { transactionId }),
    });
    if (rawTypes.length > 0) parseRaw(answer, rowMode, parsers);
    return answer as Results<T>;
  }

  async function exec(sql: string, transactionId?: number): Promise<Results[]> {
    return call<Results[]>({ op: "exec", sql, ...(transactionId === undefined ? {} : { transactionId }) });
  }

  let nextTransactionId = 1;
  return {
    waitReady: opened,
    query: (sql, params, queryOptions) => query(sql, params, queryOptions),
    exec: (sql) => exec(sql),
    async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
      const transactionId = nextTransactionId++;
      await call<void>({ op: "begin", transactionId });
      let closed = false;
      const transaction = {
        query: <R>(sql: string, params?: unknown[], queryOptions?: QueryOptions) =>
          query<R>(sql, params, queryOptions, transactionId),
        exec: (sql: string) => exec(sql, transactionId),
        async rollback() {
          if (closed) return;
          closed = true;
          await call<void>({ op: "end", transactionId, outcome: "rollback" });
        },
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await work(transaction);
      } catch (error) {
        if (!closed) {
          closed = true;
          await call<void>({ op: "end", transactionId, outcome: "rollback" }).catch(() => undefined);
        }
        throw error;
      }
      if (!closed) {
        closed = true;
        await call<void>({ op: "end", transactionId, outcome: "commit" });
      }
      return result;
    },
    async dumpDataDir() {
      const bytes = await call<ArrayBuffer>({ op: "dump" });
      return new Blob([bytes]);
    },
    async close() {
      try {
        await call<void>({ op: "close" });
      } finally {
        await worker.close();
      }
    },
  };
}

function parseRaw(
  answer: TPGliteQueryAnswer,
  rowMode: "array" | "object",
  parsers: NonNullable<QueryOptions["parsers"]>,
): void {
  answer.fields.forEach((field, index) => {
    const parse = parsers[field.dataTypeID];
    if (parse === undefined) return;
    for (const row of answer.rows) {
      if (rowMode === "array") {
        const values = row as unknown[];
        const value = values[index];
        if (typeof value === "string") values[index] = parseWithType(parse, value, field.dataTypeID);
      } else {
        const record = row as Record<string, unknown>;
        const value = record[field.name];
        if (typeof value === "string") record[field.name] = parseWithType(parse, value, field.dataTypeID);
      }
    }
  });
}

/** PGlite calls a parser with the value and its type id; so does this. */
function parseWithType(parse: (value: string) => unknown, value: string, typeId: number): unknown {
  return (parse as (value: string, typeId: number) => unknown)(value, typeId);
}
