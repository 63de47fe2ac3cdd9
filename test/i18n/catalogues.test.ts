// The rule of src/i18n/README.md, checked on the source text: every word a person reads lives in a
// copy.ts catalogue, one per surface.
import { describe, expect, it } from "vitest";
import { sourceFiles as files } from "../support/source-files.ts";

const CATALOGUE =
  /^(i18n|slack\/help|infrastructure\/email\/templates|slack\/features\/[^/]+|sandbox\/site|http\/invitation-page)\/copy\.ts$/;

function withoutComments(text: string): string {
  return text.replaceAll(/\/\*[\s\S]*?\*\//g, "").replaceAll(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

describe("text catalogues", () => {
  it("makes every catalogue with defineCopy in a copy.ts the README names", () => {
    const catalogues = files.filter(({ text }) => /\bdefineCopy\(/.test(text)).map(({ file }) => file);
    expect(catalogues.filter((file) => file !== "i18n/define-copy.ts" && !CATALOGUE.test(file))).toEqual([]);
    const copyFiles = files.filter(({ file }) => file.endsWith("/copy.ts")).map(({ file }) => file);
    expect(copyFiles.filter((file) => !CATALOGUE.test(file))).toEqual([]);
    expect(copyFiles).toEqual(
      expect.arrayContaining(["i18n/copy.ts", "infrastructure/email/templates/copy.ts"]),
    );
  });

  it("keeps Spanish words out of the Slack and email code outside the catalogues", () => {
    const code = files.filter(
      ({ file }) =>
        (file.startsWith("slack/") || file.startsWith("infrastructure/email/")) && !CATALOGUE.test(file),
    );
    expect(code.length).toBeGreaterThan(20);
    for (const { file, text } of code) {
      const literals = withoutComments(text).match(/(["'`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? [];
      expect(
        literals.filter((literal) => /[áéíóúñ¿¡]/i.test(literal)),
        file,
      ).toEqual([]);
    }
  });
});
