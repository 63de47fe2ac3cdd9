// JSON as it crosses the wire between the app and the stand-in for Slack: untyped until read, so every
// read goes through these small accessors instead of casts scattered over the sandbox.

export type TJsonPrimitive = string | number | boolean | null;
export type TJsonValue = TJsonPrimitive | TJsonValue[] | TJsonObject;
export interface TJsonObject {
  [key: string]: TJsonValue;
}

export function isJsonObject(value: unknown): value is TJsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON.parse with its result typed for what it is; throws SyntaxError on malformed text like JSON.parse. */
export function parseJson(text: string): TJsonValue {
  const parsed: unknown = JSON.parse(text);
  // JSON.parse only ever yields JSON values; the assertion records that fact for the compiler.
  return parsed as TJsonValue;
}

/** A typed value (a view built with @slack/types, say) as the plain JSON Slack would hold. */
export function toJson(value: unknown): TJsonValue {
  if (value === undefined) return null;
  return parseJson(JSON.stringify(value));
}

export function toJsonObject(value: unknown): TJsonObject {
  const json = toJson(value);
  if (!isJsonObject(json)) throw new TypeError("expected a JSON object");
  return json;
}

export function copyJson<TValue extends TJsonValue>(value: TValue): TValue {
  return structuredClone(value);
}

export function stringField(object: TJsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === "string" ? value : undefined;
}

export function numberField(object: TJsonObject | undefined, key: string): number | undefined {
  const value = object?.[key];
  return typeof value === "number" ? value : undefined;
}

export function booleanField(object: TJsonObject | undefined, key: string): boolean | undefined {
  const value = object?.[key];
  return typeof value === "boolean" ? value : undefined;
}

export function objectField(object: TJsonObject | undefined, key: string): TJsonObject | undefined {
  const value = object?.[key];
  return isJsonObject(value) ? value : undefined;
}

export function arrayField(object: TJsonObject | undefined, key: string): TJsonValue[] | undefined {
  const value = object?.[key];
  return Array.isArray(value) ? value : undefined;
}

export function objectsIn(values: readonly TJsonValue[] | undefined): TJsonObject[] {
  return (values ?? []).filter(isJsonObject);
}

export function stringsIn(values: readonly TJsonValue[] | undefined): string[] {
  return (values ?? []).filter((value): value is string => typeof value === "string");
}
