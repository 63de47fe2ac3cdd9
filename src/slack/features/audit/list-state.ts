// Where a reader is in the audit trail (account filter and page), carried in the paging buttons so
// that ◀ / ▶ keep the filter. Values are parsed, never trusted: they only choose what to show.
import { z } from "zod";

export const ZAuditListState = z.object({
  a: z.string().max(254).optional(),
  p: z.number().int().min(1).max(100_000).default(1),
});
export type TAuditListState = z.infer<typeof ZAuditListState>;

export function encodeAuditListState(state: TAuditListState): string {
  return JSON.stringify(state);
}

export function decodeAuditListState(raw: string | undefined): TAuditListState {
  try {
    return ZAuditListState.parse(JSON.parse(raw ?? "{}"));
  } catch {
    return { p: 1 };
  }
}
