// The worker thread that owns the embedded database (see pglite-thread.ts). One PGlite, opened on
// the first message; each request answered in turn, as PGlite's own mutexes order them, so a
// transaction holds the database exactly as it does in-thread.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { messages, PGlite, type Transaction } from "@electric-sql/pglite";
import { serveModuleWorker } from "../threads/module-worker.ts";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.ts";
import type { TPGliteQueryAnswer, TPGliteRequest, TSerializedDatabaseError } from "./pglite-thread.ts";

let database: PGlite | undefined;
const transactions = new Map<
  number,
  { transaction: Transaction; end: (outcome: "commit" | "rollback") => void }
>();
const ended = new Map<number, Promise<void>>();

function open(): PGlite {
  if (database === undefined) throw new Error("the embedded database is not open");
  return database;
}

function target(transactionId: number | undefined): PGlite | Transaction {
  if (transactionId === undefined) return open();
  const entry = transactions.get(transactionId);
  if (entry === undefined) throw new Error(`no transaction ${transactionId}`);
  return entry.transaction;
}

const identity = (value: string) => value;

async function answer(request: TPGliteRequest): Promise<unknown> {
  switch (request.op) {
    case "open": {
      const inMemory = request.directory.startsWith("memory://");
      if (!inMemory) await mkdir(request.directory, { recursive: true });
      database = new PGlite(inMemory ? request.directory : path.resolve(request.directory), {
        extensions: PGLITE_EXTENSIONS,
        ...(request.initialContents === undefined
          ? {}
          : { loadDataDir: new Blob([request.initialContents]) }),
      });
      await database.waitReady;
      return undefined;
    }
    case "query": {
      const result = await target(request.transactionId).query(request.sql, [...request.params], {
        rowMode: request.rowMode,
        parsers: Object.fromEntries(request.rawTypes.map((type) => [type, identity])),
      });
      const reply: TPGliteQueryAnswer = {
        rows: result.rows as unknown[],
        fields: result.fields,
        ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
      };
      return reply;
    }
    case "exec": {
      const results = await target(request.transactionId).exec(request.sql);
      return results.map((result) => ({
        rows: result.rows,
        fields: result.fields,
        affectedRows: result.affectedRows,
      }));
    }
    case "begin": {
      const { transactionId } = request;
      return new Promise<void>((begun, failed) => {
        const done = open()
          .transaction(
            (transaction) =>
              new Promise<void>((finish, abort) => {
                transactions.set(transactionId, {
                  transaction,
                  end: (outcome) => (outcome === "commit" ? finish() : abort(new RollbackRequested())),
                });
                begun();
              }),
          )
          .catch((error: unknown) => {
            if (!(error instanceof RollbackRequested)) throw error;
          })
          .finally(() => transactions.delete(transactionId));
        ended.set(transactionId, done);
        done.catch(failed);
      });
    }
    case "end": {
      const entry = transactions.get(request.transactionId);
      const done = ended.get(request.transactionId);
      ended.delete(request.transactionId);
      if (entry === undefined || done === undefined) return undefined;
      entry.end(request.outcome);
      await done;
      return undefined;
    }
    case "dump": {
      const dump = await open().dumpDataDir("none");
      return await dump.arrayBuffer();
    }
    case "close": {
      const closing = database;
      database = undefined;
      await closing?.close();
      return undefined;
    }
  }
}

/** Thrown into PGlite's transaction callback to end it with ROLLBACK. */
class RollbackRequested extends Error {}

async function answerOrDatabaseError(request: TPGliteRequest): Promise<unknown> {
  try {
    return await answer(request);
  } catch (error) {
    if (error instanceof messages.DatabaseError) {
      // Its text fields only (code, detail, constraint…): what the adapter reads to map the error.
      const fields = Object.fromEntries(
        Object.entries(error).filter(([, value]) => typeof value === "string" || typeof value === "number"),
      );
      const serialized: TSerializedDatabaseError = {
        databaseError: { ...fields, message: error.message },
      };
      return serialized;
    }
    throw error;
  }
}

if (parentPort !== null) serveModuleWorker<TPGliteRequest, unknown>(parentPort, answerOrDatabaseError);
