// Every word of the emails, Spanish first (the default), English with exactly the same keys.
// `{name}` marks a value; times arrive already written out by `formatEmailTime`.
import { defineCopy } from "../../../i18n/define-copy.ts";

export const emailCopy = defineCopy(
  {
    "common.greeting": "Hola, {fullName}:",
    "common.automatic_message":
      "Este es un mensaje automático del portal de facturación PremiumOne; no respondas a este correo.",
    "common.contact_label": "Medios de contacto",
    "common.not_you": "Si no reconoces este cambio, comunícate de inmediato con la mesa de ayuda.",
    "common.time_zone_name": "hora de la Ciudad de México",
    "credentials.username_label": "Usuario",
    "credentials.password_label": "Contraseña temporal",
    "credentials.temporary":
      "Esta contraseña es temporal: vence el {expiresAt} y debes cambiarla la primera vez que la uses.",
    "credentials.how_to_change":
      "Al entrar, el portal te pedirá una contraseña nueva (Mi cuenta → Contraseña). Elige una contraseña larga que no uses en ningún otro sitio.",
    "credentials.portal_label": "Portal",
    "invitation.choose":
      "Para entrar, elige tu contraseña en esta página (solo tú la conocerás; nadie te la enviará por correo):",
    "invitation.link_label": "Crear mi contraseña",
    "invitation.once":
      "El enlace sirve una sola vez y vence el {expiresAt}. Si vence, pide a un administrador que restablezca tu contraseña.",
    "welcome.subject": "Tus datos de acceso al portal PremiumOne",
    "welcome.introduction":
      "Se creó tu cuenta en el portal de facturación PremiumOne. Estos son tus datos de acceso:",
    "password_reset.subject": "Tu nueva contraseña temporal del portal PremiumOne",
    "password_reset.subject_link": "Elige tu nueva contraseña del portal PremiumOne",
    "password_reset.introduction":
      "Un administrador restableció la contraseña de tu cuenta del portal PremiumOne; la anterior ya no funciona. Estos son tus nuevos datos de acceso:",
    "password_changed.subject": "Se cambió la contraseña de tu cuenta PremiumOne",
    "password_changed.changed":
      "La contraseña de la cuenta {username} del portal PremiumOne se cambió el {when}.",
    "email_changed.subject": "Se cambió el correo de tu cuenta PremiumOne",
    "email_changed.changed":
      "El correo electrónico de la cuenta {username} del portal PremiumOne se cambió a {maskedNewEmail} el {when}.",
    "email_changed.from_now_on":
      "Desde ahora, los avisos y las contraseñas de la cuenta se envían a esa dirección, y no a esta.",
    "account_locked.subject": "Tu cuenta PremiumOne está bloqueada temporalmente",
    "account_locked.until":
      "Por varios intentos seguidos con una contraseña incorrecta, la cuenta {username} del portal PremiumOne quedó bloqueada hasta el {until}.",
    "account_locked.for_now":
      "Por varios intentos seguidos con una contraseña incorrecta, la cuenta {username} del portal PremiumOne quedó bloqueada temporalmente.",
    "account_locked.what_next":
      "Mientras tanto no se puede entrar al portal ni cambiar la contraseña. Después podrás volver a intentarlo; un administrador también puede desbloquear la cuenta. Si no fuiste tú, comunícate con la mesa de ayuda.",
    "access_expiring.subject": "Tu acceso al portal PremiumOne termina el {date}",
    "access_expiring.ends":
      "Tu acceso a la cuenta {username} del portal PremiumOne termina el {date}, al final del día ({timeZone}). Después la cuenta quedará deshabilitada.",
    "access_expiring.what_next":
      "Si necesitas seguir usando el portal después de esa fecha, pide a un administrador que la cambie.",
  },
  {
    "common.greeting": "Hello {fullName},",
    "common.automatic_message":
      "This is an automatic message from the PremiumOne invoicing portal; please do not reply to it.",
    "common.contact_label": "Contact",
    "common.not_you": "If you do not recognise this change, contact the service desk at once.",
    "common.time_zone_name": "Mexico City time",
    "credentials.username_label": "Username",
    "credentials.password_label": "Temporary password",
    "credentials.temporary":
      "This password is temporary: it expires on {expiresAt} and you must change it the first time you use it.",
    "credentials.how_to_change":
      "When you sign in, the portal asks for a new password (My account → Password). Choose a long one that you use nowhere else.",
    "credentials.portal_label": "Portal",
    "invitation.choose":
      "To sign in, choose your password on this page (only you will know it; nobody emails it to you):",
    "invitation.link_label": "Choose my password",
    "invitation.once":
      "The link works once and expires on {expiresAt}. If it expires, ask an administrator to reset your password.",
    "welcome.subject": "Your access to the PremiumOne portal",
    "welcome.introduction":
      "An account was created for you on the PremiumOne invoicing portal. These are your access details:",
    "password_reset.subject": "Your new temporary password for the PremiumOne portal",
    "password_reset.subject_link": "Choose your new password for the PremiumOne portal",
    "password_reset.introduction":
      "An administrator reset the password of your PremiumOne portal account; the previous one no longer works. These are your new access details:",
    "password_changed.subject": "The password of your PremiumOne account was changed",
    "password_changed.changed":
      "The password of the PremiumOne portal account {username} was changed on {when}.",
    "email_changed.subject": "The email address of your PremiumOne account was changed",
    "email_changed.changed":
      "The email address of the PremiumOne portal account {username} was changed to {maskedNewEmail} on {when}.",
    "email_changed.from_now_on":
      "From now on, the account's notices and passwords go to that address, not to this one.",
    "account_locked.subject": "Your PremiumOne account is temporarily locked",
    "account_locked.until":
      "After several wrong passwords in a row, the PremiumOne portal account {username} is locked until {until}.",
    "account_locked.for_now":
      "After several wrong passwords in a row, the PremiumOne portal account {username} is temporarily locked.",
    "account_locked.what_next":
      "Meanwhile, nobody can sign in to the portal or change the password. You can try again afterwards; an administrator can also unlock the account. If it was not you, contact the service desk.",
    "access_expiring.subject": "Your access to the PremiumOne portal ends on {date}",
    "access_expiring.ends":
      "Your access to the PremiumOne portal account {username} ends on {date}, at the end of the day ({timeZone}). The account will then be disabled.",
    "access_expiring.what_next":
      "If you need to keep using the portal after that date, ask an administrator to change it.",
  },
);
