export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a null hash alike, taking about as long. */
  verify(password: string, hash: string | null): Promise<boolean>;
  /** Hashes and checks running or waiting: with parallelism(), how long a new one would wait. */
  backlog(): number;
  /** How many run at once. */
  parallelism(): number;
}

export type TemporaryPasswordGenerator = () => string;
