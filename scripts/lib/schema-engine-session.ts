// A schema engine session for the developer scripts: the WebAssembly engine over throw-away in-memory
// PGlite databases (its database and shadow database), with readable errors and a `close` that leaves
// nothing keeping Node alive. `npm run db:new` and `npm run db:check` use it because the 7.x CLI's
// `migrate dev/diff` need the native engine, which cannot be downloaded here (see /work/shared/PRISMA.md).
import type { DiffParams, SchemaEngine } from "@prisma/schema-engine-wasm";
import {
  JsErrorRegistry,
  openPGliteAdapterFactory,
  type PGliteAdapterFactory,
} from "./pglite-engine-adapter.ts";
import {
  clearSchemaEngineTimers,
  loadSchemaEngineClass,
  schemaEnginePanicMessage,
} from "./schema-engine-wasm-loader.ts";

export interface SchemaEngineSession {
  readonly engine: SchemaEngine;
  /** Runs `diff`, turning engine errors and panics into readable Errors. */
  diff(params: DiffParams): Promise<string>;
  /** Frees the engine, clears its timers and closes every PGlite it used. Idempotent. */
  close(): Promise<void>;
}

export interface OpenSchemaEngineOptions {
  /** Engine log lines (JSON) are passed here; ignored by default. Set DEBUG_SCHEMA_ENGINE=1 to print them. */
  onLog?: (line: string) => void;
}

export async function openSchemaEngine(options: OpenSchemaEngineOptions = {}): Promise<SchemaEngineSession> {
  const EngineClass = await loadSchemaEngineClass();
  const registry = new JsErrorRegistry();
  let adapters: PGliteAdapterFactory | undefined;

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clearSchemaEngineTimers();
    await adapters?.closeAll();
  };

  try {
    adapters = await openPGliteAdapterFactory(registry);
    const onLog =
      options.onLog ?? (process.env.DEBUG_SCHEMA_ENGINE ? (line: string) => console.error(line) : undefined);
    const engine = await EngineClass.new(
      { datamodels: undefined },
      (line: string) => {
        onLog?.(line);
      },
      adapters.factory,
    );

    const freeingClose = async (): Promise<void> => {
      if (!closed) {
        try {
          engine.free();
        } catch {
          // already freed, or the instance is poisoned by a panic
        }
      }
      await close();
    };

    return {
      engine,
      async diff(params: DiffParams): Promise<string> {
        try {
          const result = await engine.diff(params);
          return result.stdout ?? "";
        } catch (error) {
          throw describeEngineError(error, registry);
        }
      },
      close: freeingClose,
    };
  } catch (error) {
    await close();
    throw describeEngineError(error, registry);
  }
}

function describeEngineError(error: unknown, registry: JsErrorRegistry): Error {
  const parts = [error instanceof Error ? error.message : String(error)];
  const panic = schemaEnginePanicMessage(error);
  if (panic !== undefined) parts.push(`schema engine panic: ${panic}`);
  for (const message of registry.messages()) parts.push(`caused by: ${message}`);
  const described = new Error(parts.join("\n"), { cause: error });
  described.name = error instanceof Error ? error.name : "SchemaEngineError";
  return described;
}
