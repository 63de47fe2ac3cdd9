// What every use case is given. main.ts builds it once; tests build it with fakes where a fake is
// the honest choice (a fixed clock, a cheaper bcrypt cost) and real parts everywhere else.
import type { CommonPasswordChecker } from "../domain/password-policy.ts";
import type { TLocale } from "../i18n/locale.ts";
import type { Clock } from "./ports/clock.ts";
import type { Database } from "./ports/database.ts";
import type { Logger } from "./ports/logger.ts";
import type { Metrics } from "./ports/metrics.ts";
import type { PasswordHasher, TemporaryPasswordGenerator } from "./ports/password-hasher.ts";
import type { SecretSealer } from "./ports/secret-sealer.ts";

export interface TUseCaseSettings {
  readonly locale: TLocale;
  readonly temporaryPasswordTtlHours: number;
  readonly passwordMinimumLength: number;
  readonly portalUrl: string;
  /** When set, every audit event is also queued for posting to this Slack channel. */
  readonly auditChannelId: string | undefined;
  /** CREDENTIAL_DELIVERY: the welcome and reset emails carry a temporary password, or a one-time link. */
  readonly credentialDelivery: TCredentialDelivery;
  /** The bot's own address, ending with "/": the invitation links are `<publicUrl>acceso/<token>`. */
  readonly publicUrl: string;
  /** Access requests: where they are posted for approval (unset: each admin's DM), and their life. */
  readonly accessRequestsChannelId?: string | undefined;
  readonly accessRequestTtlDays?: number;
}

export type TCredentialDelivery = "password" | "link";

export interface TUseCaseDependencies {
  readonly database: Database;
  readonly passwordHasher: PasswordHasher;
  readonly commonPasswordChecker: CommonPasswordChecker;
  readonly generateTemporaryPassword: TemporaryPasswordGenerator;
  /** Seals a credential email's password in its outbox row until it is delivered. */
  readonly secretSealer: SecretSealer;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: TUseCaseSettings;
  /** The operator's counters (GET /metrics); left out where no one reads them. */
  readonly metrics?: Metrics;
}
