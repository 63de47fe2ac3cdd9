// Where each request was posted for approval, so that its decision updates every copy. Read and
// written by the outbox's Slack deliveries, not by a person: no authorisation here.
import type { TUseCaseDependencies } from "../dependencies.ts";
import { readAccessRequest, type TAccessRequestDetails } from "./access-request-details.ts";

export function getAccessRequest(
  dependencies: TUseCaseDependencies,
  accessRequestId: string,
): Promise<TAccessRequestDetails | undefined> {
  return readAccessRequest(dependencies.database.prisma, accessRequestId);
}

export async function recordAccessRequestMessage(
  dependencies: TUseCaseDependencies,
  message: { accessRequestId: string; channelId: string; ts: string },
): Promise<void> {
  await dependencies.database.prisma.accessRequestMessage.upsert({
    where: { requestId_channelId: { requestId: message.accessRequestId, channelId: message.channelId } },
    create: {
      requestId: message.accessRequestId,
      channelId: message.channelId,
      ts: message.ts,
      postedAt: dependencies.clock(),
    },
    update: { ts: message.ts },
  });
}

export function listAccessRequestMessages(
  dependencies: TUseCaseDependencies,
  accessRequestId: string,
): Promise<Array<{ channelId: string; ts: string }>> {
  return dependencies.database.prisma.accessRequestMessage.findMany({
    where: { requestId: accessRequestId },
    orderBy: { postedAt: "asc" },
    select: { channelId: true, ts: true },
  });
}
