// Where an admin is in the list (search text and page), carried in button values so that every
// action returns them to the same place. Values are parsed, never trusted: they only choose what to show.
import { z } from "zod";

export const ZListState = z.object({
  q: z.string().max(254).optional(),
  p: z.number().int().min(1).max(100_000).default(1),
});
export type TListState = z.infer<typeof ZListState>;

export const ZRowValue = ZListState.extend({
  u: z.uuid(),
  /** On a Sí button: the question's id, used up by the change it confirms. */
  confirmation: z.uuid().optional(),
});
export type TRowValue = z.infer<typeof ZRowValue>;

export function encodeValue(value: TListState | TRowValue): string {
  return JSON.stringify(value);
}

export function decodeListState(raw: string | undefined): TListState {
  try {
    return ZListState.parse(JSON.parse(raw ?? "{}"));
  } catch {
    return { p: 1 };
  }
}

export function decodeRowValue(raw: string | undefined): TRowValue | undefined {
  try {
    return ZRowValue.parse(JSON.parse(raw ?? ""));
  } catch {
    return undefined;
  }
}
