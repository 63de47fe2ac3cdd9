// The temporary password of a credential email (welcome or reset). The outbox worker asks for it
// when it sends the email: on the message's first attempt a new password is made, its hash stored
// on the account and the password itself sealed (encrypted) in the message's row, in one
// transaction; a retry — after a timeout, or a crash right after the SMTP server took the email —
// opens the sealed password and sends the very same email again, so a second copy never voids the
// first. The worker wipes the sealed value when the message closes (sent, failed or cancelled).
// With CREDENTIAL_DELIVERY=link the same happens to an invitation link's token instead (see
// invitation-links.ts): the account keeps no password, only the token's hash, until the link is used.
import { createHash } from "node:crypto";
import { z } from "zod";
import { temporaryPasswordExpiry } from "../../domain/temporary-password.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { invitationTokenHash, newInvitationToken } from "./invitation-links.ts";

export interface TIssuedTemporaryPassword {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly password: string;
  readonly expiresAt: Date;
}

/** The outbox row being delivered, as the worker claimed it: only that claim may seal into it. */
export interface TOutboxClaim {
  readonly outboxMessageId: string;
  readonly leasedBy: string;
  readonly attempts: number;
}

/** An invitation link's token, for the email only: the account holds its hash. */
export interface TIssuedInvitation {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export type TCredentialsForEmail =
  | { readonly kind: "send"; readonly credentials: TIssuedTemporaryPassword }
  | { readonly kind: "send_link"; readonly invitation: TIssuedInvitation }
  /** Nothing to send: the account is gone, or its password changed since the first attempt. */
  | { readonly kind: "cancel"; readonly reason: string }
  /** The claim on the row was lost (another worker has it): send nothing now. */
  | { readonly kind: "claim_lost" };

const ZSealedCredentials = z.object({
  /** The temporary password, or with `delivery: "link"` the invitation link's token. */
  password: z.string().min(1),
  delivery: z.enum(["password", "link"]).default("password"),
  expiresAt: z.iso.datetime(),
  /** sha256 of the bcrypt hash (or of the token's hash) stored with it: a later change shows. */
  hashDigest: z.string().length(64),
});

const digest = (hash: string) => createHash("sha256").update(hash).digest("hex");

const accountSelect = {
  username: true,
  fullName: true,
  email: true,
  passwordHash: true,
  invitationTokenHash: true,
} as const;

/** Makes a new temporary password for the account and stores its hash; undefined when the account is gone. */
export async function issueTemporaryPassword(
  dependencies: TUseCaseDependencies,
  options: { userId: string },
): Promise<TIssuedTemporaryPassword | undefined> {
  const made = await makePassword(dependencies);
  const updated = await dependencies.database.prisma.portalUser.updateMany({
    where: { id: options.userId },
    data: accountWith(made.passwordHash, made.expiresAt),
  });
  if (updated.count === 0) return undefined;
  const user = await dependencies.database.prisma.portalUser.findUnique({
    where: { id: options.userId },
    select: accountSelect,
  });
  if (user === null) return undefined;
  return { ...withoutHash(user), password: made.password, expiresAt: made.expiresAt };
}

/** The credentials the outbox message carries: made on its first attempt, the same on every retry. */
export async function credentialsForEmail(
  dependencies: TUseCaseDependencies,
  options: { userId: string; claim: TOutboxClaim },
): Promise<TCredentialsForEmail> {
  const { claim } = options;
  const prisma = dependencies.database.prisma;
  const row = await prisma.outboxMessage.findUnique({
    where: { id: claim.outboxMessageId },
    select: { sealedSecret: true },
  });
  const sealed = row?.sealedSecret ? openSealed(dependencies, row.sealedSecret, claim) : undefined;
  if (sealed !== undefined) {
    const user = await prisma.portalUser.findUnique({ where: { id: options.userId }, select: accountSelect });
    if (user === null) return { kind: "cancel", reason: "the account no longer exists" };
    if (sealed.delivery === "link") {
      if (user.invitationTokenHash === null || digest(user.invitationTokenHash) !== sealed.hashDigest) {
        return {
          kind: "cancel",
          reason: "the account's invitation link changed since this email was first sent",
        };
      }
      return {
        kind: "send_link",
        invitation: { ...withoutHash(user), token: sealed.password, expiresAt: new Date(sealed.expiresAt) },
      };
    }
    if (user.passwordHash === null || digest(user.passwordHash) !== sealed.hashDigest) {
      return { kind: "cancel", reason: "the account's password changed since this email was first sent" };
    }
    return {
      kind: "send",
      credentials: { ...withoutHash(user), password: sealed.password, expiresAt: new Date(sealed.expiresAt) },
    };
  }
  if (row?.sealedSecret) {
    // Sealed under another key (PASSWORD_PEPPER changed): this one cannot be resent; a new one goes.
    dependencies.logger.warn(
      { outboxMessageId: claim.outboxMessageId },
      "a sealed credential could not be opened; a new temporary password is made",
    );
  }
  if (dependencies.settings.credentialDelivery === "link") return issueInvitation(dependencies, options);
  const made = await makePassword(dependencies);
  const sealedSecret = dependencies.secretSealer.seal(
    JSON.stringify({
      password: made.password,
      expiresAt: made.expiresAt.toISOString(),
      hashDigest: digest(made.passwordHash),
    }),
    claim.outboxMessageId,
  );
  return prisma.$transaction(async (transaction): Promise<TCredentialsForEmail> => {
    const held = await transaction.outboxMessage.updateMany({
      where: {
        id: claim.outboxMessageId,
        status: "PENDING",
        leasedBy: claim.leasedBy,
        attempts: claim.attempts,
      },
      data: { sealedSecret },
    });
    if (held.count === 0) return { kind: "claim_lost" };
    const updated = await transaction.portalUser.updateMany({
      where: { id: options.userId },
      data: accountWith(made.passwordHash, made.expiresAt),
    });
    if (updated.count === 0) return { kind: "cancel", reason: "the account no longer exists" };
    const user = await transaction.portalUser.findUniqueOrThrow({
      where: { id: options.userId },
      select: accountSelect,
    });
    return {
      kind: "send",
      credentials: { ...withoutHash(user), password: made.password, expiresAt: made.expiresAt },
    };
  });
}

/** The link's first attempt: a new token, its hash on the account (voiding any earlier link), sealed in the row. */
async function issueInvitation(
  dependencies: TUseCaseDependencies,
  options: { userId: string; claim: TOutboxClaim },
): Promise<TCredentialsForEmail> {
  const { claim } = options;
  const token = newInvitationToken();
  const tokenHash = invitationTokenHash(token);
  const expiresAt = temporaryPasswordExpiry(
    dependencies.clock(),
    dependencies.settings.temporaryPasswordTtlHours,
  );
  const sealedSecret = dependencies.secretSealer.seal(
    JSON.stringify({
      password: token,
      delivery: "link",
      expiresAt: expiresAt.toISOString(),
      hashDigest: digest(tokenHash),
    }),
    claim.outboxMessageId,
  );
  return dependencies.database.prisma.$transaction(async (transaction): Promise<TCredentialsForEmail> => {
    const held = await transaction.outboxMessage.updateMany({
      where: {
        id: claim.outboxMessageId,
        status: "PENDING",
        leasedBy: claim.leasedBy,
        attempts: claim.attempts,
      },
      data: { sealedSecret },
    });
    if (held.count === 0) return { kind: "claim_lost" };
    const updated = await transaction.portalUser.updateMany({
      where: { id: options.userId },
      data: {
        passwordHash: null,
        passwordIsTemporary: true,
        passwordExpiresAt: null,
        invitationTokenHash: tokenHash,
        invitationExpiresAt: expiresAt,
        failedPasswordAttempts: 0,
        lockedUntil: null,
        credentialEmailFailedAt: null,
        credentialEmailFailure: null,
      },
    });
    if (updated.count === 0) return { kind: "cancel", reason: "the account no longer exists" };
    const user = await transaction.portalUser.findUniqueOrThrow({
      where: { id: options.userId },
      select: accountSelect,
    });
    return { kind: "send_link", invitation: { ...withoutHash(user), token, expiresAt } };
  });
}

function openSealed(dependencies: TUseCaseDependencies, sealed: string, claim: TOutboxClaim) {
  const text = dependencies.secretSealer.open(sealed, claim.outboxMessageId);
  if (text === undefined) return undefined;
  try {
    const parsed = ZSealedCredentials.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function makePassword(dependencies: TUseCaseDependencies) {
  const password = dependencies.generateTemporaryPassword();
  // Hashed before any transaction: the embedded database is one connection, held for no bcrypt.
  const passwordHash = await dependencies.passwordHasher.hash(password);
  const expiresAt = temporaryPasswordExpiry(
    dependencies.clock(),
    dependencies.settings.temporaryPasswordTtlHours,
  );
  return { password, passwordHash, expiresAt };
}

function accountWith(passwordHash: string, expiresAt: Date) {
  return {
    passwordHash,
    passwordIsTemporary: true,
    passwordExpiresAt: expiresAt,
    // A password replaces any open invitation link (CREDENTIAL_DELIVERY changed in between).
    invitationTokenHash: null,
    invitationExpiresAt: null,
    failedPasswordAttempts: 0,
    lockedUntil: null,
    credentialEmailFailedAt: null,
    credentialEmailFailure: null,
  };
}

function withoutHash(user: { username: string; fullName: string; email: string }) {
  return { username: user.username, fullName: user.fullName, email: user.email };
}
