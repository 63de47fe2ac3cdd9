// The holder a Quitar / Sí button acts on, carried in its value. Parsed, never trusted: it only
// names whom to ask about; revokeRole authorises the caller and checks the holder again.
import { z } from "zod";
import { SLACK_USER_ID_PATTERN } from "../../../domain/portal-user-rules.ts";
import { Role } from "../../../domain/roles.ts";
import { decodeJson, encodeJson, renamingFormerKeys } from "../../ui/json-values.ts";

export const ZRoleChoice = z.enum([Role.ADMIN, Role.SUPPORT]);

export const ZHolderValue = z.preprocess(
  renamingFormerKeys({ u: "slackUserId", r: "role" }),
  z.object({ slackUserId: z.string().regex(SLACK_USER_ID_PATTERN), role: ZRoleChoice }),
);
export type THolderValue = z.output<typeof ZHolderValue>;

export function encodeHolderValue(value: THolderValue): string {
  return encodeJson(value);
}

export function decodeHolderValue(raw: string | undefined): THolderValue | undefined {
  return decodeJson(ZHolderValue, raw);
}
