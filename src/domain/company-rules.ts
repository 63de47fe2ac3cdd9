// The rules of companies (RFC, razón social) and their issuing places (código postal, name).
import { ErrorCode, type TFieldError } from "./errors.ts";
import { textProblem } from "./text-rules.ts";

/** SAT's RFC pattern: 3 letters (persona moral) or 4 (persona física), the date, the homoclave. */
export const RFC_PATTERN = /^[A-Z&Ñ]{3,4}[0-9]{2}(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])[A-Z0-9]{2}[0-9A]$/u;
export const POSTAL_CODE_PATTERN = /^[0-9]{5}$/;
export const LEGAL_NAME_MAX_LENGTH = 254;
export const PLACE_NAME_MAX_LENGTH = 120;

export function normalizeRfc(raw: string): string {
  return raw.normalize("NFC").trim().toUpperCase().replace(/[\s-]/g, "");
}

export function normalizeText(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

export function rfcProblem(rfc: string): TFieldError | undefined {
  const characters = textProblem("rfc", rfc);
  if (characters !== undefined) return characters;
  return RFC_PATTERN.test(rfc) ? undefined : { field: "rfc", code: ErrorCode.RFC_INVALID };
}

export function legalNameProblem(legalName: string): TFieldError | undefined {
  const characters = textProblem("legalName", legalName);
  if (characters !== undefined) return characters;
  return legalName.length >= 1 && legalName.length <= LEGAL_NAME_MAX_LENGTH
    ? undefined
    : {
        field: "legalName",
        code: ErrorCode.COMPANY_NAME_INVALID,
        parameters: { maximum: LEGAL_NAME_MAX_LENGTH },
      };
}

export function postalCodeProblem(postalCode: string): TFieldError | undefined {
  const characters = textProblem("postalCode", postalCode);
  if (characters !== undefined) return characters;
  return POSTAL_CODE_PATTERN.test(postalCode)
    ? undefined
    : { field: "postalCode", code: ErrorCode.POSTAL_CODE_INVALID };
}

export function placeNameProblem(name: string): TFieldError | undefined {
  const characters = textProblem("placeName", name);
  if (characters !== undefined) return characters;
  return name.length >= 1 && name.length <= PLACE_NAME_MAX_LENGTH
    ? undefined
    : {
        field: "placeName",
        code: ErrorCode.PLACE_NAME_INVALID,
        parameters: { maximum: PLACE_NAME_MAX_LENGTH },
      };
}

/** How a place reads wherever it is offered for choice: `<código postal> — <nombre> (<razón social>)`. */
export function placeLabel(place: { postalCode: string; name: string; companyLegalName: string }): string {
  return `${place.postalCode} — ${place.name} (${place.companyLegalName})`;
}
