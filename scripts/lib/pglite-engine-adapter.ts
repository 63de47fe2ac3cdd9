// The schema engine's driver adapter: throw-away in-memory PGlite databases, bound to the engine the
// way @prisma/driver-adapter-utils' binder does (the engine expects Result objects, never thrown
// errors), with two fixes for pglite-prisma-adapter 0.7.2: `executeScript` is awaited (a failing
// migration would otherwise be reported as applied), and every PGlite opened here is closed by
// `closeAll` (its `connectToShadowDb` opens one nobody closes, and an open PGlite keeps Node alive).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PGLITE_EXTENSIONS } from "../../src/infrastructure/prisma/pglite-extensions.ts";

type SqlDriverAdapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];
type SqlTransaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type MappedError = { readonly kind: string } & Readonly<Record<string, unknown>>;
type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: MappedError };

/** The JS-side errors handed to the engine as `GenericJs` ids. */
export class JsErrorRegistry {
  readonly registeredErrors: Array<{ error: unknown } | undefined> = [];
  registerNewError(error: unknown): number {
    this.registeredErrors.push({ error });
    return this.registeredErrors.length - 1;
  }
  consumeError(id: number): { error: unknown } | undefined {
    const entry = this.registeredErrors[id];
    this.registeredErrors[id] = undefined;
    return entry;
  }
  /** JS-side errors the engine received as `GenericJs`, for error messages. */
  messages(): string[] {
    return this.registeredErrors.flatMap((entry) =>
      entry === undefined ? [] : [entry.error instanceof Error ? entry.error.message : String(entry.error)],
    );
  }
}

export interface PGliteAdapterFactory {
  /** The object `SchemaEngine.new` takes as its adapter factory. */
  readonly factory: Record<string, unknown>;
  /** Closes every PGlite the factory opened, keeping the caller's process.exitCode. */
  closeAll(): Promise<void>;
}

/**
 * One in-memory PGlite serves the engine's main connection (it only reads the server version there)
 * and its first shadow database; any further shadow database gets a fresh instance.
 */
export async function openPGliteAdapterFactory(registry: JsErrorRegistry): Promise<PGliteAdapterFactory> {
  const instances: PGlite[] = [];
  let shadowHandedOut = false;

  // PGlite sets process.exitCode while it starts and when it closes (see `capture`): keep the
  // caller's exit code across both.
  const newPGlite = async (): Promise<PGlite> => {
    const exitCode = process.exitCode;
    const pg = new PGlite({ extensions: PGLITE_EXTENSIONS }); // memory://
    instances.push(pg);
    try {
      await pg.waitReady;
    } finally {
      process.exitCode = exitCode;
    }
    return pg;
  };
  const adapterOver = async (pg: PGlite): Promise<Record<string, unknown>> =>
    bindAdapter(pg, await new PrismaPGlite(pg).connect(), registry);

  const closeAll = async (): Promise<void> => {
    // close() resets process.exitCode (PRISMA.md, trap 3): keep the caller's.
    const exitCode = process.exitCode;
    for (const pg of instances.splice(0)) {
      if (!pg.closed) await pg.close().catch(() => undefined);
    }
    process.exitCode = exitCode;
  };

  try {
    const mainPg = await newPGlite();
    const factory = {
      adapterName: "@prisma/adapter-pglite",
      provider: "postgres",
      errorRegistry: registry,
      connect: () => capture(registry, () => adapterOver(mainPg)),
      connectToShadowDb: () =>
        capture(registry, async () => {
          if (!shadowHandedOut) {
            shadowHandedOut = true;
            return adapterOver(mainPg);
          }
          return adapterOver(await newPGlite());
        }),
    };
    return { factory, closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toMappedError(error: unknown, registry: JsErrorRegistry): MappedError {
  // DriverAdapterError (thrown by the PGlite adapter): its cause is already the mapped error.
  if (isRecord(error) && error.name === "DriverAdapterError" && isRecord(error.cause)) {
    const cause = error.cause;
    const kind = cause.kind;
    if (typeof kind === "string") return { ...cause, kind };
  }
  // A PostgreSQL error straight from PGlite (executeScript): map it as the adapter's default case does.
  if (isRecord(error) && typeof error.code === "string" && typeof error.severity === "string") {
    const message = typeof error.message === "string" ? error.message : String(error);
    return {
      kind: "postgres",
      code: error.code,
      severity: error.severity,
      message,
      detail: typeof error.detail === "string" ? error.detail : undefined,
      column: typeof error.column === "string" ? error.column : undefined,
      hint: typeof error.hint === "string" ? error.hint : undefined,
      originalCode: error.code,
      originalMessage: message,
    };
  }
  return { kind: "GenericJs", id: registry.registerNewError(error) };
}

// PGlite's Emscripten runtime writes process.exitCode whenever it "exits": 99 once started, 0 when
// closed, and 100 on every SQL error (its longjmp out of the failed statement). Every call into
// PGlite made here puts back the caller's exit code.
async function capture<T>(registry: JsErrorRegistry, run: () => Promise<T>): Promise<Result<T>> {
  const exitCode = process.exitCode;
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toMappedError(error, registry) };
  } finally {
    process.exitCode = exitCode;
  }
}

function captureSync<T>(registry: JsErrorRegistry, run: () => T): Result<T> {
  const exitCode = process.exitCode;
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: toMappedError(error, registry) };
  } finally {
    process.exitCode = exitCode;
  }
}

function bindTransaction(transaction: SqlTransaction, registry: JsErrorRegistry): Record<string, unknown> {
  return {
    adapterName: transaction.adapterName,
    provider: transaction.provider,
    options: transaction.options,
    queryRaw: (query: SqlQuery) => capture(registry, () => transaction.queryRaw(query)),
    executeRaw: (query: SqlQuery) => capture(registry, () => transaction.executeRaw(query)),
    commit: () => capture(registry, () => transaction.commit()),
    rollback: () => capture(registry, () => transaction.rollback()),
  };
}

function bindAdapter(
  pg: PGlite,
  adapter: SqlDriverAdapter,
  registry: JsErrorRegistry,
): Record<string, unknown> {
  return {
    adapterName: adapter.adapterName,
    provider: adapter.provider,
    errorRegistry: registry,
    queryRaw: (query: SqlQuery) => capture(registry, () => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => capture(registry, () => adapter.executeRaw(query)),
    // Awaited, unlike pglite-prisma-adapter 0.7.2's: a failing migration script must fail the replay.
    executeScript: (script: string) =>
      capture(registry, async () => {
        await pg.exec(script);
      }),
    // The engine never calls dispose on the connections it opens; `closeAll` closes the PGlites instead.
    dispose: () => capture(registry, () => Promise.resolve()),
    getConnectionInfo: () => captureSync(registry, () => adapter.getConnectionInfo?.() ?? {}),
    startTransaction: async (isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
      const started = await capture(registry, () => adapter.startTransaction(isolationLevel));
      return started.ok ? { ok: true, value: bindTransaction(started.value, registry) } : started;
    },
  };
}
