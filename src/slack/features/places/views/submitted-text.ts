// Reads a submitted form's text inputs (view.state.values). Unknown shapes give empty text, which
// the use case then refuses on the field.
import { z } from "zod";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { FIELD_ACTION_ID } from "../ids.ts";

const readValues = submittedValuesReader({ value: z.string().nullish() });

/** The text typed in the block's input; empty when the block is missing or the input was left empty. */
export function submittedText(values: unknown, blockId: string): string {
  return readValues(values)[blockId]?.[FIELD_ACTION_ID]?.value ?? "";
}
