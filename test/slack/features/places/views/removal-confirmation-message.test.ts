import { describe, expect, it } from "vitest";
import { interactiveElementsOf, visibleTextOf } from "../../../../../src/sandbox/block-kit-reading.ts";
import { problemsInMessageBlocks } from "../../../../../src/sandbox/block-kit-validation.ts";
import {
  decodeCatalogueState,
  decodeCompanyValue,
  decodePlaceValue,
} from "../../../../../src/slack/features/places/catalogue-state.ts";
import {
  removeCompanyConfirmation,
  removePlaceConfirmation,
} from "../../../../../src/slack/features/places/views/removal-confirmation-message.ts";
import { company, jsonBlocks } from "../catalogue-fixtures.ts";

function answers(blocks: unknown[]) {
  return interactiveElementsOf(jsonBlocks(blocks)).map(({ actionId, element }) => ({
    actionId,
    text: visibleTextOf([{ type: "actions", elements: [element] }]),
    value: typeof element.value === "string" ? element.value : undefined,
    style: element.style,
  }));
}

const kemper = company(1, { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER <URGATE>", places: 1 });
const place = kemper.places[0] ?? { id: "", label: "" };

describe("removal confirmations", () => {
  it("asks ¿Eliminar la empresa…? with Sí (danger) removing it and No returning to the same page", () => {
    const message = removeCompanyConfirmation({ company: kemper, state: { page: 3 }, locale: "es" });
    expect(message.text).toBe("¿Eliminar la empresa *ESCUELA KEMPER &lt;URGATE&gt;* (RFC EKU9003173C9)?");
    const [yes, no] = answers(message.blocks);
    expect(yes).toMatchObject({ actionId: "places.company.remove.yes", text: "Sí", style: "danger" });
    expect(decodeCompanyValue(yes?.value)).toEqual({ page: 3, companyId: kemper.id });
    expect(no).toMatchObject({ actionId: "places.cancel", text: "No" });
    expect(decodeCatalogueState(no?.value)).toEqual({ page: 3 });
    expect(problemsInMessageBlocks(jsonBlocks(message.blocks))).toEqual([]);
  });

  it("asks plainly about a place nobody holds, its label as everywhere", () => {
    const message = removePlaceConfirmation({ place, holders: 0, state: { page: 1 }, locale: "es" });
    expect(message.text).toBe(
      "¿Eliminar el lugar de expedición *10000 — Sucursal 1 (ESCUELA KEMPER &lt;URGATE&gt;)*? Nadie lo tiene asignado.",
    );
    const [yes, no] = answers(message.blocks);
    expect(yes).toMatchObject({ actionId: "places.place.remove.yes", text: "Sí", style: "danger" });
    expect(decodePlaceValue(yes?.value)).toEqual({ page: 1, placeId: place.id, agreedHolders: 0 });
    expect(no?.actionId).toBe("places.cancel");
  });

  it("names how many users hold the place and lose it, and how many are left without any", () => {
    const message = removePlaceConfirmation({
      place,
      holders: 4,
      leftWithoutPlaces: 1,
      state: { page: 2 },
      locale: "es",
    });
    expect(message.text).toContain("*4 usuario(s)* lo tienen asignado y lo perderán.");
    expect(message.text).toContain("1 de ellos se quedará(n) sin ningún lugar de expedición");
    const [yes] = answers(message.blocks);
    expect(decodePlaceValue(yes?.value)).toEqual({ page: 2, placeId: place.id, agreedHolders: 4 });
  });

  it("speaks English too", () => {
    const message = removePlaceConfirmation({ place, holders: 2, state: { page: 1 }, locale: "en" });
    expect(message.text).toBe(
      "Remove the issuing place *10000 — Sucursal 1 (ESCUELA KEMPER &lt;URGATE&gt;)*? *2 user(s)* hold it and will lose it.",
    );
    expect(answers(message.blocks).map((answer) => answer.text)).toEqual(["Yes", "No"]);
    expect(removeCompanyConfirmation({ company: kemper, state: { page: 1 }, locale: "en" }).text).toBe(
      "Remove the company *ESCUELA KEMPER &lt;URGATE&gt;* (RFC EKU9003173C9)?",
    );
  });
});
