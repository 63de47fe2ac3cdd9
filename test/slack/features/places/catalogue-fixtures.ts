// Catalogue rows as listCompaniesWithPlaces returns them, for the pure view tests.
import type {
  TCataloguePlace,
  TCompanyWithPlaces,
} from "../../../../src/application/places/list-companies-with-places.ts";
import { placeLabel } from "../../../../src/domain/company-rules.ts";
import { type TJsonValue, toJson } from "../../../../src/sandbox/json.ts";

/** A stable, valid UUID from a number, so that button values decode as they would in Slack. */
export function uuidOf(kind: "c" | "p", index: number): string {
  const prefix = kind === "c" ? "c0" : "d0";
  return `${prefix}000000-0000-4000-8000-${index.toString().padStart(12, "0")}`;
}

export function company(
  index: number,
  options: {
    rfc?: string;
    legalName?: string;
    places?: number;
    holders?: (placeIndex: number) => number;
  } = {},
): TCompanyWithPlaces {
  const id = uuidOf("c", index);
  const rfc = options.rfc ?? "EKU9003173C9";
  const legalName = options.legalName ?? `EMPRESA ${index.toString().padStart(3, "0")}`;
  const places: TCataloguePlace[] = Array.from({ length: options.places ?? 0 }, (_, placeIndex) => {
    const postalCode = (10000 + placeIndex).toString();
    const name = `Sucursal ${placeIndex + 1}`;
    return {
      id: uuidOf("p", index * 1000 + placeIndex),
      companyId: id,
      rfc,
      companyLegalName: legalName,
      postalCode,
      name,
      label: placeLabel({ postalCode, name, companyLegalName: legalName }),
      assignedUserCount: options.holders?.(placeIndex) ?? 0,
    };
  });
  return { id, rfc, legalName, places };
}

export function actionIds(blocks: unknown[]): string[] {
  return (
    JSON.stringify(blocks)
      .match(/"action_id":"[^"]+"/g)
      ?.map((match) => match.slice(13, -1)) ?? []
  );
}

/** Blocks as the JSON Slack receives, for the sandbox's readers and checks. */
export function jsonBlocks(blocks: readonly unknown[]): TJsonValue[] {
  const value = toJson(blocks);
  return Array.isArray(value) ? value : [];
}
