// What every Slack feature's register() is given.
import type { TUseCaseDependencies } from "../application/dependencies.ts";
import type { Logger } from "../application/ports/logger.ts";
import type { TLocale } from "../i18n/locale.ts";

export interface TSlackFeatureDependencies {
  readonly useCases: TUseCaseDependencies;
  readonly locale: TLocale;
  readonly logger: Logger;
  /** SUPPORT_CONTACT: the service desk's contact, ending every help text. */
  readonly supportContact: string | undefined;
}
