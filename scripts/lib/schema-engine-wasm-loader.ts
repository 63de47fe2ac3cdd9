// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm, an internal API pinned exactly
// in package.json) in plain Node. Its entry point does `import * as wasm from "./schema_engine_bg.wasm"`,
// which needs a bundler, so the .wasm is instantiated here with the glue of `schema_engine_bg.js`.
// The engine arms timers it never clears: they are unref'd and kept for `clearSchemaEngineTimers`.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngineClass = typeof engineGlue.SchemaEngine;

// The WebAssembly global, typed here: the project's `lib` (ES2023, no DOM) and @types/node 20 do not
// declare it.
type WasmModule = object;
interface WasmApi {
  compile(bytes: ArrayBuffer): Promise<WasmModule>;
  instantiate(
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ readonly exports: Record<string, unknown> }>;
  readonly Module: { imports(module: WasmModule): Array<{ module: string; name: string; kind: string }> };
  readonly RuntimeError: abstract new (...args: never[]) => Error;
}
// (A cast: under a DOM `lib` the real declarations are stricter about import values than needed here.)
const wasmApi = Reflect.get(globalThis, "WebAssembly") as unknown as WasmApi;

let engineClassPromise: Promise<SchemaEngineClass> | undefined;
/** Timers the engine armed and that have not fired yet. */
const pendingEngineTimers = new Set<NodeJS.Timeout>();

interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}
const panicRegistry: PanicRegistry = {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
};

/** The engine's class, instantiating the WebAssembly module on the first call only. */
export function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  engineClassPromise ??= instantiateEngine();
  return engineClassPromise;
}

/** Clears every timer the engine armed and that is still pending. */
export function clearSchemaEngineTimers(): void {
  for (const timer of pendingEngineTimers) clearTimeout(timer);
  pendingEngineTimers.clear();
}

/** The engine's panic message when `error` is the WebAssembly trap a panic ends in; else undefined. */
export function schemaEnginePanicMessage(error: unknown): string | undefined {
  return error instanceof wasmApi.RuntimeError && panicRegistry.message !== ""
    ? panicRegistry.message
    : undefined;
}

async function instantiateEngine(): Promise<SchemaEngineClass> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
  const bytes = new Uint8Array(await readFile(wasmPath)).buffer;

  // The glue's panic hook writes to this global (as Prisma's CLI sets it up).
  if (!Reflect.has(globalThis, "PRISMA_WASM_PANIC_REGISTRY")) {
    Reflect.set(globalThis, "PRISMA_WASM_PANIC_REGISTRY", panicRegistry);
  }

  // Every export of the glue module is a candidate import of the .wasm (module "./schema_engine_bg.js").
  const imports: Record<string, unknown> = { ...engineGlue };
  let wrappedTimers = 0;
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    wrappedTimers += 1;
    imports[name] = (callback: () => void, milliseconds: number): NodeJS.Timeout => {
      const timer: NodeJS.Timeout = setTimeout(() => {
        pendingEngineTimers.delete(timer);
        callback();
      }, milliseconds >>> 0);
      timer.unref();
      pendingEngineTimers.add(timer);
      return timer;
    };
  }
  if (wrappedTimers === 0) {
    throw new Error(
      "@prisma/schema-engine-wasm: no __wbg_setTimeout_* import found; the glue changed, check this loader",
    );
  }

  const module = await wasmApi.compile(bytes);
  const moduleNames = new Set(wasmApi.Module.imports(module).map((entry) => entry.module));
  const importObject: Record<string, Record<string, unknown>> = {};
  for (const moduleName of moduleNames) importObject[moduleName] = imports;
  const instance = await wasmApi.instantiate(module, importObject);
  engineGlue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  return engineGlue.SchemaEngine;
}
