// What each external menu last offered a person after they typed in it (the app's answer to the
// options request): the options they can pick in that menu when they submit the view.
import type { TJsonObject } from "../json.ts";

export interface TMenuOfPerson {
  readonly userId: string;
  readonly blockId: string;
  readonly actionId: string;
}

export interface TSuggestedOptions {
  setSuggestedOptions(menu: TMenuOfPerson, options: readonly TJsonObject[]): void;
  /** Empty until the person has typed in the menu and the app answered with options. */
  suggestedOptionsFor(menu: TMenuOfPerson): readonly TJsonObject[];
}

export function createSuggestedOptions(): TSuggestedOptions {
  const suggestions = new Map<string, readonly TJsonObject[]>();
  const keyOf = (menu: TMenuOfPerson) => [menu.userId, menu.blockId, menu.actionId].join("\u0000");
  return {
    setSuggestedOptions(menu, options) {
      suggestions.set(keyOf(menu), options);
    },
    suggestedOptionsFor: (menu) => suggestions.get(keyOf(menu)) ?? [],
  };
}
