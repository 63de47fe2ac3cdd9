// GET and POST /acceso/<token>: the page where the owner of an invitation link chooses the
// account's password (CREDENTIAL_DELIVERY=link). Thin over the use cases of
// application/users/set-password-with-invitation.ts. Every answer carries the same hardened headers;
// a wrong, used, voided or expired link gets one and the same answer (404, one body) whatever the
// method. A post is accepted only from the page itself: no cross-site Sec-Fetch-Site, no foreign
// Origin, and the hidden form key derived from the link. The token is never logged.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import type { Logger } from "../../application/ports/logger.ts";
import { findOpenInvitation, INVITATION_PATH_PREFIX } from "../../application/users/invitation-links.ts";
import {
  InvitationField,
  setPasswordWithInvitation,
} from "../../application/users/set-password-with-invitation.ts";
import { ErrorCode, isDomainError, ValidationError } from "../../domain/errors.ts";
import { errorMessage } from "../../i18n/translate.ts";
import type { TRequestHandler } from "../http-server.ts";
import { createInvitationFormKeys } from "./invitation-form-key.ts";
import {
  FORM_FIELD,
  invitationDonePage,
  invitationFormPage,
  invitationNoticePage,
  STYLE_HASH,
} from "./invitation-page-html.ts";

export const INVITATION_PAGE_MAXIMUM_BODY_BYTES = 16 * 1024;

/** Sent with every answer of the page, whatever it says. */
export const INVITATION_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  pragma: "no-cache",
  "referrer-policy": "no-referrer",
  "content-security-policy": `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

export interface TInvitationPageOptions {
  readonly dependencies: TUseCaseDependencies;
  /** The server's secret key (the outbox sealing key): the form keys are derived from it. */
  readonly serverKey: Buffer;
  readonly logger: Logger;
}

class UnreadableBody extends Error {
  constructor(readonly status: 413 | 415) {
    super(status === 413 ? "body too large" : "not a form body");
  }
}

export function createInvitationPageHandler(options: TInvitationPageOptions): TRequestHandler {
  const { dependencies, logger } = options;
  const formKeys = createInvitationFormKeys(options.serverKey);
  const locale = dependencies.settings.locale;

  function send(response: ServerResponse, status: number, html: string, extra: Record<string, string> = {}) {
    response.writeHead(status, { ...INVITATION_PAGE_HEADERS, ...extra });
    response.end(html);
  }
  const deadLink = (response: ServerResponse) => send(response, 404, invitationNoticePage(locale, "invalid"));

  /** A post that did not come from the page itself: a browser says so, or names another origin. */
  function crossSite(request: IncomingMessage): boolean {
    const site = headerOf(request, "sec-fetch-site");
    if (site !== undefined && site !== "same-origin" && site !== "none") return true;
    const origin = headerOf(request, "origin");
    // Under Referrer-Policy: no-referrer a browser's own form post says `Origin: null`.
    if (origin === undefined || origin === "null") return false;
    const host = headerOf(request, "host");
    const allowed = new Set([new URL(dependencies.settings.publicUrl).origin]);
    if (host !== undefined) allowed.add(`http://${host}`).add(`https://${host}`);
    return !allowed.has(origin);
  }

  async function showForm(response: ServerResponse, token: string) {
    const invitation = await findOpenInvitation(dependencies.database.prisma, token, dependencies.clock());
    if (invitation === undefined) return deadLink(response);
    send(
      response,
      200,
      invitationFormPage({
        locale,
        username: invitation.username,
        expiresAt: invitation.expiresAt,
        minimumLength: dependencies.settings.passwordMinimumLength,
        action: `${INVITATION_PATH_PREFIX}${token}`,
        formKey: formKeys.keyFor(invitation.tokenHash),
      }),
    );
  }

  async function submit(request: IncomingMessage, response: ServerResponse, token: string) {
    if (crossSite(request)) {
      request.resume();
      return send(response, 403, invitationNoticePage(locale, "refused"));
    }
    let form: URLSearchParams;
    try {
      form = await readForm(request);
    } catch (error) {
      if (!(error instanceof UnreadableBody)) throw error;
      return send(response, error.status, invitationNoticePage(locale, "unreadable"), {
        connection: "close",
      });
    }
    const invitation = await findOpenInvitation(dependencies.database.prisma, token, dependencies.clock());
    if (invitation === undefined) return deadLink(response);
    if (!formKeys.matches(invitation.tokenHash, form.get(FORM_FIELD.FORM_KEY) ?? "")) {
      return send(response, 403, invitationNoticePage(locale, "refused"));
    }
    const formPage = (status: number, errors: { fieldErrors?: Record<string, string>; formError?: string }) =>
      send(
        response,
        status,
        invitationFormPage({
          locale,
          username: invitation.username,
          expiresAt: invitation.expiresAt,
          minimumLength: dependencies.settings.passwordMinimumLength,
          action: `${INVITATION_PATH_PREFIX}${token}`,
          formKey: formKeys.keyFor(invitation.tokenHash),
          ...errors,
        }),
      );
    try {
      const saved = await setPasswordWithInvitation(dependencies, {
        requestId: randomUUID(),
        input: {
          token,
          newPassword: form.get(InvitationField.NEW) ?? "",
          confirmation: form.get(InvitationField.CONFIRMATION) ?? "",
        },
      });
      send(
        response,
        200,
        invitationDonePage({ locale, username: saved.username, portalUrl: dependencies.settings.portalUrl }),
      );
    } catch (error) {
      if (error instanceof ValidationError) {
        const fieldErrors: Record<string, string> = {};
        for (const problem of error.fieldErrors) {
          fieldErrors[problem.field] ??= errorMessage(locale, problem.code, problem.parameters);
        }
        return formPage(422, { fieldErrors });
      }
      if (isDomainError(error) && error.code === ErrorCode.INVITATION_LINK_INVALID) return deadLink(response);
      if (isDomainError(error) && error.code === ErrorCode.INVITATION_LINK_RATE_LIMITED) {
        response.setHeader("retry-after", String(error.parameters.seconds ?? 60));
        return formPage(429, { formError: errorMessage(locale, error.code, error.parameters) });
      }
      throw error;
    }
  }

  async function answer(request: IncomingMessage, response: ServerResponse, path: string) {
    const token = path.slice(INVITATION_PATH_PREFIX.length);
    switch (request.method) {
      case "GET":
      case "HEAD":
        return showForm(response, token);
      case "POST":
        return submit(request, response, token);
      default:
        request.resume();
        return send(response, 405, invitationNoticePage(locale, "unreadable"), { allow: "GET, HEAD, POST" });
    }
  }

  return (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith(INVITATION_PATH_PREFIX)) return false;
    answer(request, response, path).catch((error: unknown) => {
      // The path holds the token: it stays out of the log.
      logger.error({ err: error, route: "invitation_page" }, "the invitation page failed");
      if (!response.headersSent) send(response, 500, invitationNoticePage(locale, "failed"));
      else response.end();
    });
    return true;
  };
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The urlencoded body of a plain HTML form, up to the limit. */
function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (headerOf(request, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    request.resume();
    return Promise.reject(new UnreadableBody(415));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > INVITATION_PAGE_MAXIMUM_BODY_BYTES) {
        done = true;
        request.resume();
        reject(new UnreadableBody(413));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (done) return;
      done = true;
      resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    });
    request.on("error", (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
