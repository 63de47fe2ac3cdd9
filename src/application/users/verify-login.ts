// The portal asks whether a username and password open an account. A wrong password and an
// unknown user get the same answer after the same work; five wrong passwords lock the account.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, type TErrorCode } from "../../domain/errors.ts";
import { isLocked } from "../../domain/lockout.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import { authorityOf } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import type { TLoginOutcome } from "../ports/metrics.ts";
import { findCredentialAccount } from "./credential-account.ts";
import { checkPasswordUnderLockout, recordUnknownAccountAttempt } from "./password-attempts.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export interface TVerifiedLogin {
  readonly user: TPortalUserDetails;
  /** True while the password is the temporary one: the portal must make the user change it. */
  readonly mustChangePassword: boolean;
}

export async function verifyLogin(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; username: string; password: string },
): Promise<TVerifiedLogin> {
  try {
    const login = await checkLogin(dependencies, options);
    dependencies.metrics?.loginAnswered("accepted");
    return login;
  } catch (error) {
    const outcome = error instanceof DomainError ? LOGIN_OUTCOMES[error.code] : undefined;
    if (outcome !== undefined) dependencies.metrics?.loginAnswered(outcome);
    throw error;
  }
}

/** The refusals a login counts under, by the code the person is answered with. */
const LOGIN_OUTCOMES: Partial<Record<TErrorCode, TLoginOutcome>> = {
  [ErrorCode.INVALID_CREDENTIALS]: "refused",
  [ErrorCode.ACCOUNT_LOCKED]: "locked",
  [ErrorCode.USER_DISABLED]: "disabled",
  [ErrorCode.TEMPORARY_PASSWORD_EXPIRED]: "expired",
  [ErrorCode.PASSWORD_NOT_SET]: "refused",
};

async function checkLogin(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; username: string; password: string },
): Promise<TVerifiedLogin> {
  const { context } = options;
  const prisma = dependencies.database.prisma;
  const now = dependencies.clock();
  const account = await findCredentialAccount(
    prisma,
    { ...context, actor: { kind: "portal" } },
    options.username,
    now,
  );
  if (account === undefined) {
    await dependencies.passwordHasher.verify(options.password, null);
    await recordUnknownAccountAttempt(dependencies, context, await authorityOf(prisma, context), {
      username: normalizeUsername(options.username),
      action: AuditAction.USER_LOGIN_FAILED,
    });
    throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
  }
  const { user } = account;
  // Refused before any bcrypt work: a locked account's password is not checked at all.
  if (isLocked(user.lockedUntil, now)) {
    throw new DomainError(ErrorCode.ACCOUNT_LOCKED, {
      parameters: { until: user.lockedUntil?.toISOString() ?? "" },
    });
  }
  // CREDENTIAL_DELIVERY=link: until its owner uses the invitation link the account has no password
  // at all; the portal is told so (it can say "check your email") instead of "wrong password".
  if (account.passwordHash === null && dependencies.settings.credentialDelivery === "link") {
    throw new DomainError(ErrorCode.PASSWORD_NOT_SET);
  }
  const wrong = await checkPasswordUnderLockout(dependencies, context, await authorityOf(prisma, context), {
    userId: user.id,
    action: AuditAction.USER_LOGIN_FAILED,
    check: () => dependencies.passwordHasher.verify(options.password, account.passwordHash),
  });
  if (wrong !== undefined) {
    if (wrong.locked) {
      throw new DomainError(ErrorCode.ACCOUNT_LOCKED, {
        parameters: { until: wrong.lockedUntil?.toISOString() ?? "" },
      });
    }
    throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
  }
  if (account.disabled) throw new DomainError(ErrorCode.USER_DISABLED);
  if (user.passwordIsTemporary && user.passwordExpiresAt !== null && user.passwordExpiresAt <= now) {
    throw new DomainError(ErrorCode.TEMPORARY_PASSWORD_EXPIRED);
  }
  return { user, mustChangePassword: user.passwordIsTemporary };
}
