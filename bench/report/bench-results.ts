// Everything one run measured, as the report reads it.
import type { TAckLatencyResult } from "../parts/ack-latency.ts";
import type { TCreateUserResult } from "../parts/create-user.ts";
import type { TCatalogueRun } from "../parts/large-catalogue.ts";
import type { TPasswordBurstResult } from "../parts/password-burst.ts";
import type { TStartUpResult } from "../parts/start-up.ts";
import type { TReadyRoute } from "../processes/bot-process.ts";
import type { TMemory } from "../processes/child-process.ts";
import type { TBenchSettings } from "../settings.ts";
import type { TMachineInfo } from "./machine-info.ts";

export interface TMainBotFacts {
  readonly catalogueUsers: number;
  readonly seedMilliseconds: number;
  readonly startMilliseconds: number;
  readonly readyRoute: TReadyRoute;
  readonly memoryAfterStart: TMemory | undefined;
  readonly memoryAfterLoad: TMemory | undefined;
}

export interface TBenchResults {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly machine: TMachineInfo;
  readonly loadBefore: string;
  readonly loadAfter: string;
  /** The benchmark's own peak RSS: the fake Web API keeps every call it answered. */
  readonly benchmarkPeakMegabytes: number;
  readonly settings: TBenchSettings;
  readonly startUp: TStartUpResult | undefined;
  readonly mainBot: TMainBotFacts | undefined;
  readonly ack: TAckLatencyResult | undefined;
  readonly create: TCreateUserResult | undefined;
  readonly password: TPasswordBurstResult | undefined;
  readonly catalogue: readonly TCatalogueRun[] | undefined;
  /** A part that could not finish, and why. */
  readonly problems: readonly string[];
}
