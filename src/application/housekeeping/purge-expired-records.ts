// Removes the rows kept only for a while: Slack event claims past their day, rate-limit windows
// that no longer count, Sí ids past their month. Run now and then by every replica (harmless twice).
import { USED_CONFIRMATION_RETENTION_DAYS } from "../confirmations.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { RATE_LIMIT_ROW_RETENTION_MS } from "../rate-limits/consume-rate-limit.ts";

export interface TPurgedRecords {
  readonly slackEvents: number;
  readonly rateLimitWindows: number;
  readonly confirmations: number;
}

export async function purgeExpiredRecords(dependencies: TUseCaseDependencies): Promise<TPurgedRecords> {
  const prisma = dependencies.database.prisma;
  const now = dependencies.clock().getTime();
  const slackEvents = await prisma.processedSlackEvent.deleteMany({
    where: { expiresAt: { lt: new Date(now) } },
  });
  const rateLimitWindows = await prisma.rateLimitWindow.deleteMany({
    where: { windowStartedAt: { lt: new Date(now - RATE_LIMIT_ROW_RETENTION_MS) } },
  });
  const confirmations = await prisma.usedConfirmation.deleteMany({
    where: { usedAt: { lt: new Date(now - USED_CONFIRMATION_RETENTION_DAYS * 24 * 60 * 60_000) } },
  });
  return {
    slackEvents: slackEvents.count,
    rateLimitWindows: rateLimitWindows.count,
    confirmations: confirmations.count,
  };
}
