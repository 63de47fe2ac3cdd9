// The holder a Quitar / Sí button acts on, carried in its value. Parsed, never trusted: it only
// names whom to ask about; revokeRole authorises the caller and checks the holder again.
import { z } from "zod";
import { SLACK_USER_ID_PATTERN } from "../../../domain/portal-user-rules.ts";
import { Role } from "../../../domain/roles.ts";

export const ZRoleChoice = z.enum([Role.ADMIN, Role.SUPPORT]);

export const ZHolderValue = z.object({
  u: z.string().regex(SLACK_USER_ID_PATTERN),
  r: ZRoleChoice,
});
export type THolderValue = z.infer<typeof ZHolderValue>;

export function encodeHolderValue(value: THolderValue): string {
  return JSON.stringify(value);
}

export function decodeHolderValue(raw: string | undefined): THolderValue | undefined {
  try {
    return ZHolderValue.parse(JSON.parse(raw ?? ""));
  } catch {
    return undefined;
  }
}
