// `/usuarios solicitudes`: the open requests, oldest first (the first to expire), for admins — who
// decide them from the list itself.
import type { TRequestContext } from "../../domain/actor.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  accessRequestSelect,
  type TAccessRequestDetails,
  toAccessRequestDetails,
} from "./access-request-details.ts";

/** Slack's limit of blocks in a message leaves room for this many requests, each with its buttons. */
export const OPEN_REQUESTS_SHOWN = 15;

export async function listOpenAccessRequests(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<{ readonly requests: readonly TAccessRequestDetails[]; readonly total: number }> {
  await requirePermission(dependencies, options.context, Permission.USERS_WRITE, {
    action: "access_request.list",
  });
  const prisma = dependencies.database.prisma;
  const where = { status: "OPEN" as const, expiresAt: { gt: dependencies.clock() } };
  const [rows, total] = await Promise.all([
    prisma.accessRequest.findMany({
      where,
      orderBy: { createdAt: "asc" },
      take: OPEN_REQUESTS_SHOWN,
      select: accessRequestSelect,
    }),
    prisma.accessRequest.count({ where }),
  ]);
  return { requests: await toAccessRequestDetails(prisma, rows), total };
}
