// Whether an error means the database could not be reached (down, restarting, its connections
// cut) rather than that a query was wrong: callers answer "try again shortly", not "internal
// error". Prisma's client reports it by code, pg by socket errno or SQLSTATE, anywhere in the chain.
const PRISMA_UNREACHABLE_CODES = new Set(["P1000", "P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

function unreachableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return (
    PRISMA_UNREACHABLE_CODES.has(code) ||
    SOCKET_CODES.has(code) ||
    // SQLSTATE 08xxx connection exceptions; 57P01–57P03 the server shutting down or starting.
    /^08[0-9A-Z]{3}$/.test(code) ||
    /^57P0[1-3]$/.test(code)
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const shape = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: unknown;
      driverAdapterError?: unknown;
      errors?: unknown;
    };
    if (unreachableCode(shape.code)) return true;
    if (typeof shape.kind === "string" && ADAPTER_UNREACHABLE_KINDS.has(shape.kind)) return true;
    if (typeof shape.message === "string" && /Connection terminated|connect ECONNREFUSED/.test(shape.message))
      return true;
    pending.push(shape.cause, shape.meta, shape.driverAdapterError);
    if (Array.isArray(shape.errors)) pending.push(...shape.errors);
  }
  return false;
}
