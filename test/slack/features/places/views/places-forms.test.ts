import { describe, expect, it } from "vitest";
import { normalizeCompanyFields } from "../../../../../src/application/places/company-fields.ts";
import { normalizeIssuingPlaceFields } from "../../../../../src/application/places/issuing-place-fields.ts";
import { ValidationError } from "../../../../../src/domain/errors.ts";
import { inputBlocksOf, visibleTextOf } from "../../../../../src/sandbox/block-kit-reading.ts";
import { problemsInView } from "../../../../../src/sandbox/block-kit-validation.ts";
import { toJsonObject } from "../../../../../src/sandbox/json.ts";
import {
  COMPANY_FORM_BLOCK_BY_FIELD,
  CompanyFormBlockId,
  PLACE_FORM_BLOCK_BY_FIELD,
  PlaceFormBlockId,
} from "../../../../../src/slack/features/places/ids.ts";
import {
  companyFormModal,
  readCompanyForm,
  readCompanyFormMetadata,
} from "../../../../../src/slack/features/places/views/company-form-modal.ts";
import {
  placeFormModal,
  readPlaceForm,
  readPlaceFormMetadata,
} from "../../../../../src/slack/features/places/views/place-form-modal.ts";
import { modalFieldErrors } from "../../../../../src/slack/respond/error-responses.ts";
import { company, jsonBlocks } from "../catalogue-fixtures.ts";

const kemper = company(1, { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE", places: 1 });
const centro = kemper.places[0];
const responseUrl = "https://hooks.slack.com/actions/T0/1/abc";

function validationErrorOf(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error;
  }
  throw new Error("expected a ValidationError");
}

describe("Nueva empresa / Editar empresa form", () => {
  it("asks for RFC and Razón social, empty for a new company", () => {
    const view = companyFormModal({ metadata: { responseUrl, state: { page: 2 } }, locale: "es" });
    expect(view.callback_id).toBe("places.company_form");
    expect(view.title.text).toBe("Nueva empresa");
    expect(
      inputBlocksOf(jsonBlocks(view.blocks)).map((block) => [block.blockId, block.label, block.actionId]),
    ).toEqual([
      ["rfc", "RFC", "value"],
      ["legal_name", "Razón social", "value"],
    ]);
    expect(JSON.stringify(view.blocks)).not.toContain("initial_value");
    expect(readCompanyFormMetadata(view.private_metadata ?? "")).toEqual({ responseUrl, state: { page: 2 } });
    expect(problemsInView(toJsonObject(view))).toEqual([]);
  });

  it("is filled with the company when editing, and remembers which one", () => {
    const view = companyFormModal({ company: kemper, metadata: { companyId: kemper.id }, locale: "en" });
    expect(view.title.text).toBe("Edit company");
    const inputs = inputBlocksOf(jsonBlocks(view.blocks));
    expect(inputs.map((block) => block.element.initial_value)).toEqual([
      "EKU9003173C9",
      "ESCUELA KEMPER URGATE",
    ]);
    expect(inputs.map((block) => block.label)).toEqual(["RFC", "Legal name (razón social)"]);
    expect(readCompanyFormMetadata(view.private_metadata ?? "")).toEqual({ companyId: kemper.id });
  });

  it("reads what was typed, and nothing from an unknown shape", () => {
    const values = {
      rfc: { value: { type: "plain_text_input", value: "eku9003173c9" } },
      legal_name: { value: { type: "plain_text_input", value: "ESCUELA KEMPER URGATE" } },
    };
    expect(readCompanyForm(values)).toEqual({ rfc: "eku9003173c9", legalName: "ESCUELA KEMPER URGATE" });
    expect(readCompanyForm({ rfc: "nope" })).toEqual({ rfc: "", legalName: "" });
    expect(readCompanyFormMetadata("not json")).toEqual({});
  });

  it("shows each refused field on its own block", () => {
    const error = validationErrorOf(() => normalizeCompanyFields({ rfc: "ABC", legalName: " " }));
    const errors = modalFieldErrors(error, "es", COMPANY_FORM_BLOCK_BY_FIELD, CompanyFormBlockId.RFC);
    expect(Object.keys(errors).sort()).toEqual(["legal_name", "rfc"]);
    expect(errors.rfc).toContain("formato del SAT");
    expect(errors.legal_name).toContain("razón social");
  });
});

describe("Agregar lugar / Editar lugar form", () => {
  it("asks for Código postal and Nombre del lugar under the company it belongs to", () => {
    const view = placeFormModal({
      company: kemper,
      metadata: { companyId: kemper.id, responseUrl, state: { page: 1 } },
      locale: "es",
    });
    expect(view.callback_id).toBe("places.place_form");
    expect(view.title.text).toBe("Agregar lugar");
    expect(visibleTextOf(jsonBlocks(view.blocks))).toContain(
      "Empresa: *ESCUELA KEMPER URGATE* (RFC EKU9003173C9)",
    );
    expect(inputBlocksOf(jsonBlocks(view.blocks)).map((block) => [block.blockId, block.label])).toEqual([
      ["postal_code", "Código postal"],
      ["place_name", "Nombre del lugar"],
    ]);
    expect(readPlaceFormMetadata(view.private_metadata ?? "")).toEqual({
      companyId: kemper.id,
      responseUrl,
      state: { page: 1 },
    });
    expect(problemsInView(toJsonObject(view))).toEqual([]);
  });

  it("is filled with the place when editing", () => {
    const view = placeFormModal({
      company: kemper,
      ...(centro === undefined ? {} : { place: centro }),
      metadata: { companyId: kemper.id, placeId: centro?.id },
      locale: "en",
    });
    expect(view.title.text).toBe("Edit place");
    expect(
      inputBlocksOf(jsonBlocks(view.blocks)).map((block) => [block.label, block.element.initial_value]),
    ).toEqual([
      ["Postal code", "10000"],
      ["Place name", "Sucursal 1"],
    ]);
  });

  it("reads what was typed as the use cases name it, and refuses unreadable metadata", () => {
    const values = {
      postal_code: { value: { type: "plain_text_input", value: " 06000 " } },
      place_name: { value: { type: "plain_text_input", value: "Centro" } },
    };
    expect(readPlaceForm(values)).toEqual({ postalCode: " 06000 ", name: "Centro" });
    expect(readPlaceForm({ place_name: { value: { value: null } } })).toEqual({ postalCode: "", name: "" });
    expect(readPlaceFormMetadata("{}")).toBeUndefined();
  });

  it("shows each refused field on its own block", () => {
    const error = validationErrorOf(() => normalizeIssuingPlaceFields({ postalCode: "6000", name: "" }));
    const errors = modalFieldErrors(error, "es", PLACE_FORM_BLOCK_BY_FIELD, PlaceFormBlockId.POSTAL_CODE);
    expect(errors).toEqual({
      postal_code: "El código postal son 5 dígitos.",
      place_name: "Escribe el nombre del lugar (hasta 120 caracteres).",
    });
  });
});
