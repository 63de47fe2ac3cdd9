// Where a reader is in the audit trail (account filter and page), carried in the paging buttons so
// that ◀ / ▶ keep the filter. Values are parsed, never trusted: they only choose what to show.
import { z } from "zod";
import { decodeJson, encodeJson, renamingFormerKeys } from "../../ui/json-values.ts";

export const ZAuditListState = z.preprocess(
  renamingFormerKeys({ a: "account", p: "page" }),
  z.object({
    account: z.string().max(254).optional(),
    page: z.number().int().min(1).max(100_000).default(1),
  }),
);
export type TAuditListState = z.output<typeof ZAuditListState>;

export function encodeAuditListState(state: TAuditListState): string {
  return encodeJson(state);
}

export function decodeAuditListState(raw: string | undefined): TAuditListState {
  return decodeJson(ZAuditListState, raw ?? "{}") ?? { page: 1 };
}
