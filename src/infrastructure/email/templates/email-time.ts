// How an email says a time: Mexico City's, named as such.
import { DISPLAY_TIME_ZONE, INTL_LOCALE, type TLocale } from "../../../i18n/locale.ts";
import { emailCopy } from "./copy.ts";

/** "martes, 1 de diciembre de 2026, 12:30 p.m. (hora de la Ciudad de México)". */
export function formatEmailTime(time: Date, locale: TLocale): string {
  const formatted = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  }).format(time);
  // ICU puts narrow no-break spaces before "p.m."; plain spaces read the same in every mail client.
  return `${formatted.replaceAll(/[\u202f\u00a0]/g, " ")} (${emailCopy(locale)("common.time_zone_name")})`;
}
