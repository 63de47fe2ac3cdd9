// The read model of a portal account, as every surface shows it. Never includes the hash.
import { calendarDateOf, hasAccessEnded } from "../../domain/access-period.ts";
import { placeLabel } from "../../domain/company-rules.ts";
import { isLocked } from "../../domain/lockout.ts";
import type { Prisma } from "../ports/database.ts";
import { portalToday } from "./access-until.ts";

export const portalUserDetailsSelect = {
  id: true,
  username: true,
  fullName: true,
  email: true,
  slackUserId: true,
  passwordHash: true,
  passwordIsTemporary: true,
  passwordExpiresAt: true,
  passwordChangedAt: true,
  failedPasswordAttempts: true,
  lockedUntil: true,
  disabledAt: true,
  slackPersonGoneAt: true,
  accessUntil: true,
  accessUntilSetBy: true,
  accessExpiredAt: true,
  credentialEmailFailedAt: true,
  credentialEmailFailure: true,
  invitationExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  places: {
    select: {
      place: {
        select: {
          id: true,
          postalCode: true,
          name: true,
          company: { select: { id: true, rfc: true, legalName: true } },
        },
      },
    },
  },
} as const satisfies Prisma.PortalUserSelect;

type TPortalUserRow = Prisma.PortalUserGetPayload<{ select: typeof portalUserDetailsSelect }>;

export interface TAssignedPlace {
  readonly id: string;
  readonly postalCode: string;
  readonly name: string;
  readonly companyId: string;
  readonly rfc: string;
  readonly companyLegalName: string;
  /** `<código postal> — <nombre> (<razón social>)` */
  readonly label: string;
}

export interface TPortalUserDetails {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly slackUserId: string | null;
  readonly hasPassword: boolean;
  readonly passwordIsTemporary: boolean;
  readonly passwordExpiresAt: Date | null;
  readonly passwordChangedAt: Date | null;
  readonly locked: boolean;
  readonly lockedUntil: Date | null;
  readonly disabled: boolean;
  /** Slack reported the linked person deactivated (the account was disabled then). */
  readonly slackPersonGone: boolean;
  /** Acceso hasta (YYYY-MM-DD): the last day of access, in Mexico City's time; null: no end. */
  readonly accessUntil: string | null;
  /** That day is over. Until the scheduler disables the account, logins are refused by the date. */
  readonly accessEnded: boolean;
  /** The scheduler disabled the account for its date (an admin may have enabled it since). */
  readonly accessExpired: boolean;
  /** The latest welcome or reset email was refused for good (a Restablecer sends a new one). */
  readonly credentialEmailRefused: { readonly at: Date; readonly reason: string } | null;
  /** CREDENTIAL_DELIVERY=link: the open invitation link's expiry (its email went out); null when none. */
  readonly invitationExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly places: readonly TAssignedPlace[];
}

export function toPortalUserDetails(row: TPortalUserRow, now: Date): TPortalUserDetails {
  const places = row.places
    .map(({ place }) => ({
      id: place.id,
      postalCode: place.postalCode,
      name: place.name,
      companyId: place.company.id,
      rfc: place.company.rfc,
      companyLegalName: place.company.legalName,
      label: placeLabel({
        postalCode: place.postalCode,
        name: place.name,
        companyLegalName: place.company.legalName,
      }),
    }))
    .sort((left, right) => left.label.localeCompare(right.label, "es"));
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    slackUserId: row.slackUserId,
    hasPassword: row.passwordHash !== null,
    passwordIsTemporary: row.passwordIsTemporary,
    passwordExpiresAt: row.passwordExpiresAt,
    passwordChangedAt: row.passwordChangedAt,
    locked: isLocked(row.lockedUntil, now),
    lockedUntil: row.lockedUntil,
    disabled: row.disabledAt !== null,
    slackPersonGone: row.slackPersonGoneAt !== null,
    accessUntil: row.accessUntil === null ? null : calendarDateOf(row.accessUntil),
    accessEnded: hasAccessEnded(
      row.accessUntil === null ? null : calendarDateOf(row.accessUntil),
      portalToday(now),
    ),
    accessExpired: row.accessExpiredAt !== null,
    credentialEmailRefused:
      row.credentialEmailFailedAt === null
        ? null
        : { at: row.credentialEmailFailedAt, reason: row.credentialEmailFailure ?? "" },
    invitationExpiresAt: row.invitationExpiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    places,
  };
}

/** The fields an audit row records for an account: what a support agent needs, never a secret. */
export function auditSnapshotOf(user: TPortalUserDetails): Record<string, unknown> {
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    slackUserId: user.slackUserId,
    disabled: user.disabled,
    places: user.places.map((place) => place.label),
    // Only when set, so rows of accounts without an end read as before; an edit compares it explicitly.
    ...(user.accessUntil === null ? {} : { accessUntil: user.accessUntil }),
  };
}

/** The account an audit row is about, named by its username as support reads it. */
export function portalUserAuditTarget(user: { readonly id: string; readonly username: string }): {
  type: string;
  id: string;
  label: string;
} {
  return { type: "portal_user", id: user.id, label: user.username };
}
