// Reads a submitted form's text inputs (view.state.values). Unknown shapes give empty text, which
// the use case then refuses on the field.
import { z } from "zod";
import { FIELD_ACTION_ID } from "../ids.ts";

const ZSubmittedValues = z.record(
  z.string(),
  z.record(z.string(), z.object({ value: z.string().nullish() }).loose()),
);

/** The text typed in the block's input; empty when the block is missing or the input was left empty. */
export function submittedText(values: unknown, blockId: string): string {
  const state = ZSubmittedValues.safeParse(values);
  return (state.success ? state.data[blockId]?.[FIELD_ACTION_ID]?.value : undefined) ?? "";
}
