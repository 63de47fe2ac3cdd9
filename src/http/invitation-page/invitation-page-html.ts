// The invitation page as HTML, pure functions of what it shows: the form (Nueva contraseña,
// Confirmar nueva contraseña, each error on its field and linked to it by aria-describedby), the
// page after the password is saved, and the one page of every dead link. No script at all; the one
// stylesheet is inline and allowed by its hash in the Content-Security-Policy (see STYLE_HASH).
import { createHash } from "node:crypto";
import { DISPLAY_TIME_ZONE, INTL_LOCALE, type TLocale } from "../../i18n/locale.ts";
import { escapeHtml } from "../../infrastructure/email/templates/email-layout.ts";
import { invitationPageCopy } from "./copy.ts";

const STYLE = `
:root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--line:#9aa5b1;--accent:#0b5cad;--error:#b00020;--paper:#fff;--ground:#f2f4f7}
*{box-sizing:border-box}
body{margin:0;background:var(--ground);color:var(--ink);font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:var(--paper);border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.product{color:var(--muted);font-size:.9375rem;margin:0 0 .5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
p{margin:0 0 1rem}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin:0 0 .25rem}
.hint{color:var(--muted);font-size:.9375rem;margin:0 0 .5rem}
input[type=password]{display:block;width:100%;font:inherit;padding:.75rem;border:2px solid var(--line);border-radius:.5rem;background:var(--paper);color:var(--ink)}
input[type=password]:focus{outline:3px solid var(--accent);outline-offset:2px;border-color:var(--accent)}
input[aria-invalid=true]{border-color:var(--error)}
.error{color:var(--error);font-weight:600;margin:.5rem 0 0}
.summary{border-left:4px solid var(--error);padding:.5rem .75rem;background:#fdecee;color:var(--error);font-weight:600}
button,.button{display:inline-block;width:100%;font:inherit;font-weight:600;padding:.8rem 1rem;border:0;border-radius:.5rem;background:var(--accent);color:#fff;text-align:center;text-decoration:none;cursor:pointer}
button:focus,.button:focus{outline:3px solid var(--ink);outline-offset:2px}
@media (min-width:40rem){main{padding-top:3rem}.card{padding:2rem}}
`;

/** The CSP's `style-src` source for the page's one stylesheet. */
export const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE, "utf8").digest("base64")}'`;

export interface TInvitationFormView {
  readonly locale: TLocale;
  readonly username: string;
  readonly expiresAt: Date;
  readonly minimumLength: number;
  /** Where the form posts: the page's own path. */
  readonly action: string;
  /** The hidden field that proves the post came from this page (see invitation-form-key.ts). */
  readonly formKey: string;
  /** By field (`newPassword`, `confirmation`): the message shown under it. */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** A problem of the whole form (too many attempts). */
  readonly formError?: string;
}

export const FORM_FIELD = { NEW: "newPassword", CONFIRMATION: "confirmation", FORM_KEY: "formKey" } as const;

function page(locale: TLocale, title: string, body: string): string {
  const copy = invitationPageCopy(locale);
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)} · PremiumOne</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<main><div class="card">',
    `<p class="product">${escapeHtml(copy("page.product"))}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    "</div></main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function formatTime(time: Date, locale: TLocale): string {
  const formatted = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  }).format(time);
  return `${formatted.replaceAll(/[\u202f\u00a0]/g, " ")} (${invitationPageCopy(locale)("time_zone_name")})`;
}

function passwordField(options: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  autofocus: boolean;
}): string {
  const { id, error } = options;
  const describedBy = [`${id}-hint`, ...(error === undefined ? [] : [`${id}-error`])].join(" ");
  return [
    '<div class="field">',
    `<label for="${id}">${escapeHtml(options.label)}</label>`,
    `<p class="hint" id="${id}-hint">${escapeHtml(options.hint)}</p>`,
    `<input type="password" id="${id}" name="${id}" autocomplete="new-password" required` +
      ` aria-describedby="${describedBy}"${error === undefined ? "" : ' aria-invalid="true"'}` +
      `${options.autofocus ? " autofocus" : ""}>`,
    ...(error === undefined ? [] : [`<p class="error" id="${id}-error">${escapeHtml(error)}</p>`]),
    "</div>",
  ].join("\n");
}

export function invitationFormPage(view: TInvitationFormView): string {
  const copy = invitationPageCopy(view.locale);
  const errors = view.fieldErrors ?? {};
  const hasErrors = Object.keys(errors).length > 0 || view.formError !== undefined;
  const firstInvalid =
    errors[FORM_FIELD.NEW] !== undefined
      ? FORM_FIELD.NEW
      : errors[FORM_FIELD.CONFIRMATION] !== undefined
        ? FORM_FIELD.CONFIRMATION
        : undefined;
  const body = [
    `<p>${escapeHtml(copy("form.account", { username: view.username }))}</p>`,
    `<p>${escapeHtml(copy("form.expires", { expiresAt: formatTime(view.expiresAt, view.locale) }))}</p>`,
    ...(hasErrors
      ? [`<p class="summary" role="alert">${escapeHtml(view.formError ?? copy("form.errors_summary"))}</p>`]
      : []),
    `<form method="post" action="${escapeHtml(view.action)}">`,
    `<input type="hidden" name="${FORM_FIELD.FORM_KEY}" value="${escapeHtml(view.formKey)}">`,
    passwordField({
      id: FORM_FIELD.NEW,
      label: copy("form.new_password"),
      hint: copy("form.new_password_hint", { minimum: view.minimumLength }),
      error: errors[FORM_FIELD.NEW],
      autofocus: firstInvalid === undefined || firstInvalid === FORM_FIELD.NEW,
    }),
    passwordField({
      id: FORM_FIELD.CONFIRMATION,
      label: copy("form.confirmation"),
      hint: copy("form.confirmation_hint"),
      error: errors[FORM_FIELD.CONFIRMATION],
      autofocus: firstInvalid === FORM_FIELD.CONFIRMATION,
    }),
    `<button type="submit">${escapeHtml(copy("form.submit"))}</button>`,
    "</form>",
  ].join("\n");
  return page(view.locale, copy("form.title"), body);
}

export function invitationDonePage(options: {
  locale: TLocale;
  username: string;
  portalUrl: string;
}): string {
  const copy = invitationPageCopy(options.locale);
  const body = [
    `<p role="status">${escapeHtml(copy("done.body", { username: options.username }))}</p>`,
    `<p><a class="button" href="${escapeHtml(options.portalUrl)}">${escapeHtml(copy("done.portal"))}</a></p>`,
  ].join("\n");
  return page(options.locale, copy("done.title"), body);
}

/** A page with a title and one paragraph: a dead link, a refused or unreadable post, a failure. */
export function invitationNoticePage(
  locale: TLocale,
  kind: "invalid" | "refused" | "unreadable" | "failed",
): string {
  const copy = invitationPageCopy(locale);
  return page(locale, copy(`${kind}.title`), `<p>${escapeHtml(copy(`${kind}.body`))}</p>`);
}
