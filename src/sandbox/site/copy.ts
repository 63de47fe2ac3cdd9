// The sandbox page's own words (the bot's come from the bot): the banner, the person switcher, the
// sidebar, the composer, Slack's client notices, the inbox and the developer panel with the name and
// the reason of each refusal. `{name}` marks a value; the page fills the ones only it knows.
import { defineCopy, type TCopyKey } from "../../i18n/define-copy.ts";

const spanish = {
  "page.title": "Sandbox de {app}",
  "page.loading": "Cargando el sandbox…",
  "page.no_script": "Esta página necesita JavaScript: es un simulador de Slack.",
  "banner.label": "Aviso del sandbox",
  "banner.sandbox":
    "Esto no es Slack: es un simulador local. El bot es el real y habla con un Slack de mentira; ningún correo sale, todos se quedan en la Bandeja de entrada.",
  "banner.demo_loaded":
    "Se cargaron datos de demostración en la base de datos vacía; están marcados como demo.",
  "banner.demo_not_loaded": "No se cargaron datos de demostración en este arranque.",
  "banner.connect":
    "Para conectar un workspace real: crea la app con manifest.yml y define SLACK_BOT_TOKEN y SLACK_SIGNING_SECRET (ver el README).",
  "persona.label": "Eres",
  "persona.option": "{role} — {realName} (@{name})",
  "role.admin": "Administrador",
  "role.support": "Agente de soporte",
  "role.accountant": "Usuaria del portal",
  "role.nobody": "Persona sin cuenta",
  "sidebar.label": "Workspace del sandbox",
  "sidebar.apps": "Apps",
  "sidebar.channels": "Canales",
  "sidebar.sandbox": "Sandbox",
  "nav.messages": "Mensajes",
  "nav.home": "Inicio",
  "nav.inbox": "Bandeja de entrada",
  "nav.developer": "Panel de desarrollo",
  "nav.new": "nuevos",
  "conversation.dm_subtitle": "Mensaje directo con la app",
  "conversation.channel_subtitle": "Canal de auditoría",
  "conversation.messages_label": "Mensajes de {name}",
  "conversation.empty":
    "Aún no hay mensajes aquí. Escribe /usuarios para ver las cuentas (como admin), /micuenta para la tuya, o /usuarios ayuda.",
  "message.ephemeral": "Solo tú puedes ver esto",
  "message.edited": "(editado)",
  "message.app_badge": "APP",
  "message.slackbot": "Slackbot",
  "message.unsupported_block": "[bloque {type}: el sandbox no lo muestra]",
  "composer.label": "Mensaje para {app}",
  "composer.placeholder": "Escribe un mensaje o un comando: /usuarios, /micuenta…",
  "composer.send": "Enviar",
  "composer.hint": "Enter envía · Mayús+Enter hace un salto de línea · / muestra los comandos",
  "composer.suggestions": "Comandos de la app",
  "composer.channel_note": "El bot no lee este canal: escribe los comandos en su mensaje directo.",
  "notice.unknown_command":
    "{command} no es un comando válido. En Slack, todo mensaje que empieza con «/» se interpreta como comando.",
  "notice.command_failed": "{command} falló con el error «{error}»",
  "notice.action_failed": "La app no respondió como Slack espera («{error}»): Slack no aplicó su respuesta.",
  "notice.home_failed": "La pestaña Inicio no se pudo abrir: la app respondió «{error}».",
  "notice.modal_failed": "Tuvimos problemas para conectar con la app («{error}»). ¿Intentas de nuevo?",
  "status.sending": "Enviando…",
  "status.client_refusal": "Slack no deja hacer eso: {message}",
  "status.unreachable": "No se pudo hablar con el sandbox: {message}",
  "status.slack_refused":
    "Slack rechazó una llamada del bot: {name} → {error}. Detalles en el panel de desarrollo.",
  "status.modal_opened": "Se abrió «{title}».",
  "home.title": "Inicio",
  "home.opening": "Abriendo la pestaña Inicio…",
  "home.empty": "La app todavía no publicó su pestaña Inicio.",
  "modal.optional": "(opcional)",
  "modal.stack": "Vista {position} de {count}",
  "modal.choose": "Elige una opción",
  "modal.choose_person": "Elige a una persona",
  "modal.search": "Escribe para buscar",
  "modal.searching": "Buscando…",
  "modal.no_options": "Sin opciones",
  "modal.remove": "Quitar {label}",
  "modal.selected": "Elegidos",
  "modal.filter": "Filtrar las opciones",
  "modal.none_selected": "Nada elegido todavía.",
  "overflow.label": "Más acciones",
  "inbox.title": "Bandeja de entrada",
  "inbox.intro": "Cada correo que envió el bot, tal como lo habría recibido un servidor SMTP.",
  "inbox.empty": "El bot todavía no envió correos.",
  "inbox.list_label": "Correos",
  "inbox.pick": "Elige un correo para leerlo.",
  "inbox.from": "De",
  "inbox.to": "Para",
  "inbox.date": "Fecha",
  "inbox.no_subject": "(sin asunto)",
  "inbox.body_label": "Texto del correo",
  "developer.title": "Panel de desarrollo",
  "developer.intro":
    "Todo lo que el bot y Slack se dijeron, lo más reciente primero (sin tokens). Lo que Slack rechazó está resaltado y explicado.",
  "developer.only_problems": "Solo los rechazos",
  "developer.empty": "Nada todavía.",
  "developer.list_label": "Línea de tiempo",
  "developer.kind.api_call": "Web API",
  "developer.kind.response_url": "response_url",
  "developer.kind.app_request": "Slack → app",
  "developer.status": "HTTP {status}",
  "developer.refused": "Rechazado",
  "developer.details": "Ver lo enviado y la respuesta",
  "developer.request": "Enviado",
  "developer.response": "Respuesta",
  "developer.person": "Persona: {name}",
  "problem.exchanged_trigger_id":
    "trigger_id usado dos veces: {method} respondió exchanged_trigger_id — un trigger_id sirve para un solo views.open en 3 s.",
  "problem.expired_trigger_id":
    "trigger_id vencido: {method} respondió expired_trigger_id — el modal debe abrirse dentro de los 3 s siguientes a la interacción.",
  "problem.invalid_trigger_id":
    "trigger_id desconocido: {method} respondió invalid_trigger_id — Slack no emitió ese trigger_id.",
  "problem.invalid_blocks":
    "Block Kit inválido: {method} respondió invalid_blocks — el mensaje rompe un límite de Block Kit.",
  "problem.invalid_blocks_format":
    "Block Kit mal formado: {method} respondió invalid_blocks_format — blocks debe ser una lista de bloques.",
  "problem.invalid_arguments":
    "Vista inválida: {method} respondió invalid_arguments — la vista rompe un límite de Block Kit o le falta un argumento.",
  "problem.hash_conflict":
    "{method} respondió hash_conflict — la vista cambió después de que la app leyó su hash.",
  "problem.push_limit_reached": "{method} respondió push_limit_reached — Slack apila como mucho tres vistas.",
  "problem.not_found": "{method} respondió not_found — la vista ya se cerró o no existe.",
  "problem.channel_not_found": "{method} respondió channel_not_found — el bot no conoce ese canal.",
  "problem.message_not_found": "{method} respondió message_not_found — ese mensaje ya no está.",
  "problem.users_not_found": "{method} respondió users_not_found — nadie del workspace tiene ese correo.",
  "problem.user_not_found": "{method} respondió user_not_found — esa persona no está en el workspace.",
  "problem.user_not_in_channel": "{method} respondió user_not_in_channel — la persona no está en ese canal.",
  "problem.no_text": "{method} respondió no_text — el mensaje no trae ni texto ni bloques.",
  "problem.msg_too_long": "{method} respondió msg_too_long — el texto pasa del límite de Slack.",
  "problem.duplicate_external_id":
    "{method} respondió duplicate_external_id — otra vista ya usa ese external_id.",
  "problem.invalid_auth": "{method} respondió invalid_auth — el token del bot no es el del workspace.",
  "problem.not_authed": "{method} respondió not_authed — la llamada no llevaba token.",
  "problem.unknown_method":
    "{method} respondió unknown_method — Slack no tiene ese método (o el sandbox no lo imita).",
  "problem.not_implemented_in_sandbox": "{method}: el sandbox no imita esa forma de la llamada.",
  "problem.used_url":
    "response_url gastada: respondió used_url — una response_url sirve para cinco mensajes en 30 minutos.",
  "problem.expired_url": "response_url vencida: respondió expired_url — una response_url dura 30 minutos.",
  "problem.no_service": "response_url desconocida: respondió no_service.",
  "problem.invalid_payload": "response_url: respondió invalid_payload — el cuerpo no era un objeto JSON.",
  "problem.operation_timeout":
    "La app tardó más de 3 s en responder ({name}): Slack le muestra a la persona operation_timeout y descarta la respuesta.",
  "problem.http_error":
    "La app respondió HTTP {status} a {name}: Slack le muestra un error a la persona y descarta la respuesta.",
  "problem.answer_refused": "Slack no aceptó la respuesta de la app a {name}: {reasons}",
  "problem.other": "{method} respondió {error}.",
} as const;

export const sandboxPageCopy = defineCopy(spanish, {
  "page.title": "{app} sandbox",
  "page.loading": "Loading the sandbox…",
  "page.no_script": "This page needs JavaScript: it is a Slack simulator.",
  "banner.label": "Sandbox notice",
  "banner.sandbox":
    "This is not Slack: it is a local simulator. The bot is the real one and talks to a make-believe Slack; no email leaves, they all stay in the Inbox.",
  "banner.demo_loaded": "Demo data was loaded into the empty database; it is marked as demo.",
  "banner.demo_not_loaded": "No demo data was loaded at this start.",
  "banner.connect":
    "To connect a real workspace: create the app from manifest.yml and set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see the README).",
  "persona.label": "You are",
  "persona.option": "{role} — {realName} (@{name})",
  "role.admin": "Admin",
  "role.support": "Support agent",
  "role.accountant": "Portal user",
  "role.nobody": "Person with no account",
  "sidebar.label": "Sandbox workspace",
  "sidebar.apps": "Apps",
  "sidebar.channels": "Channels",
  "sidebar.sandbox": "Sandbox",
  "nav.messages": "Messages",
  "nav.home": "Home",
  "nav.inbox": "Inbox",
  "nav.developer": "Developer panel",
  "nav.new": "new",
  "conversation.dm_subtitle": "Direct message with the app",
  "conversation.channel_subtitle": "Audit channel",
  "conversation.messages_label": "Messages of {name}",
  "conversation.empty":
    "No messages here yet. Type /usuarios to see the accounts (as an admin), /micuenta for your own, or /usuarios ayuda.",
  "message.ephemeral": "Only visible to you",
  "message.edited": "(edited)",
  "message.app_badge": "APP",
  "message.slackbot": "Slackbot",
  "message.unsupported_block": "[{type} block: the sandbox does not show it]",
  "composer.label": "Message to {app}",
  "composer.placeholder": "Write a message or a command: /usuarios, /micuenta…",
  "composer.send": "Send",
  "composer.hint": "Enter sends · Shift+Enter adds a line · / lists the commands",
  "composer.suggestions": "The app's commands",
  "composer.channel_note": "The bot does not read this channel: write commands in its direct message.",
  "notice.unknown_command":
    "{command} is not a valid command. In Slack, all messages that start with the “/” character are interpreted as commands.",
  "notice.command_failed": "{command} failed with the error “{error}”",
  "notice.action_failed":
    "The app did not answer as Slack expects (“{error}”): Slack did not apply its answer.",
  "notice.home_failed": "The Home tab could not open: the app answered “{error}”.",
  "notice.modal_failed": "We had some trouble connecting to the app (“{error}”). Try again?",
  "status.sending": "Sending…",
  "status.client_refusal": "Slack does not let you do that: {message}",
  "status.unreachable": "Could not reach the sandbox: {message}",
  "status.slack_refused":
    "Slack refused a call of the bot: {name} → {error}. Details in the developer panel.",
  "status.modal_opened": "“{title}” opened.",
  "home.title": "Home",
  "home.opening": "Opening the Home tab…",
  "home.empty": "The app has not published its Home tab yet.",
  "modal.optional": "(optional)",
  "modal.stack": "View {position} of {count}",
  "modal.choose": "Choose an option",
  "modal.choose_person": "Choose a person",
  "modal.search": "Type to search",
  "modal.searching": "Searching…",
  "modal.no_options": "No options",
  "modal.remove": "Remove {label}",
  "modal.selected": "Chosen",
  "modal.filter": "Filter the options",
  "modal.none_selected": "Nothing chosen yet.",
  "overflow.label": "More actions",
  "inbox.title": "Inbox",
  "inbox.intro": "Every email the bot sent, as an SMTP server would have received it.",
  "inbox.empty": "The bot has not sent any email yet.",
  "inbox.list_label": "Emails",
  "inbox.pick": "Choose an email to read it.",
  "inbox.from": "From",
  "inbox.to": "To",
  "inbox.date": "Date",
  "inbox.no_subject": "(no subject)",
  "inbox.body_label": "Email text",
  "developer.title": "Developer panel",
  "developer.intro":
    "Everything the bot and Slack said to each other, latest first (tokens left out). What Slack refused is highlighted and explained.",
  "developer.only_problems": "Refusals only",
  "developer.empty": "Nothing yet.",
  "developer.list_label": "Timeline",
  "developer.kind.api_call": "Web API",
  "developer.kind.response_url": "response_url",
  "developer.kind.app_request": "Slack → app",
  "developer.status": "HTTP {status}",
  "developer.refused": "Refused",
  "developer.details": "Show what was sent and the answer",
  "developer.request": "Sent",
  "developer.response": "Answer",
  "developer.person": "Person: {name}",
  "problem.exchanged_trigger_id":
    "trigger_id used twice: {method} answered exchanged_trigger_id — a trigger_id is good for one views.open within 3 s.",
  "problem.expired_trigger_id":
    "trigger_id expired: {method} answered expired_trigger_id — the modal must open within 3 s of the interaction.",
  "problem.invalid_trigger_id":
    "Unknown trigger_id: {method} answered invalid_trigger_id — Slack never issued that trigger_id.",
  "problem.invalid_blocks":
    "Invalid Block Kit: {method} answered invalid_blocks — the message breaks a Block Kit limit.",
  "problem.invalid_blocks_format":
    "Malformed Block Kit: {method} answered invalid_blocks_format — blocks must be a list of blocks.",
  "problem.invalid_arguments":
    "Invalid view: {method} answered invalid_arguments — the view breaks a Block Kit limit or lacks an argument.",
  "problem.hash_conflict": "{method} answered hash_conflict — the view changed after the app read its hash.",
  "problem.push_limit_reached": "{method} answered push_limit_reached — Slack stacks at most three views.",
  "problem.not_found": "{method} answered not_found — the view is closed or does not exist.",
  "problem.channel_not_found": "{method} answered channel_not_found — the bot does not know that channel.",
  "problem.message_not_found": "{method} answered message_not_found — that message is gone.",
  "problem.users_not_found": "{method} answered users_not_found — nobody in the workspace has that email.",
  "problem.user_not_found": "{method} answered user_not_found — that person is not in the workspace.",
  "problem.user_not_in_channel": "{method} answered user_not_in_channel — the person is not in that channel.",
  "problem.no_text": "{method} answered no_text — the message has neither text nor blocks.",
  "problem.msg_too_long": "{method} answered msg_too_long — the text is over Slack's limit.",
  "problem.duplicate_external_id":
    "{method} answered duplicate_external_id — another view already uses that external_id.",
  "problem.invalid_auth": "{method} answered invalid_auth — the bot's token is not the workspace's.",
  "problem.not_authed": "{method} answered not_authed — the call carried no token.",
  "problem.unknown_method":
    "{method} answered unknown_method — Slack has no such method (or the sandbox does not imitate it).",
  "problem.not_implemented_in_sandbox": "{method}: the sandbox does not imitate that form of the call.",
  "problem.used_url":
    "Spent response_url: it answered used_url — a response_url takes five messages in 30 minutes.",
  "problem.expired_url": "Expired response_url: it answered expired_url — a response_url lasts 30 minutes.",
  "problem.no_service": "Unknown response_url: it answered no_service.",
  "problem.invalid_payload": "response_url: it answered invalid_payload — the body was not a JSON object.",
  "problem.operation_timeout":
    "The app took more than 3 s to answer ({name}): Slack shows the person operation_timeout and drops the answer.",
  "problem.http_error":
    "The app answered HTTP {status} to {name}: Slack shows the person an error and drops the answer.",
  "problem.answer_refused": "Slack did not accept the app's answer to {name}: {reasons}",
  "problem.other": "{method} answered {error}.",
});

export type TSandboxPageCopyKey = TCopyKey<typeof sandboxPageCopy>;

function isPageCopyKey(key: string): key is TSandboxPageCopyKey {
  return Object.hasOwn(spanish, key);
}

/** Every key of the catalogue: the page receives the whole table in its language. */
export const SANDBOX_PAGE_COPY_KEYS: readonly TSandboxPageCopyKey[] =
  Object.keys(spanish).filter(isPageCopyKey);
