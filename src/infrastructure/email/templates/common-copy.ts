// Words every email shares, per locale, and how an email says a time: Mexico City's, named as such.

import { DISPLAY_TIME_ZONE, INTL_LOCALE, type TLocale } from "../../../i18n/locale.ts";

export interface TCommonCopy {
  readonly greeting: (fullName: string) => string;
  readonly automaticMessage: string;
  readonly contactLabel: string;
  readonly notYou: string;
  readonly timeZoneName: string;
}

export const commonCopy: Record<TLocale, TCommonCopy> = {
  es: {
    greeting: (fullName) => `Hola, ${fullName}:`,
    automaticMessage:
      "Este es un mensaje automático del portal de facturación PremiumOne; no respondas a este correo.",
    contactLabel: "Medios de contacto",
    notYou: "Si no reconoces este cambio, comunícate de inmediato con la mesa de ayuda.",
    timeZoneName: "hora de la Ciudad de México",
  },
  en: {
    greeting: (fullName) => `Hello ${fullName},`,
    automaticMessage:
      "This is an automatic message from the PremiumOne invoicing portal; please do not reply to it.",
    contactLabel: "Contact",
    notYou: "If you do not recognise this change, contact the service desk at once.",
    timeZoneName: "Mexico City time",
  },
};

/** "martes, 1 de diciembre de 2026, 12:30 p.m. (hora de la Ciudad de México)". */
export function formatEmailTime(time: Date, locale: TLocale): string {
  const copy = commonCopy[locale];
  const formatted = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  }).format(time);
  // ICU puts narrow no-break spaces before "p.m."; plain spaces read the same in every mail client.
  return `${formatted.replaceAll(/[\u202f\u00a0]/g, " ")} (${copy.timeZoneName})`;
}
