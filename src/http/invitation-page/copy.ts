// Every word of the invitation page (GET/POST /acceso/<token>), Spanish first (the default),
// English with exactly the same keys. The password rules' messages come from the shared catalogue.
import { defineCopy } from "../../i18n/define-copy.ts";

export const invitationPageCopy = defineCopy(
  {
    "page.product": "Portal de facturación PremiumOne",
    "form.title": "Crea tu contraseña",
    "form.account": "Cuenta: {username}",
    "form.expires": "Este enlace sirve una sola vez y vence el {expiresAt}.",
    "form.new_password": "Nueva contraseña",
    "form.new_password_hint":
      "Al menos {minimum} caracteres; una frase larga que no uses en otro sitio es ideal. Sin reglas de mayúsculas ni símbolos.",
    "form.confirmation": "Confirmar nueva contraseña",
    "form.confirmation_hint": "Escríbela otra vez, igual.",
    "form.submit": "Guardar contraseña",
    "form.errors_summary": "No se guardó la contraseña: revisa los campos marcados.",
    "done.title": "Listo: tu contraseña quedó guardada",
    "done.body": "Ya puedes entrar al portal con tu cuenta {username} y la contraseña que elegiste.",
    "done.portal": "Ir al portal",
    "invalid.title": "Este enlace ya no sirve",
    "invalid.body":
      "El enlace no es válido: ya se usó, venció o un restablecimiento posterior lo reemplazó. Pide a un administrador que restablezca tu contraseña; te llegará un enlace nuevo.",
    "refused.title": "No se pudo enviar el formulario",
    "refused.body":
      "Por seguridad, la contraseña solo se guarda desde la página del enlace de tu correo. Vuelve a abrir ese enlace y escríbela ahí.",
    "unreadable.title": "No se pudo leer el formulario",
    "unreadable.body": "Vuelve a abrir el enlace de tu correo y envía el formulario desde ahí.",
    "failed.title": "Algo falló",
    "failed.body":
      "No se guardó nada. Inténtalo de nuevo en unos minutos; si sigue fallando, avisa a la mesa de ayuda.",
    time_zone_name: "hora de la Ciudad de México",
  },
  {
    "page.product": "PremiumOne invoicing portal",
    "form.title": "Choose your password",
    "form.account": "Account: {username}",
    "form.expires": "This link works once and expires on {expiresAt}.",
    "form.new_password": "New password",
    "form.new_password_hint":
      "At least {minimum} characters; a long phrase you use nowhere else is ideal. No rules about capitals or symbols.",
    "form.confirmation": "Confirm new password",
    "form.confirmation_hint": "Type it again, the same.",
    "form.submit": "Save password",
    "form.errors_summary": "The password was not saved: check the marked fields.",
    "done.title": "Done: your password is saved",
    "done.body": "You can now sign in to the portal with your account {username} and the password you chose.",
    "done.portal": "Go to the portal",
    "invalid.title": "This link no longer works",
    "invalid.body":
      "The link is not valid: it was used, it expired or a later reset replaced it. Ask an administrator to reset your password; a new link will reach you.",
    "refused.title": "The form could not be sent",
    "refused.body":
      "For your safety, the password is only saved from the page of the link in your email. Open that link again and type it there.",
    "unreadable.title": "The form could not be read",
    "unreadable.body": "Open the link in your email again and send the form from there.",
    "failed.title": "Something failed",
    "failed.body":
      "Nothing was saved. Try again in a few minutes; if it keeps failing, tell the service desk.",
    time_zone_name: "Mexico City time",
  },
);
