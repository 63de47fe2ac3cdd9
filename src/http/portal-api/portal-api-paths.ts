// Where the portal API lives. Versioned in the path: a breaking change gets /v2 beside /v1.
export const PortalApiPath = {
  LOGIN: "/api/portal/v1/login",
  PASSWORD: "/api/portal/v1/password",
  OPENAPI_DOCUMENT: "/api/portal/v1/openapi.json",
} as const;
