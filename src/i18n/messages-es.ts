// Spanish, the default: every word a person reads, by key. `{name}` marks a value put in.
export const messagesEs = {
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
  "error.COMPANY_HAS_PLACES": "La empresa todavía tiene {count} lugar(es) de expedición; elimínalos primero.",
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
  "error.PASSWORD_COMMON": "Esa contraseña es demasiado común o fácil de adivinar; prueba una frase propia.",
  "error.PASSWORD_CONTAINS_USERNAME": "La contraseña no puede contener tu cuenta de usuario.",
  "error.PASSWORD_CONTAINS_EMAIL": "La contraseña no puede contener tu correo.",
  "error.PASSWORD_UNCHANGED": "La nueva contraseña debe ser distinta de la actual.",
  "error.CONFIRMATION_USED": "Esa confirmación ya se usó: no se volvió a hacer nada.",
  "error.CONFLICT": "Alguien más cambió esto al mismo tiempo; inténtalo de nuevo.",
  "error.database_unavailable":
    "La base de datos no responde en este momento (referencia {requestId}); no se guardó nada. Inténtalo de nuevo en unos segundos.",
  "error.unexpected":
    "Algo salió mal de nuestro lado (referencia {requestId}). Inténtalo de nuevo en un momento.",
} as const;

export type TMessageKey = keyof typeof messagesEs;
