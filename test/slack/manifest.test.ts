// manifest.yml must list exactly what the code handles: every command and event a feature
// registers is declared, and nothing declared goes unanswered.
import { readFileSync } from "node:fs";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { TSlackFeatureDependencies } from "../../src/slack/feature-dependencies.ts";
import { SLACK_FEATURES } from "../../src/slack/features/index.ts";

interface TManifest {
  features: {
    slash_commands: { command: string; description: string; url: string }[];
    app_home: Record<string, boolean>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
  };
}

const manifest = parse(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8")) as TManifest;

/** Registers every feature on a recorder standing in for Bolt's App. */
function registrations() {
  const recorded = {
    commands: [] as string[],
    events: [] as string[],
    messages: 0,
    actions: 0,
    views: 0,
    options: 0,
  };
  const recorder = {
    command: (name: string) => recorded.commands.push(name),
    event: (name: string) => recorded.events.push(name),
    message: () => {
      recorded.messages += 1;
    },
    action: () => {
      recorded.actions += 1;
    },
    view: () => {
      recorded.views += 1;
    },
    options: () => {
      recorded.options += 1;
    },
    use: () => undefined,
    error: () => undefined,
  };
  const dependencies = {} as TSlackFeatureDependencies;
  for (const feature of SLACK_FEATURES) feature.register(recorder as unknown as App, dependencies);
  return recorded;
}

describe("manifest.yml", () => {
  const recorded = registrations();

  it("declares exactly the slash commands the features register", () => {
    expect(manifest.features.slash_commands.map((command) => command.command).sort()).toEqual(
      [...recorded.commands].sort(),
    );
  });

  it("subscribes to exactly the events the features handle (DM messages arrive as message.im)", () => {
    const handled = [...recorded.events, ...(recorded.messages > 0 ? ["message.im"] : [])].map((name) =>
      name === "message" ? "message.im" : name,
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(handled)].sort(),
    );
  });

  it("sends commands, interactivity, options and events to the one endpoint", () => {
    const urls = [
      ...manifest.features.slash_commands.map((command) => command.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe("/slack/events");
    expect(recorded.actions).toBeGreaterThan(0);
    expect(recorded.views).toBeGreaterThan(0);
    expect(recorded.options).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("asks for the scopes the bot uses, and no others", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["chat:write", "commands", "im:history", "users:read", "users:read.email"].sort(),
    );
  });

  it("describes every command in Spanish", () => {
    for (const command of manifest.features.slash_commands)
      expect(command.description.length).toBeGreaterThan(10);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
