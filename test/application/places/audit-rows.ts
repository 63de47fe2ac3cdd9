// Reading back the audit rows a places test expects, by the request that wrote them.
import type { Database } from "../../../src/application/ports/database.ts";
import type { TRequestContext } from "../../../src/domain/actor.ts";

export function auditRowsOf(database: Database, context: TRequestContext) {
  return database.prisma.auditEvent.findMany({
    where: { requestId: context.requestId },
    orderBy: { id: "asc" },
  });
}
