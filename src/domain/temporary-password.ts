// Temporary passwords (SPEC.md): 20 characters from an alphabet with no look-alikes (no 0/O, 1/l/I),
// so that an accountant can type it from the email without doubt. 20 of 54 symbols ≈ 115 bits.

export const TEMPORARY_PASSWORD_LENGTH = 20;
export const TEMPORARY_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/** The password is temporary until changed, and unusable after its expiry. */
export function temporaryPasswordExpiry(issuedAt: Date, ttlHours: number): Date {
  return new Date(issuedAt.getTime() + ttlHours * 3_600_000);
}
