// What every message the bot sends or answers with is made of: the notification text (also what
// screen readers and old clients show) and the blocks.
import type { KnownBlock } from "@slack/types";

export interface TMessageContent {
  readonly text: string;
  readonly blocks: KnownBlock[];
}
