import { describe, expect, it } from "vitest";
import { passwordPolicyProblems } from "../../src/domain/password-policy.ts";
import { TEMPORARY_PASSWORD_ALPHABET } from "../../src/domain/temporary-password.ts";
import { generateTemporaryPassword } from "../../src/infrastructure/security/temporary-password-generator.ts";
import { createZxcvbnCommonPasswordChecker } from "../../src/infrastructure/security/zxcvbn-common-password-checker.ts";

const checker = createZxcvbnCommonPasswordChecker();
const problemsOf = async (password: string) =>
  (
    await passwordPolicyProblems(password, {
      field: "newPassword",
      minimumLength: 15,
      username: "maria.lopez",
      emailLocalPart: "mlopez",
      checker,
    })
  ).map((problem) => problem.code);

describe("password policy", () => {
  it.each([
    ["corta", "PASSWORD_TOO_SHORT"],
    ["x".repeat(129), "PASSWORD_TOO_LONG"],
    ["passwordpassword", "PASSWORD_COMMON"],
    ["qwertyuiopasdfgh", "PASSWORD_COMMON"],
    ["123456789012345", "PASSWORD_COMMON"],
    ["soy maria.lopez en la oficina", "PASSWORD_CONTAINS_USERNAME"],
    ["correo MLOPEZ de la oficina", "PASSWORD_CONTAINS_EMAIL"],
  ])("refuses %j with %s", async (password, code) => {
    expect(await problemsOf(password)).toEqual([code]);
  });

  it.each([
    "tacos al pastor con piña 2026",
    "Mi perro come tamales los domingos",
    "日本語のとても長いパスワードです",
  ])("accepts %j (any Unicode, no composition rules)", async (password) => {
    expect(await problemsOf(password)).toEqual([]);
  });

  it("counts characters, not bytes: 15 accented letters are enough", async () => {
    expect((await problemsOf("ñáéíóúüñáéíóúüñ")).includes("PASSWORD_TOO_SHORT")).toBe(false);
  });
});

describe("the dictionary in its worker thread", () => {
  it("keeps the event loop free while it rates passwords", async () => {
    await checker.isCommon("warm the dictionaries up", []);
    // A timer ticking every few milliseconds: in the event loop, twenty ratings (over a second of
    // synchronous work) would let it tick only once they all were done.
    let ticks = 0;
    let ratingsDone = false;
    const ticker = setInterval(() => {
      if (!ratingsDone) ticks += 1;
    }, 5);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        checker.isCommon(`una frase larga numero ${index} propia`, []),
      ),
    );
    ratingsDone = true;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});

describe("temporary passwords", () => {
  it("are 20 characters of the unambiguous alphabet, and differ", () => {
    const passwords = Array.from({ length: 200 }, generateTemporaryPassword);
    for (const password of passwords) {
      expect(password).toHaveLength(20);
      for (const character of password) expect(TEMPORARY_PASSWORD_ALPHABET).toContain(character);
    }
    expect(new Set(passwords).size).toBe(200);
    expect(TEMPORARY_PASSWORD_ALPHABET).not.toMatch(/[0O1lI]/);
  });
});
