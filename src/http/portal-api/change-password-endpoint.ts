// POST /api/portal/v1/password — the portal's "Mi cuenta → Contraseña": the same use case as the
// Slack modal, with the same rules, lockout and audit. The portal checks its own confirmation field.
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import { changePassword } from "../../application/users/change-password.ts";
import { ErrorCode, isDomainError, ValidationError } from "../../domain/errors.ts";
import { errorMessage } from "../../i18n/translate.ts";
import { CREDENTIAL_REFUSALS, credentialRefusal } from "./credential-refusals.ts";
import { PortalApiPath } from "./portal-api-paths.ts";
import { refusal, success, type TPortalApiReply } from "./portal-api-replies.ts";
import type { TPortalEndpoint } from "./portal-endpoint.ts";
import { type TPasswordChangeRequest, ZPasswordChangeRequest } from "./request-schemas.ts";

const PASSWORD_CHANGE_ERRORS = [...CREDENTIAL_REFUSALS, "invalid_password", "conflict"] as const;
type TPasswordChangeError = (typeof PASSWORD_CHANGE_ERRORS)[number];

/** The new password's policy problems, each with the words to show the user in the bot's locale. */
function policyRefusal(
  dependencies: TUseCaseDependencies,
  error: ValidationError,
): TPortalApiReply<"invalid_password"> {
  const locale = dependencies.settings.locale;
  return refusal("invalid_password", {
    problems: error.fieldErrors.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: errorMessage(locale, problem.code, problem.parameters),
    })),
  });
}

export function changePasswordEndpoint(
  dependencies: TUseCaseDependencies,
): TPortalEndpoint<TPasswordChangeRequest, TPasswordChangeError> {
  return {
    name: "password",
    path: PortalApiPath.PASSWORD,
    schema: ZPasswordChangeRequest,
    errors: PASSWORD_CHANGE_ERRORS,
    usernameOf: (body) => body.username,
    async answer(body, context) {
      try {
        await changePassword(dependencies, {
          context,
          input: {
            username: body.username,
            currentPassword: body.currentPassword,
            newPassword: body.newPassword,
          },
        });
        return success();
      } catch (error) {
        const refused = credentialRefusal(error);
        if (refused !== undefined) return refused;
        if (error instanceof ValidationError) return policyRefusal(dependencies, error);
        if (isDomainError(error) && error.code === ErrorCode.CONFLICT) return refusal("conflict");
        throw error;
      }
    },
  };
}
