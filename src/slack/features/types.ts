import type { App } from "@slack/bolt";
import type { TSlackFeatureDependencies } from "../feature-dependencies.ts";

/** A feature of the Slack surface: its register() adds its listeners to the app. */
export interface TSlackFeature {
  readonly name: string;
  register(app: App, dependencies: TSlackFeatureDependencies): void;
}
