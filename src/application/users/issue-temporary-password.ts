// Called by the outbox worker when it sends a credential email (welcome or reset): makes a new
// temporary password, stores only its hash, and hands the plaintext to the sender alone. A retry
// makes another one, so no plaintext password is ever at rest.
import { temporaryPasswordExpiry } from "../../domain/temporary-password.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";

export interface TIssuedTemporaryPassword {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly password: string;
  readonly expiresAt: Date;
}

/** Undefined when the account no longer exists (deleted before its email went out). */
export async function issueTemporaryPassword(
  dependencies: TUseCaseDependencies,
  options: { userId: string },
): Promise<TIssuedTemporaryPassword | undefined> {
  const password = dependencies.generateTemporaryPassword();
  // Hashed before the transaction: the embedded database is one connection, held for no bcrypt.
  const passwordHash = await dependencies.passwordHasher.hash(password);
  const now = dependencies.clock();
  const expiresAt = temporaryPasswordExpiry(now, dependencies.settings.temporaryPasswordTtlHours);
  const updated = await dependencies.database.prisma.portalUser.updateMany({
    where: { id: options.userId },
    data: {
      passwordHash,
      passwordIsTemporary: true,
      passwordExpiresAt: expiresAt,
      failedPasswordAttempts: 0,
      lockedUntil: null,
    },
  });
  if (updated.count === 0) return undefined;
  const user = await dependencies.database.prisma.portalUser.findUnique({
    where: { id: options.userId },
    select: { username: true, fullName: true, email: true },
  });
  if (user === null) return undefined;
  return { ...user, password, expiresAt };
}
