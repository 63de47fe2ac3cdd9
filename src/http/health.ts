// GET /healthz: 200 when the database answers, 503 when it does not.
import type { Database } from "../application/ports/database.ts";

export async function checkHealth(
  database: Database,
): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await database.prisma.$queryRaw`SELECT 1`;
    return { status: 200, body: { ok: true, database: database.kind } };
  } catch {
    return { status: 503, body: { ok: false, database: database.kind, error: "database_unavailable" } };
  }
}
