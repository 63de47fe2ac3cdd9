// Five consecutive wrong passwords lock password changes and portal logins for fifteen minutes.

export const MAXIMUM_FAILED_PASSWORD_ATTEMPTS = 5;
export const LOCKOUT_DURATION_MS = 15 * 60_000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
