// Which page of the catalogue a button was pressed on, and what it acts on, carried in button values
// so that every action returns the admin to the same page. Values are parsed, never trusted: they only
// choose what to show and what to ask the use cases for; the use cases authorise.
import { z } from "zod";

export const ZCatalogueState = z.object({
  p: z.number().int().min(1).max(100_000).default(1),
});
export type TCatalogueState = z.infer<typeof ZCatalogueState>;

export const ZCompanyValue = ZCatalogueState.extend({ c: z.uuid() });
export type TCompanyValue = z.infer<typeof ZCompanyValue>;

export const ZPlaceValue = ZCatalogueState.extend({
  l: z.uuid(),
  /** On the Sí of a removal: how many holders the admin was told would lose the place. */
  n: z.number().int().min(0).max(1_000_000).optional(),
});
export type TPlaceValue = z.infer<typeof ZPlaceValue>;

export function encodeValue(value: TCatalogueState | TCompanyValue | TPlaceValue): string {
  return JSON.stringify(value);
}

function decode<TValue>(schema: z.ZodType<TValue>, raw: string | undefined): TValue | undefined {
  try {
    return schema.parse(JSON.parse(raw ?? ""));
  } catch {
    return undefined;
  }
}

export function decodeCatalogueState(raw: string | undefined): TCatalogueState {
  return decode(ZCatalogueState, raw) ?? { p: 1 };
}

export function decodeCompanyValue(raw: string | undefined): TCompanyValue | undefined {
  return decode(ZCompanyValue, raw);
}

export function decodePlaceValue(raw: string | undefined): TPlaceValue | undefined {
  return decode(ZPlaceValue, raw);
}
