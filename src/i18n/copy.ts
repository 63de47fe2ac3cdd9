// The shared catalogue: what every surface may say (each coded error's message, the unexpected
// failures), Spanish first (the default), English with exactly the same keys. `{name}` marks a value.
import { defineCopy } from "./define-copy.ts";

export const sharedCopy = defineCopy(
  {
    "error.VALIDATION_FAILED": "Revisa los campos marcados.",
    "error.TEXT_CHARACTERS_INVALID":
      "Quita los caracteres invisibles o de control (saltos de línea, marcas de dirección del texto, caracteres nulos): no se pueden guardar.",
    "error.USERNAME_INVALID": "De 3 a 32 caracteres: letras minúsculas, números, punto, guion o guion bajo.",
    "error.USERNAME_TAKEN": "Esa cuenta ya existe.",
    "error.FULL_NAME_INVALID": "Escribe el nombre (hasta {maximum} caracteres).",
    "error.EMAIL_INVALID": "Escribe un correo válido, por ejemplo nombre@empresa.com.",
    "error.EMAIL_TAKEN": "Otro usuario ya tiene ese correo.",
    "error.SLACK_USER_INVALID": "Elige un usuario de Slack.",
    "error.SLACK_USER_TAKEN": "Ese usuario de Slack ya está vinculado a otra cuenta.",
    "error.PLACES_REQUIRED": "Elige al menos un lugar de expedición.",
    "error.PLACE_NOT_FOUND": "Uno de los lugares elegidos ya no existe; vuelve a elegir.",
    "error.NO_PLACES_REGISTERED": "Primero registra una empresa y un lugar de expedición con `/lugares`.",
    "error.RFC_INVALID": "El RFC no tiene el formato del SAT (12 o 13 caracteres, p. ej. EKU9003173C9).",
    "error.RFC_TAKEN": "Ya hay una empresa con ese RFC.",
    "error.COMPANY_NAME_INVALID": "Escribe la razón social (hasta {maximum} caracteres).",
    "error.COMPANY_NOT_FOUND": "Esa empresa ya no existe.",
    "error.COMPANY_HAS_PLACES":
      "La empresa todavía tiene {count} lugar(es) de expedición; elimínalos primero.",
    "error.POSTAL_CODE_INVALID": "El código postal son 5 dígitos.",
    "error.PLACE_NAME_INVALID": "Escribe el nombre del lugar (hasta {maximum} caracteres).",
    "error.PLACE_TAKEN": "La empresa ya tiene un lugar con ese código postal y nombre.",
    "error.PLACE_IN_USE": "{count} usuario(s) tienen asignado este lugar.",
    "error.FORM_UNREADABLE": "No pude leer este formulario: ciérralo y ábrelo de nuevo. No se guardó nada.",
    "error.USER_NOT_FOUND": "No encontré la cuenta {account}.",
    "error.ACCOUNT_NOT_LINKED":
      "Tu usuario de Slack no está vinculado a ninguna cuenta del portal PremiumOne. Pide a un administrador del bot que te vincule.",
    "error.USER_DISABLED": "La cuenta está deshabilitada. Pide ayuda a un administrador.",
    "error.ACCESS_DENIED": "No tienes permiso para esto. Si lo necesitas, pídelo a un administrador.",
    "error.LAST_ADMIN": "No se puede quitar al último administrador.",
    "error.ROLE_ALREADY_GRANTED": "Ya tiene ese rol.",
    "error.ROLE_NOT_GRANTED": "No tiene ese rol.",
    "error.ROLE_INVALID": "Elige un rol: Administrador o Soporte.",
    "error.INVALID_CREDENTIALS": "Usuario o contraseña incorrectos.",
    "error.CURRENT_PASSWORD_WRONG": "La contraseña actual no es correcta. Te quedan {remaining} intento(s).",
    "error.ACCOUNT_LOCKED":
      "La cuenta está bloqueada hasta el {until} por intentos fallidos. Un administrador puede desbloquearla.",
    "error.PASSWORD_CHECK_BUSY":
      "Ya se está comprobando otra contraseña de esta cuenta; inténtalo de nuevo en unos segundos.",
    "error.TEMPORARY_PASSWORD_EXPIRED":
      "La contraseña temporal venció. Pide a un administrador que la restablezca.",
    "error.PASSWORD_NOT_SET": "La cuenta todavía no tiene contraseña: revisa tu correo.",
    "error.PASSWORD_CONFIRMATION_MISMATCH": "La confirmación no coincide con la nueva contraseña.",
    "error.PASSWORD_TOO_SHORT": "Usa al menos {minimum} caracteres; una frase larga es fácil de recordar.",
    "error.PASSWORD_TOO_LONG": "Usa como máximo {maximum} caracteres.",
    "error.PASSWORD_COMMON":
      "Esa contraseña es demasiado común o fácil de adivinar; prueba una frase propia.",
    "error.PASSWORD_CONTAINS_USERNAME": "La contraseña no puede contener tu cuenta de usuario.",
    "error.PASSWORD_CONTAINS_EMAIL": "La contraseña no puede contener tu correo.",
    "error.PASSWORD_UNCHANGED": "La nueva contraseña debe ser distinta de la actual.",
    "error.CONFIRMATION_USED": "Esa confirmación ya se usó: no se volvió a hacer nada.",
    "error.ACCESS_UNTIL_INVALID": "Elige una fecha del calendario (AAAA-MM-DD) o deja el campo vacío.",
    "error.ACCESS_UNTIL_NOT_FUTURE":
      "Elige una fecha a partir de mañana: hoy es {today} en la Ciudad de México. Para quitar el acceso ya, usa Deshabilitar.",
    "error.ACCESS_UNTIL_TOO_FAR": "Elige una fecha dentro de los próximos {years} años.",
    "error.CONFLICT": "Alguien más cambió esto al mismo tiempo; inténtalo de nuevo.",
    "error.INVITATION_LINK_INVALID":
      "Este enlace ya no sirve: se usó, venció o lo reemplazó un restablecimiento. Pide a un administrador que restablezca tu contraseña.",
    "error.INVITATION_LINK_RATE_LIMITED":
      "Demasiados intentos con este enlace; espera {seconds} segundos y vuelve a intentarlo.",
    "error.ACCESS_REQUEST_REASON_INVALID":
      "Cuéntanos para qué necesitas la cuenta (hasta {maximum} caracteres).",
    "error.ACCESS_REQUEST_NOTE_INVALID": "El motivo puede tener hasta {maximum} caracteres.",
    "error.ACCESS_REQUEST_ALREADY_OPEN":
      "Ya tienes una solicitud de acceso abierta (enviada el {createdAt}); un administrador la revisará. No hace falta enviar otra.",
    "error.ACCESS_REQUEST_HAS_ACCOUNT":
      "Ya tienes una cuenta del portal PremiumOne: escribe `/micuenta` para verla.",
    "error.ACCESS_REQUEST_NOT_FOUND": "Esa solicitud de acceso ya no existe.",
    "error.ACCESS_REQUEST_ALREADY_APPROVED":
      "Esta solicitud ya la aprobó {decidedBy} el {decidedAt}; no se volvió a hacer nada.",
    "error.ACCESS_REQUEST_ALREADY_REJECTED":
      "Esta solicitud ya la rechazó {decidedBy} el {decidedAt}; no se volvió a hacer nada.",
    "error.ACCESS_REQUEST_EXPIRED":
      "Esta solicitud venció el {expiresAt} sin decidirse; quien la pidió puede enviar otra.",
    "error.database_unavailable":
      "La base de datos no responde en este momento (referencia {requestId}); no se guardó nada. Inténtalo de nuevo en unos segundos.",
    "error.unexpected":
      "Algo salió mal de nuestro lado (referencia {requestId}). Inténtalo de nuevo en un momento.",
  },
  {
    "error.VALIDATION_FAILED": "Please check the marked fields.",
    "error.TEXT_CHARACTERS_INVALID":
      "Remove the invisible or control characters (line breaks, text-direction marks, null characters): they cannot be stored.",
    "error.USERNAME_INVALID": "3 to 32 characters: lower-case letters, digits, dot, hyphen or underscore.",
    "error.USERNAME_TAKEN": "That account already exists.",
    "error.FULL_NAME_INVALID": "Type the name (up to {maximum} characters).",
    "error.EMAIL_INVALID": "Type a valid email, e.g. name@company.com.",
    "error.EMAIL_TAKEN": "Another user already has that email.",
    "error.SLACK_USER_INVALID": "Pick a Slack user.",
    "error.SLACK_USER_TAKEN": "That Slack user is already linked to another account.",
    "error.PLACES_REQUIRED": "Pick at least one issuing place.",
    "error.PLACE_NOT_FOUND": "One of the chosen places no longer exists; pick again.",
    "error.NO_PLACES_REGISTERED": "First register a company and an issuing place with `/lugares`.",
    "error.RFC_INVALID": "The RFC does not have SAT's format (12 or 13 characters, e.g. EKU9003173C9).",
    "error.RFC_TAKEN": "There is already a company with that RFC.",
    "error.COMPANY_NAME_INVALID": "Type the company's legal name (up to {maximum} characters).",
    "error.COMPANY_NOT_FOUND": "That company no longer exists.",
    "error.COMPANY_HAS_PLACES": "The company still has {count} issuing place(s); remove them first.",
    "error.POSTAL_CODE_INVALID": "The postal code is 5 digits.",
    "error.PLACE_NAME_INVALID": "Type the place's name (up to {maximum} characters).",
    "error.PLACE_TAKEN": "The company already has a place with that postal code and name.",
    "error.PLACE_IN_USE": "{count} user(s) hold this place.",
    "error.FORM_UNREADABLE": "I could not read this form: close it and open it again. Nothing was saved.",
    "error.USER_NOT_FOUND": "I could not find the account {account}.",
    "error.ACCOUNT_NOT_LINKED":
      "Your Slack user is not linked to any PremiumOne portal account. Ask one of the bot's administrators to link you.",
    "error.USER_DISABLED": "The account is disabled. Ask an administrator for help.",
    "error.ACCESS_DENIED": "You are not allowed to do this. If you need it, ask an administrator.",
    "error.LAST_ADMIN": "The last administrator cannot be removed.",
    "error.ROLE_ALREADY_GRANTED": "They already have that role.",
    "error.ROLE_NOT_GRANTED": "They do not have that role.",
    "error.ROLE_INVALID": "Pick a role: Administrator or Support.",
    "error.INVALID_CREDENTIALS": "Wrong username or password.",
    "error.CURRENT_PASSWORD_WRONG": "The current password is not right. {remaining} attempt(s) left.",
    "error.ACCOUNT_LOCKED":
      "The account is locked after failed attempts until {until}. An administrator can unlock it.",
    "error.PASSWORD_CHECK_BUSY":
      "Another password of this account is being checked; try again in a few seconds.",
    "error.TEMPORARY_PASSWORD_EXPIRED":
      "The temporary password has expired. Ask an administrator to reset it.",
    "error.PASSWORD_NOT_SET": "The account has no password yet: check your email.",
    "error.PASSWORD_CONFIRMATION_MISMATCH": "The confirmation does not match the new password.",
    "error.PASSWORD_TOO_SHORT": "Use at least {minimum} characters; a long phrase is easy to remember.",
    "error.PASSWORD_TOO_LONG": "Use at most {maximum} characters.",
    "error.PASSWORD_COMMON": "That password is too common or easy to guess; try a phrase of your own.",
    "error.PASSWORD_CONTAINS_USERNAME": "The password cannot contain your username.",
    "error.PASSWORD_CONTAINS_EMAIL": "The password cannot contain your email.",
    "error.PASSWORD_UNCHANGED": "The new password must differ from the current one.",
    "error.CONFIRMATION_USED": "That confirmation was already used: nothing was done again.",
    "error.ACCESS_UNTIL_INVALID": "Pick a calendar date (YYYY-MM-DD) or leave the field empty.",
    "error.ACCESS_UNTIL_NOT_FUTURE":
      "Pick a date from tomorrow on: today is {today} in Mexico City. To end the access now, use Disable.",
    "error.ACCESS_UNTIL_TOO_FAR": "Pick a date within the next {years} years.",
    "error.CONFLICT": "Someone else changed this at the same time; please try again.",
    "error.INVITATION_LINK_INVALID":
      "This link no longer works: it was used, it expired or a reset replaced it. Ask an administrator to reset your password.",
    "error.INVITATION_LINK_RATE_LIMITED":
      "Too many attempts with this link; wait {seconds} seconds and try again.",
    "error.ACCESS_REQUEST_REASON_INVALID":
      "Tell us what you need the account for (up to {maximum} characters).",
    "error.ACCESS_REQUEST_NOTE_INVALID": "The reason may have up to {maximum} characters.",
    "error.ACCESS_REQUEST_ALREADY_OPEN":
      "You already have an open access request (sent {createdAt}); an administrator will review it. There is no need to send another.",
    "error.ACCESS_REQUEST_HAS_ACCOUNT":
      "You already have a PremiumOne portal account: type `/micuenta` to see it.",
    "error.ACCESS_REQUEST_NOT_FOUND": "That access request no longer exists.",
    "error.ACCESS_REQUEST_ALREADY_APPROVED":
      "{decidedBy} already approved this request on {decidedAt}; nothing was done again.",
    "error.ACCESS_REQUEST_ALREADY_REJECTED":
      "{decidedBy} already rejected this request on {decidedAt}; nothing was done again.",
    "error.ACCESS_REQUEST_EXPIRED":
      "This request expired on {expiresAt} undecided; the person who asked may send another.",
    "error.database_unavailable":
      "The database is not answering right now (reference {requestId}); nothing was saved. Please try again in a few seconds.",
    "error.unexpected":
      "Something went wrong on our side (reference {requestId}). Please try again in a moment.",
  },
);

/** The word that asks any command for its help, understood whatever the bot's locale. */
export const HELP_WORDS: readonly string[] = ["ayuda", "help"];
