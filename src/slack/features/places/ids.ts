// Every id the /lugares feature puts in a view and listens for, in one place.

export const PLACES_COMMAND = "/lugares";

export const PlacesActionId = {
  NEW_COMPANY: "places.company.new",
  EDIT_COMPANY: "places.company.edit",
  ASK_REMOVE_COMPANY: "places.company.remove.ask",
  CONFIRM_REMOVE_COMPANY: "places.company.remove.yes",
  ADD_PLACE: "places.place.new",
  EDIT_PLACE: "places.place.edit",
  ASK_REMOVE_PLACE: "places.place.remove.ask",
  CONFIRM_REMOVE_PLACE: "places.place.remove.yes",
  CANCEL: "places.cancel",
  PAGE_PREVIOUS: "places.page.previous",
  PAGE_NEXT: "places.page.next",
} as const;

export const PlacesViewId = {
  COMPANY_FORM: "places.company_form",
  PLACE_FORM: "places.place_form",
} as const;

/** The catalogue message's blocks; a row's id ends with its company's or place's id. */
export const PlacesBlockId = {
  TOOLBAR: "places.toolbar",
  PAGING: "places.paging",
  CONFIRM: "places.confirm",
  company: (companyId: string) => `places.company.${companyId}`,
  companyActions: (companyId: string) => `places.company_actions.${companyId}`,
  place: (placeId: string) => `places.place.${placeId}`,
  placeActions: (placeId: string) => `places.place_actions.${placeId}`,
} as const;

/** The forms' blocks; each block holds one text input whose action id is FIELD_ACTION_ID. */
export const CompanyFormBlockId = {
  RFC: "rfc",
  LEGAL_NAME: "legal_name",
} as const;

export const PlaceFormBlockId = {
  COMPANY: "company",
  POSTAL_CODE: "postal_code",
  PLACE_NAME: "place_name",
} as const;

export const FIELD_ACTION_ID = "value";

/** Which form block shows the error of each use-case field. */
export const COMPANY_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  rfc: CompanyFormBlockId.RFC,
  legalName: CompanyFormBlockId.LEGAL_NAME,
};

export const PLACE_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  postalCode: PlaceFormBlockId.POSTAL_CODE,
  placeName: PlaceFormBlockId.PLACE_NAME,
};
