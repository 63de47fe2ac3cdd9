// What a view carries back to its listener as JSON text — a button's value, a modal's
// private_metadata — written here and read here. Read, never trusted: text that is not JSON or does not
// fit the schema is undefined, for the listener to refuse or to fall back on.
import type { z } from "zod";

export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}

export function decodeJson<TSchema extends z.ZodType>(
  schema: TSchema,
  text: string | undefined,
): z.output<TSchema> | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Buttons posted before their values had named keys carry one-letter keys (`p`, `u`, …), and
 * messages stay in Slack: such a value is read with each former key renamed, where the name is absent.
 */
export function renamingFormerKeys(formerKeys: Readonly<Record<string, string>>): (raw: unknown) => unknown {
  return (raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const renamed: Record<string, unknown> = { ...raw };
    for (const [former, name] of Object.entries(formerKeys)) {
      if (former in renamed && !(name in renamed)) renamed[name] = renamed[former];
      delete renamed[former];
    }
    return renamed;
  };
}
