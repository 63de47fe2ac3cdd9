import bcrypt from "bcrypt";
import { describe, expect, it } from "vitest";
import { createBcryptPasswordHasher, preHash } from "../../../src/infrastructure/security/password-hasher.ts";

describe("password hasher", () => {
  const hasher = createBcryptPasswordHasher({ pepper: "a-pepper-of-thirty-two-characters!", cost: 4 });

  it("verifies a 100-byte password whole: changing its 90th byte fails", async () => {
    const password = `${"a".repeat(89)}b${"c".repeat(10)}`;
    expect(Buffer.byteLength(password)).toBe(100);
    const hash = await hasher.hash(password);
    expect(await hasher.verify(password, hash)).toBe(true);
    const changed = `${password.slice(0, 89)}X${password.slice(90)}`;
    expect(await hasher.verify(changed, hash)).toBe(false);
    // What plain bcrypt would have done: everything past byte 72 ignored.
    const plain = await bcrypt.hash(password, 4);
    expect(await bcrypt.compare(changed, plain)).toBe(true);
  });

  it("treats the NFKC forms of a password as one", async () => {
    const hash = await hasher.hash("ｃｏｎｔｒａｓｅñａ ｓｅｇｕｒａ");
    expect(await hasher.verify("contraseña segura", hash)).toBe(true);
  });

  it("uses the pepper: another pepper does not verify", async () => {
    const hash = await hasher.hash("una frase bastante larga");
    const other = createBcryptPasswordHasher({ pepper: "another-pepper-of-thirty-two-char", cost: 4 });
    expect(await other.verify("una frase bastante larga", hash)).toBe(false);
    expect(preHash("x", "p")).toHaveLength(64);
  });

  it("hashes at cost 12 by default (production)", async () => {
    const hash = await createBcryptPasswordHasher().hash("una frase bastante larga");
    expect(hash.startsWith("$2b$12$")).toBe(true);
  });

  it("answers false, not an error, when the account has no password", async () => {
    expect(await hasher.verify("anything at all", null)).toBe(false);
  });
});
