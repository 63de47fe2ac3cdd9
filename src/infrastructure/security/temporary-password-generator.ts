import { randomInt } from "node:crypto";
import type { TemporaryPasswordGenerator } from "../../application/ports/password-hasher.ts";
import { TEMPORARY_PASSWORD_ALPHABET, TEMPORARY_PASSWORD_LENGTH } from "../../domain/temporary-password.ts";

/** Uniform over the alphabet (randomInt rejects biased draws), from the operating system's CSPRNG. */
export const generateTemporaryPassword: TemporaryPasswordGenerator = () => {
  let password = "";
  for (let index = 0; index < TEMPORARY_PASSWORD_LENGTH; index += 1) {
    password += TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)];
  }
  return password;
};
