import { defineCopy } from "../../../i18n/define-copy.ts";

export const accountCopy = defineCopy(
  {
    "notice.welcome":
      "👋 Hola, {fullName}. Un administrador creó tu cuenta *{username}* del portal PremiumOne. Tu contraseña temporal llegó a {email}; cámbiala aquí con el botón (vence el {expires}).",
    "notice.welcome_no_expiry":
      "👋 Hola, {fullName}. Un administrador creó tu cuenta *{username}* del portal PremiumOne. Tu contraseña temporal llega a {email}; cámbiala aquí con el botón.",
    "notice.welcome_link":
      "👋 Hola, {fullName}. Un administrador creó tu cuenta *{username}* del portal PremiumOne. Te enviamos a {email} un enlace para que elijas tu contraseña (sirve una sola vez).",
    "notice.credentials_changed":
      "🔑 La contraseña de tu cuenta *{username}* cambió. Si no fuiste tú, avisa de inmediato a un administrador.",
    "notice.access_expiring":
      "⌛ Tu acceso a la cuenta *{username}* del portal PremiumOne termina el {date}, al final del día (hora de la Ciudad de México). Si necesitas seguir después, pide a un administrador que cambie la fecha.",
    "notice.account_locked":
      "🔒 Tu cuenta *{username}* quedó bloqueada hasta el {until} por varios intentos fallidos. Si no fuiste tú, avisa a un administrador.",
    "button.change_password": "Cambiar contraseña",
    "summary.title": "Mi cuenta",
    "summary.username": "*Cuenta:* {username}",
    "summary.full_name": "*Nombre:* {fullName}",
    "summary.email": "*Correo:* {email}",
    "summary.access_until": "*Acceso hasta:* {date} (al final del día, hora de la Ciudad de México)",
    "summary.places": "*Lugares de expedición:*",
    "summary.no_places": "_Sin lugares asignados._",
    "summary.must_change": "⚠️ Tu contraseña es temporal: cámbiala ahora con el botón.",
    "summary.awaiting_email": "✉️ Tu contraseña temporal todavía va en camino a tu correo.",
    "summary.awaiting_link":
      "✉️ Te enviamos a tu correo un enlace para elegir tu contraseña; sirve una vez. Hasta entonces no puedes entrar al portal.",
    "summary.locked":
      "🔒 Tu cuenta está bloqueada hasta el {until} por intentos fallidos. Un administrador puede desbloquearla.",
    "summary.disabled": "⛔ Tu cuenta está deshabilitada. Pide ayuda a un administrador.",
    "summary.dm_hint":
      "Nunca escribas tu contraseña en este chat: usa siempre el botón *Cambiar contraseña*.",
    "summary.not_linked":
      "Tu usuario de Slack no está vinculado a ninguna cuenta del portal PremiumOne. Pide a un administrador del bot que te vincule (desde `/usuarios`, en *Usuario de Slack*).",
    "home.admin_title": "Acciones rápidas",
    "home.admin_hint":
      "`/usuarios` usuarios del portal · `/lugares` empresas y lugares · `/auditoria` bitácora",
    "home.new_user": "Nuevo usuario",
    "form.title": "Cambiar contraseña",
    "form.submit": "Cambiar",
    "form.close": "Cancelar",
    "form.warning":
      "⚠️ Slack no oculta lo que escribes en estos campos: asegúrate de que nadie vea tu pantalla. Usa al menos {minimum} caracteres; una frase larga es lo más seguro.",
    "form.current": "Contraseña actual",
    "form.new": "Nueva contraseña",
    "form.confirmation": "Confirmar nueva contraseña",
    "form.done_title": "Listo",
    "form.checking":
      "⏳ Verificando tu contraseña… Hay varias comprobaciones en curso; el resultado aparece aquí en unos segundos.",
    "form.done": "✅ Tu contraseña cambió. Úsala la próxima vez que entres al portal.",
    "form.close_done": "Cerrar",
  },
  {
    "notice.welcome":
      "👋 Hi, {fullName}. An administrator created your PremiumOne portal account *{username}*. Your temporary password was sent to {email}; change it here with the button (it expires {expires}).",
    "notice.welcome_no_expiry":
      "👋 Hi, {fullName}. An administrator created your PremiumOne portal account *{username}*. Your temporary password is on its way to {email}; change it here with the button.",
    "notice.welcome_link":
      "👋 Hi, {fullName}. An administrator created your PremiumOne portal account *{username}*. We emailed {email} a link to choose your password (it works once).",
    "notice.credentials_changed":
      "🔑 The password of your account *{username}* changed. If it was not you, tell an administrator at once.",
    "notice.access_expiring":
      "⌛ Your access to the PremiumOne portal account *{username}* ends on {date}, at the end of the day (Mexico City time). If you need it longer, ask an administrator to change the date.",
    "notice.account_locked":
      "🔒 Your account *{username}* was locked after several failed attempts until {until}. If it was not you, tell an administrator.",
    "button.change_password": "Change password",
    "summary.title": "My account",
    "summary.username": "*Username:* {username}",
    "summary.full_name": "*Name:* {fullName}",
    "summary.email": "*Email:* {email}",
    "summary.access_until": "*Access until:* {date} (end of the day, Mexico City time)",
    "summary.places": "*Issuing places:*",
    "summary.no_places": "_No places assigned._",
    "summary.must_change": "⚠️ Your password is temporary: change it now with the button.",
    "summary.awaiting_email": "✉️ Your temporary password is still on its way to your email.",
    "summary.awaiting_link":
      "✉️ We emailed you a link to choose your password; it works once. Until then you cannot sign in to the portal.",
    "summary.locked":
      "🔒 Your account is locked until {until} after failed attempts. An administrator can unlock it.",
    "summary.disabled": "⛔ Your account is disabled. Ask an administrator for help.",
    "summary.dm_hint": "Never type your password in this chat: always use the *Change password* button.",
    "summary.not_linked":
      "Your Slack user is not linked to any PremiumOne portal account. Ask one of the bot's administrators to link you (in `/usuarios`, *Slack user*).",
    "home.admin_title": "Quick actions",
    "home.admin_hint":
      "`/usuarios` portal users · `/lugares` companies and places · `/auditoria` audit trail",
    "home.new_user": "New user",
    "form.title": "Change password",
    "form.submit": "Change",
    "form.close": "Cancel",
    "form.warning":
      "⚠️ Slack does not hide what you type in these fields: make sure nobody can see your screen. Use at least {minimum} characters; a long phrase is safest.",
    "form.current": "Current password",
    "form.new": "New password",
    "form.confirmation": "Confirm new password",
    "form.done_title": "Done",
    "form.checking":
      "⏳ Checking your password… Several checks are under way; the outcome shows here in a few seconds.",
    "form.done": "✅ Your password changed. Use it the next time you sign in to the portal.",
    "form.close_done": "Close",
  },
);
