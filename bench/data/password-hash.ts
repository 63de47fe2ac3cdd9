// Password hashes the bot accepts, made by the bot's own hasher (bcrypt cost 12 over the
// HMAC-SHA-384 pre-hash with the pepper the bot is given as PASSWORD_PEPPER).
import { createBcryptPasswordHasher } from "../../src/infrastructure/security/password-hasher.ts";

export function hashLikeTheBot(password: string, pepper: string): Promise<string> {
  return createBcryptPasswordHasher({ pepper }).hash(password);
}
