/**
 * Encrypts a secret that must wait in the database (a credential email's password until the email
 * is delivered), bound to the row it belongs to: a sealed value copied to another row does not open.
 */
export interface SecretSealer {
  seal(plaintext: string, boundTo: string): string;
  /** Undefined when the value was sealed with another key, for another row, or was altered. */
  open(sealed: string, boundTo: string): string | undefined;
}
