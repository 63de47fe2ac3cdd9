// The languages the bot speaks: Spanish, the default, and English (BOT_LOCALE picks one).
export const LOCALES = ["es", "en"] as const;
export type TLocale = (typeof LOCALES)[number];

/** The Intl locale of each: Mexican Spanish, where PremiumOne's users work, and US English. */
export const INTL_LOCALE: Readonly<Record<TLocale, string>> = { es: "es-MX", en: "en-US" };

/** Times are shown in Mexico City's time, where PremiumOne's users work. */
export const DISPLAY_TIME_ZONE = "America/Mexico_City";
