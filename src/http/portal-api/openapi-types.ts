// The part of OpenAPI 3.1 that the portal API's document uses, typed, so that a misspelt key or a
// missing description fails the typecheck. Schemas are JSON Schema 2020-12, OpenAPI 3.1's own.

export interface TOpenApiReference {
  readonly $ref: string;
}

/** A JSON Schema 2020-12 object (OpenAPI 3.1 schemas are plain JSON Schema), or a reference to one. */
export type TJsonSchema = Readonly<Record<string, unknown>> | TOpenApiReference;

export interface TOpenApiHeader {
  readonly description: string;
  readonly required?: boolean;
  readonly schema: TJsonSchema;
}

export interface TOpenApiMediaType {
  readonly schema: TJsonSchema;
  readonly examples?: Readonly<Record<string, { readonly summary: string; readonly value: unknown }>>;
}

export interface TOpenApiResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, TOpenApiHeader | TOpenApiReference>>;
  readonly content?: Readonly<Record<string, TOpenApiMediaType>>;
}

export interface TOpenApiRequestBody {
  readonly description?: string;
  readonly required: boolean;
  readonly content: Readonly<Record<string, TOpenApiMediaType>>;
}

/** `[]` switches security off for one operation; `{ name: [] }` requires the named scheme. */
export type TOpenApiSecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface TOpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly TOpenApiSecurityRequirement[];
  readonly requestBody?: TOpenApiRequestBody;
  /** Keyed by HTTP status code, as a string ("200", "401"). */
  readonly responses: Readonly<Record<string, TOpenApiResponse>>;
}

export interface TOpenApiPathItem {
  readonly get?: TOpenApiOperation;
  readonly post?: TOpenApiOperation;
}

export interface TOpenApiHttpSecurityScheme {
  readonly type: "http";
  readonly scheme: "bearer";
  readonly description?: string;
}

export interface TOpenApiDocument {
  readonly openapi: "3.1.0";
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly tags?: readonly { readonly name: string; readonly description: string }[];
  readonly security: readonly TOpenApiSecurityRequirement[];
  readonly paths: Readonly<Record<string, TOpenApiPathItem>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, TJsonSchema>>;
    readonly headers: Readonly<Record<string, TOpenApiHeader>>;
    readonly securitySchemes: Readonly<Record<string, TOpenApiHttpSecurityScheme>>;
  };
}
