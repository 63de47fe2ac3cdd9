// Which page of the catalogue a button was pressed on, and what it acts on, carried in button values
// so that every action returns the admin to the same page. Values are parsed, never trusted: they only
// choose what to show and what to ask the use cases for; the use cases authorise.
import { z } from "zod";
import { decodeJson, encodeJson, renamingFormerKeys } from "../../ui/json-values.ts";

const FORMER_KEYS = { p: "page", c: "companyId", l: "placeId", n: "agreedHolders" };

const catalogueState = { page: z.number().int().min(1).max(100_000).default(1) };

export const ZCatalogueState = z.preprocess(renamingFormerKeys(FORMER_KEYS), z.object(catalogueState));
export type TCatalogueState = z.output<typeof ZCatalogueState>;

export const ZCompanyValue = z.preprocess(
  renamingFormerKeys(FORMER_KEYS),
  z.object({ ...catalogueState, companyId: z.uuid() }),
);
export type TCompanyValue = z.output<typeof ZCompanyValue>;

export const ZPlaceValue = z.preprocess(
  renamingFormerKeys(FORMER_KEYS),
  z.object({
    ...catalogueState,
    placeId: z.uuid(),
    /** On the Sí of a removal: how many holders the admin was told would lose the place. */
    agreedHolders: z.number().int().min(0).max(1_000_000).optional(),
  }),
);
export type TPlaceValue = z.output<typeof ZPlaceValue>;

export function encodeValue(value: TCatalogueState | TCompanyValue | TPlaceValue): string {
  return encodeJson(value);
}

export function decodeCatalogueState(raw: string | undefined): TCatalogueState {
  return decodeJson(ZCatalogueState, raw) ?? { page: 1 };
}

export function decodeCompanyValue(raw: string | undefined): TCompanyValue | undefined {
  return decodeJson(ZCompanyValue, raw);
}

export function decodePlaceValue(raw: string | undefined): TPlaceValue | undefined {
  return decodeJson(ZPlaceValue, raw);
}
