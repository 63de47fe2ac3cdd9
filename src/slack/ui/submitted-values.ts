// A submitted modal's values (view.state.values): block id → action id → what the element holds.
// Read, never trusted: a shape other than the one asked for reads as no values at all, and the
// empty fields are then refused on the field by the use case.
import { z } from "zod";

export type TSubmittedValues<TElement> = Readonly<
  Record<string, Readonly<Record<string, TElement>> | undefined>
>;

/** A reader of the values whose elements hold `element` (e.g. `{ value: z.string().nullish() }`). */
export function submittedValuesReader<TShape extends z.ZodRawShape>(
  element: TShape,
): (values: unknown) => TSubmittedValues<z.output<z.ZodObject<TShape>> | undefined> {
  const schema = z.record(z.string(), z.record(z.string(), z.object(element)));
  return (values) => {
    const parsed = schema.safeParse(values);
    return parsed.success ? parsed.data : {};
  };
}
