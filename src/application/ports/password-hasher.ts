export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a null hash alike, taking about as long. */
  verify(password: string, hash: string | null): Promise<boolean>;
}

export type TemporaryPasswordGenerator = () => string;
