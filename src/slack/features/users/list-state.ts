// Where an admin is in the list (search text and page), carried in button values so that every
// action returns them to the same place. Values are parsed, never trusted: they only choose what to show.
import { z } from "zod";
import { decodeJson, encodeJson, renamingFormerKeys } from "../../ui/json-values.ts";

const FORMER_KEYS = { q: "query", p: "page", u: "userId" };

const listState = {
  query: z.string().max(254).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
};

export const ZListState = z.preprocess(renamingFormerKeys(FORMER_KEYS), z.object(listState));
export type TListState = z.output<typeof ZListState>;

export const ZRowValue = z.preprocess(
  renamingFormerKeys(FORMER_KEYS),
  z.object({
    ...listState,
    userId: z.uuid(),
    /** On a Sí button: the question's id, used up by the change it confirms. */
    confirmation: z.uuid().optional(),
  }),
);
export type TRowValue = z.output<typeof ZRowValue>;

export function encodeValue(value: TListState | TRowValue): string {
  return encodeJson(value);
}

export function decodeListState(raw: string | undefined): TListState {
  return decodeJson(ZListState, raw ?? "{}") ?? { page: 1 };
}

export function decodeRowValue(raw: string | undefined): TRowValue | undefined {
  return decodeJson(ZRowValue, raw);
}
