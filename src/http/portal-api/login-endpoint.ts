// POST /api/portal/v1/login — the portal asks whether a username and password open an account,
// and learns who the user is, which places they may invoice from, and whether they must first
// replace a temporary password.
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import type { TPortalUserDetails } from "../../application/users/portal-user-details.ts";
import { verifyLogin } from "../../application/users/verify-login.ts";
import { CREDENTIAL_REFUSALS, credentialRefusal, type TCredentialRefusal } from "./credential-refusals.ts";
import { PortalApiPath } from "./portal-api-paths.ts";
import { success } from "./portal-api-replies.ts";
import type { TPortalEndpoint } from "./portal-endpoint.ts";
import { type TLoginRequest, ZLoginRequest } from "./request-schemas.ts";

/** The account as the portal sees it: no ids, no hash, no lock or audit details. */
export interface TPortalAccountView {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly places: readonly {
    readonly rfc: string;
    readonly companyName: string;
    readonly postalCode: string;
    readonly placeName: string;
  }[];
}

export function portalAccountView(user: TPortalUserDetails): TPortalAccountView {
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    places: user.places.map((place) => ({
      rfc: place.rfc,
      companyName: place.companyLegalName,
      postalCode: place.postalCode,
      placeName: place.name,
    })),
  };
}

export function loginEndpoint(
  dependencies: TUseCaseDependencies,
): TPortalEndpoint<TLoginRequest, TCredentialRefusal> {
  return {
    name: "login",
    path: PortalApiPath.LOGIN,
    schema: ZLoginRequest,
    errors: CREDENTIAL_REFUSALS,
    usernameOf: (body) => body.username,
    async answer(body, context) {
      try {
        const login = await verifyLogin(dependencies, {
          context,
          username: body.username,
          password: body.password,
        });
        return success({ user: portalAccountView(login.user), mustChangePassword: login.mustChangePassword });
      } catch (error) {
        const refused = credentialRefusal(error);
        if (refused === undefined) throw error;
        return refused;
      }
    },
  };
}
