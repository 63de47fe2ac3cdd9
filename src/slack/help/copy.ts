// The words every help text shares: how it ends, with the service desk's contact.
import { defineCopy } from "../../i18n/define-copy.ts";

export const helpCopy = defineCopy(
  {
    contact: "*Medios de contacto:* {contact}",
    contact_default: "*Medios de contacto:* pide ayuda a un administrador del bot.",
  },
  {
    contact: "*Contact:* {contact}",
    contact_default: "*Contact:* ask one of the bot's administrators.",
  },
);
