// The layer rules of STYLE.md, checked on the source text: a rule that only lives in a document
// is soon broken.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles as files } from "./support/source-files.ts";

/** Static imports and re-exports, and dynamic `import("…")` calls with a literal path. */
function importsOf(text: string): string[] {
  const staticOnes = [...text.matchAll(/^(?:import|export)[^'"]*?from\s+["']([^"']+)["']/gm)];
  const dynamicOnes = [...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)];
  return [...staticOnes, ...dynamicOnes].map((match) => match[1] ?? "");
}

describe("architecture", () => {
  it("keeps the domain free of every other layer and of libraries", () => {
    for (const { file, text } of files.filter((entry) => entry.file.startsWith("domain/"))) {
      for (const target of importsOf(text)) {
        expect(target.startsWith("./") || target.startsWith("node:"), `${file} imports ${target}`).toBe(true);
      }
    }
  });

  it("lets only src/slack import Bolt", () => {
    for (const { file, text } of files.filter((entry) => !entry.file.startsWith("slack/"))) {
      expect(
        importsOf(text).filter((target) => target.startsWith("@slack/bolt")),
        file,
      ).toEqual([]);
    }
  });

  it("keeps the application layer out of Slack, HTTP and the adapters (but Prisma's types and the ports)", () => {
    for (const { file, text } of files.filter((entry) => entry.file.startsWith("application/"))) {
      for (const target of importsOf(text)) {
        expect(/\/(slack|http|sandbox)\//.test(target), `${file} imports ${target}`).toBe(false);
        if (target.includes("/infrastructure/")) {
          expect(file.startsWith("application/ports/"), `${file} imports ${target}`).toBe(true);
        }
      }
    }
  });

  it("keeps database calls and Block Kit literals out of Slack listeners", () => {
    const listeners = files.filter((entry) => /^slack\/features\/[^/]+\/listeners\//.test(entry.file));
    expect(listeners.length).toBeGreaterThan(5);
    for (const { file, text } of listeners) {
      expect(text.includes(".prisma") || text.includes("$queryRaw"), `${file} calls the database`).toBe(
        false,
      );
      expect(
        /type:\s*"(section|actions|input|header|context|divider|button|modal|home|plain_text|mrkdwn)"/.test(
          text,
        ),
        file,
      ).toBe(false);
      for (const target of importsOf(text)) {
        expect(target.includes("/infrastructure/"), `${file} imports ${target}`).toBe(false);
      }
    }
  });

  it("keeps listener folders to listeners: each file registers handlers on the Bolt App and exports nothing else", () => {
    const listeners = files.filter((entry) => /^slack\/features\/[^/]+\/listeners\//.test(entry.file));
    for (const { file, text } of listeners) {
      const exported = [...text.matchAll(/^export\s+(?:async\s+)?(\w+)\s+(\w+)/gm)].map(
        (match) => `${match[1]} ${match[2]}`,
      );
      expect(exported.length, `${file} exports nothing`).toBeGreaterThan(0);
      for (const declaration of exported) {
        expect(declaration, `${file} exports ${declaration}`).toMatch(/^function register[A-Z]\w*$/);
      }
      expect(/^export\s+(?:\{|\*|default)/m.test(text), `${file} re-exports`).toBe(false);
      for (const registration of text.matchAll(/^export function (register\w+)\(([^)]*)\)/gm)) {
        expect(registration[2], `${file}: ${registration[1]} takes the Bolt App first`).toMatch(
          /^app: App\b/,
        );
      }
      expect(
        /\bapp\.(command|action|view|options|event|message|shortcut)(<[^>]*>)?\(/.test(text),
        `${file} registers nothing`,
      ).toBe(true);
    }
  });

  it("keeps Prisma and the database out of Slack listeners: they reach it through the use cases", () => {
    const listeners = files.filter((entry) => /^slack\/features\/[^/]+\/listeners\//.test(entry.file));
    for (const { file, text } of listeners) {
      for (const target of importsOf(text)) {
        expect(
          /prisma|\/generated\/|\/ports\/database|\/infrastructure\//i.test(target),
          `${file} imports ${target}`,
        ).toBe(false);
      }
      expect(/\buseCases\.database\b|\bdatabase\.prisma\b/.test(text), `${file} reaches the database`).toBe(
        false,
      );
    }
  });

  it("reads process.env only in src/config", () => {
    for (const { file, text } of files.filter((entry) => !entry.file.startsWith("config/"))) {
      expect(text.includes("process.env"), file).toBe(false);
    }
  });

  it("never puts the sandbox (a stand-in for Slack) in the bot's code paths", () => {
    // main.ts loads the browser sandbox, and only it, when `npm start` has no Slack workspace.
    const mayReachTheSandbox: Record<string, readonly string[]> = {
      "main.ts": ["./sandbox/browser-sandbox.ts"],
    };
    for (const { file, text } of files.filter((entry) => !entry.file.startsWith("sandbox/"))) {
      expect(
        importsOf(text).filter(
          (target) => target.includes("/sandbox/") && !(mayReachTheSandbox[file] ?? []).includes(target),
        ),
        file,
      ).toEqual([]);
    }
  });

  it("keeps the sandbox to itself but for its composition root, which starts the bot as main.ts does", () => {
    const compositionRootReaches: Record<string, readonly string[]> = {
      "sandbox/sandboxed-bot.ts": ["start-bot.ts", "config/environment.ts"],
      "sandbox/browser-sandbox.ts": [
        "config/environment.ts",
        "application/ports/database.ts",
        "application/ports/logger.ts",
        "application/demo/seed-demo-data.ts",
      ],
    };
    for (const { file, text } of files.filter((entry) => entry.file.startsWith("sandbox/"))) {
      for (const target of importsOf(text).filter((candidate) => candidate.startsWith("."))) {
        const reached = path.posix.join(path.posix.dirname(file), target);
        if (reached.startsWith("sandbox/")) continue;
        // The page's own words are catalogue text like every other surface's (src/i18n/README.md).
        if (file.startsWith("sandbox/site/") && reached.startsWith("i18n/")) continue;
        expect(compositionRootReaches[file] ?? [], `${file} imports ${target}`).toContain(reached);
      }
    }
  });
});
