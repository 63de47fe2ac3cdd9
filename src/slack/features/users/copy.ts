import { defineCopy } from "../../../i18n/define-copy.ts";

export const usersCopy = defineCopy(
  {
    "list.title": "Usuarios del portal",
    "list.summary": "Página {page} de {pageCount} · {total} usuario(s)",
    "list.summary_search": "Página {page} de {pageCount} · {total} usuario(s) con «{query}»",
    "list.empty": "No hay usuarios todavía.",
    "list.empty_search": "Ningún usuario coincide con «{query}».",
    "list.hint": "Busca con `/usuarios buscar <texto>` · ayuda: `/usuarios ayuda`",
    "list.new": "Nuevo usuario",
    "list.previous": "◀ Anterior",
    "list.next": "Siguiente ▶",
    "row.edit": "Editar",
    "row.reset": "Restablecer contraseña",
    "row.delete": "Eliminar",
    "row.disable": "Deshabilitar",
    "row.enable": "Habilitar",
    "row.unlock": "Desbloquear",
    "row.no_places": "sin lugares",
    "row.more_places": "y {count} más",
    "status.disabled": "⛔ deshabilitado",
    "status.locked": "🔒 bloqueado hasta {until}",
    "status.temporary": "⏳ contraseña temporal",
    "status.awaiting_email": "✉️ correo de bienvenida pendiente",
    "status.invitation_sent": "🔗 enlace para elegir contraseña enviado (vence {expires})",
    "status.email_refused":
      "📭 correo rechazado ({reason}): corrige el correo si hace falta y usa Restablecer contraseña",
    "status.linked": "vinculado a <@{slackUserId}>",
    "status.slack_person_gone": "👤 persona de Slack desactivada",
    "confirm.delete": "¿Eliminar al usuario *{username}* ({fullName})? Ya no podrá entrar al portal.",
    "confirm.reset":
      "¿Restablecer la contraseña de *{username}*? Se enviará una contraseña temporal nueva a {email} y la actual dejará de funcionar.",
    "confirm.reset_link":
      "¿Restablecer la contraseña de *{username}*? Se enviará a {email} un enlace nuevo para elegir contraseña; la actual y los enlaces anteriores dejarán de funcionar.",
    "confirm.yes": "Sí",
    "confirm.no": "No",
    "done.created": "✅ Se creó al usuario *{username}*; su contraseña temporal va en camino a {email}.",
    "done.created_link":
      "✅ Se creó al usuario *{username}*; un enlace para que elija su contraseña va en camino a {email}.",
    "done.updated": "✅ Se guardaron los cambios de *{username}*.",
    "done.deleted": "🗑️ Se eliminó al usuario *{username}*.",
    "done.reset": "🔑 Se restableció la contraseña de *{username}*; la nueva va en camino a {email}.",
    "done.reset_link":
      "🔑 Se restableció la contraseña de *{username}*; un enlace nuevo para elegirla va en camino a {email}.",
    "done.disabled": "⛔ Se deshabilitó a *{username}*.",
    "done.enabled": "✅ Se habilitó a *{username}*.",
    "done.unlocked": "🔓 Se desbloqueó a *{username}*.",
    "done.already_gone": "Ese usuario ya no existe (quizá alguien más lo eliminó).",
    "notice.credentials_email_failed":
      "📭 No se pudo entregar el correo de acceso de *{username}* a {email}: {reason}. La cuenta no tiene una contraseña que alguien conozca: corrige el correo con Editar si hace falta y usa Restablecer contraseña.",
    "notice.show_account": "Ver la cuenta",
    "notice.slack_person_deactivated":
      "👤 Slack desactivó a la persona vinculada a *{username}* ({email}); deshabilité su cuenta del portal (no la eliminé). Reactivarla en Slack no la habilita: si debe volver, usa Habilitar.",
    "notice.slack_person_deactivated_by.user_change_event": "Lo avisó Slack en cuanto ocurrió.",
    "notice.slack_person_deactivated_by.reconciliation": "Lo encontró la revisión diaria de Slack.",
    "done.already_reset":
      "Esa contraseña ya se restableció con esta confirmación; no se envió otro correo. Para otro restablecimiento, vuelve a pulsar Restablecer contraseña.",
    "done.not_confirmed":
      "Ese botón no corresponde a ninguna pregunta; vuelve a pedir la acción desde la lista.",
    "done.linked": "🔗 Vinculé a *{username}* con <@{slackUserId}> por su correo.",
    "form.title_new": "Nuevo usuario",
    "form.title_edit": "Editar usuario",
    "form.submit": "Guardar",
    "form.close": "Cancelar",
    "form.username": "Cuenta del usuario",
    "form.username_hint": "De 3 a 32 caracteres: minúsculas, números, punto, guion o guion bajo.",
    "form.full_name": "Nombre de la persona",
    "form.email": "Correo electrónico",
    "form.email_hint": "Aquí llega la contraseña temporal.",
    "form.slack_user": "Usuario de Slack",
    "form.slack_user_hint": "Opcional. Si lo dejas vacío, lo busco por el correo.",
    "form.places": "Lugares de expedición",
    "form.places_hint": "Al menos uno. Escribe para buscar por código postal, nombre o empresa.",
    "form.places_placeholder": "Elige los lugares",
    "form.access_until": "Acceso hasta",
    "form.access_until_placeholder": "Sin fecha de término",
    "form.access_until_hint":
      "Opcional. El acceso termina al final de ese día (hora de la Ciudad de México) y la cuenta se deshabilita; 3 días antes se avisa a la persona. Déjalo vacío para que no termine.",
    "status.access_until": "⌛ acceso hasta el {date}",
    "status.access_ended": "⌛ su acceso terminó el {date}",
    "notice.access_expired":
      "⌛ Terminó el acceso de *{username}* ({email}): su fecha de Acceso hasta, que tú pusiste, era el {date}. Deshabilité su cuenta del portal (no la eliminé). Si debe seguir, cambia la fecha con Editar y usa Habilitar.",
    "help.title": "Ayuda de /usuarios",
    "help.body":
      "• `/usuarios` — lista de usuarios del portal (10 por página)\n• `/usuarios buscar <texto>` — busca por cuenta, nombre, correo, código postal o empresa\n• `/usuarios nuevo` — formulario para crear un usuario; su contraseña temporal llega por correo\n• `/usuarios editar <cuenta>` — cambia nombre, correo, usuario de Slack y lugares\n• `/usuarios restablecer <cuenta>` — envía una contraseña temporal nueva (pregunta Sí / No)\n• `/usuarios eliminar <cuenta>` — elimina la cuenta (pregunta Sí / No)\n• `/usuarios roles` — quién es administrador o soporte; los administradores otorgan y quitan roles\n• `/lugares` — empresas y lugares de expedición · `/auditoria` — quién hizo qué\n• `/micuenta` — tu propia cuenta y el cambio de contraseña",
  },
  {
    "list.title": "Portal users",
    "list.summary": "Page {page} of {pageCount} · {total} user(s)",
    "list.summary_search": "Page {page} of {pageCount} · {total} user(s) matching “{query}”",
    "list.empty": "There are no users yet.",
    "list.empty_search": "No user matches “{query}”.",
    "list.hint": "Search with `/usuarios buscar <text>` · help: `/usuarios ayuda`",
    "list.new": "New user",
    "list.previous": "◀ Previous",
    "list.next": "Next ▶",
    "row.edit": "Edit",
    "row.reset": "Reset password",
    "row.delete": "Delete",
    "row.disable": "Disable",
    "row.enable": "Enable",
    "row.unlock": "Unlock",
    "row.no_places": "no places",
    "row.more_places": "and {count} more",
    "status.disabled": "⛔ disabled",
    "status.locked": "🔒 locked until {until}",
    "status.temporary": "⏳ temporary password",
    "status.awaiting_email": "✉️ welcome email pending",
    "status.invitation_sent": "🔗 link to choose a password sent (expires {expires})",
    "status.email_refused": "📭 email refused ({reason}): fix the address if needed and use Reset password",
    "status.linked": "linked to <@{slackUserId}>",
    "status.slack_person_gone": "👤 Slack person deactivated",
    "confirm.delete":
      "Delete the user *{username}* ({fullName})? They will no longer be able to sign in to the portal.",
    "confirm.reset":
      "Reset the password of *{username}*? A new temporary password will be sent to {email} and the current one will stop working.",
    "confirm.reset_link":
      "Reset the password of *{username}*? A new link to choose a password will be sent to {email}; the current password and any earlier links will stop working.",
    "confirm.yes": "Yes",
    "confirm.no": "No",
    "done.created": "✅ Created the user *{username}*; their temporary password is on its way to {email}.",
    "done.created_link":
      "✅ Created the user *{username}*; a link to choose their password is on its way to {email}.",
    "done.updated": "✅ Saved the changes to *{username}*.",
    "done.deleted": "🗑️ Deleted the user *{username}*.",
    "done.reset": "🔑 Reset the password of *{username}*; the new one is on its way to {email}.",
    "done.reset_link":
      "🔑 Reset the password of *{username}*; a new link to choose it is on its way to {email}.",
    "done.disabled": "⛔ Disabled *{username}*.",
    "done.enabled": "✅ Enabled *{username}*.",
    "done.unlocked": "🔓 Unlocked *{username}*.",
    "done.already_gone": "That user no longer exists (perhaps someone else deleted it).",
    "notice.credentials_email_failed":
      "📭 The access email of *{username}* could not be delivered to {email}: {reason}. Nobody knows the account's password: fix the address with Edit if needed and use Reset password.",
    "notice.show_account": "Show the account",
    "notice.slack_person_deactivated":
      "👤 Slack deactivated the person linked to *{username}* ({email}); I disabled their portal account (not deleted). Reactivating them in Slack does not enable it: if they should come back, use Enable.",
    "notice.slack_person_deactivated_by.user_change_event": "Slack told us as it happened.",
    "notice.slack_person_deactivated_by.reconciliation": "The daily check against Slack found it.",
    "done.already_reset":
      "That password was already reset with this confirmation; no other email was sent. For another reset, press Reset password again.",
    "done.not_confirmed": "That button belongs to no question; ask for the action again from the list.",
    "done.linked": "🔗 Linked *{username}* to <@{slackUserId}> by their email.",
    "form.title_new": "New user",
    "form.title_edit": "Edit user",
    "form.submit": "Save",
    "form.close": "Cancel",
    "form.username": "Username",
    "form.username_hint": "3 to 32 characters: lower-case letters, digits, dot, hyphen or underscore.",
    "form.full_name": "Person's name",
    "form.email": "Email",
    "form.email_hint": "The temporary password is sent here.",
    "form.slack_user": "Slack user",
    "form.slack_user_hint": "Optional. Left empty, I look them up by email.",
    "form.places": "Issuing places",
    "form.places_hint": "At least one. Type to search by postal code, name or company.",
    "form.places_placeholder": "Pick the places",
    "form.access_until": "Access until",
    "form.access_until_placeholder": "No end date",
    "form.access_until_hint":
      "Optional. Access ends at the end of that day (Mexico City time) and the account is disabled; the person is told 3 days before. Leave it empty for no end.",
    "status.access_until": "⌛ access until {date}",
    "status.access_ended": "⌛ access ended on {date}",
    "notice.access_expired":
      "⌛ The access of *{username}* ({email}) has ended: its Access until date, which you set, was {date}. I disabled their portal account (not deleted). If they should stay, change the date with Edit and use Enable.",
    "help.title": "/usuarios help",
    "help.body":
      "• `/usuarios` — the portal's users (10 a page)\n• `/usuarios buscar <text>` — search by username, name, email, postal code or company\n• `/usuarios nuevo` — a form to create a user; the temporary password goes by email\n• `/usuarios editar <username>` — change name, email, Slack user and places\n• `/usuarios restablecer <username>` — send a new temporary password (asks Yes / No)\n• `/usuarios eliminar <username>` — delete the account (asks Yes / No)\n• `/usuarios roles` — who is an administrator or support agent; administrators grant and remove roles\n• `/lugares` — companies and issuing places · `/auditoria` — who did what\n• `/micuenta` — your own account and password change",
  },
);

/**
 * The words `/usuarios` reads first in its text (the help names them), understood whatever the
 * bot's locale; the help word is the shared `HELP_WORDS`.
 */
export const USERS_COMMAND_WORDS = {
  search: "buscar",
  new: "nuevo",
  roles: "roles",
  edit: "editar",
  reset: "restablecer",
  delete: "eliminar",
  /** The open access requests. */
  requests: "solicitudes",
} as const;
