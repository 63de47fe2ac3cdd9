// The app's name and slash commands the page shows are manifest.yml's, which is not read at run time.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MANIFEST_APP_NAME, MANIFEST_SLASH_COMMANDS } from "../../../src/sandbox/site/slash-commands.ts";

interface TManifest {
  display_information: { name: string };
  features: { slash_commands: { command: string; description: string; usage_hint?: string }[] };
}

const manifest = parse(readFileSync(new URL("../../../manifest.yml", import.meta.url), "utf8")) as TManifest;

describe("the page's copy of the manifest", () => {
  it("names the app and lists its commands, descriptions and usage hints as manifest.yml does", () => {
    expect(MANIFEST_APP_NAME).toBe(manifest.display_information.name);
    expect(MANIFEST_SLASH_COMMANDS).toEqual(
      manifest.features.slash_commands.map((command) => ({
        command: command.command,
        description: command.description,
        usageHint: command.usage_hint ?? "",
      })),
    );
  });
});
