// AES-256-GCM for the few secrets that wait in the database until they are delivered. The key is
// derived (HKDF-SHA-256) from PASSWORD_PEPPER, which every replica shares and the database never
// holds; without a pepper (development) a random key is kept in a file beside the data, readable
// by its owner only. The row's id is the associated data: a sealed value only opens on its own row.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SecretSealer } from "../../application/ports/secret-sealer.ts";

const VERSION = "v1";
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = "outbox-seal.key";

export function createSecretSealer(key: Buffer): SecretSealer {
  if (key.length !== KEY_BYTES) throw new Error("the sealing key must be 32 bytes");
  return {
    seal(plaintext, boundTo) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(boundTo, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${nonce.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed, boundTo) {
      const [version, nonceText, bodyText] = sealed.split(".");
      if (version !== VERSION || nonceText === undefined || bodyText === undefined) return undefined;
      const nonce = Buffer.from(nonceText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, nonce);
        decipher.setAAD(Buffer.from(boundTo, "utf8"));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}

/** The key from the pepper (every replica derives the same), or from DATA_DIR's key file. */
export async function sealingKey(options: { pepper: string | undefined; dataDir: string }): Promise<Buffer> {
  if (options.pepper !== undefined) {
    return Buffer.from(
      hkdfSync("sha256", options.pepper, "premiumone-users-bot", "outbox secret sealing v1", KEY_BYTES),
    );
  }
  const file = path.resolve(options.dataDir, KEY_FILE);
  try {
    const key = Buffer.from((await readFile(file, "utf8")).trim(), "base64url");
    if (key.length === KEY_BYTES) return key;
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  try {
    await writeFile(file, `${key.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    return Buffer.from((await readFile(file, "utf8")).trim(), "base64url");
  }
}
