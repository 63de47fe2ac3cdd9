// The browser page of the sandbox, as a handler for the bot's own HTTP server: the page at `/`, its
// assets, a session (the page's words, the people, the app's commands, a token), a snapshot of what
// one person sees, an endpoint that drives that person's Slack client, and server-sent events
// telling the page that something changed (the workspace or the mailbox). `/sandbox/slack/…` is the
// stand-in for Slack's Web API and is left to its own handler.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLocale } from "../../i18n/locale.ts";
import type { TMailbox } from "../mailbox/mailbox.ts";
import type { TSlackChannel, TSlackUser } from "../slack-records.ts";
import type { TSlackUserSimulator } from "../slack-user-simulator.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import { SANDBOX_PAGE_COPY_KEYS, sandboxPageCopy } from "./copy.ts";
import { performPageAction, ZPageAction } from "./page-actions.ts";
import { pageHtml } from "./page-html.ts";
import { personSnapshot } from "./person-snapshot.ts";
import { actionRefusalReason, crossOriginReason, PAGE_TOKEN_HEADER, readJsonBody } from "./request-guard.ts";
import { loadSiteAssets } from "./site-assets.ts";
import { createNoticeBoard } from "./slack-notices.ts";
import { MANIFEST_APP_NAME, MANIFEST_SLASH_COMMANDS, type TSandboxSlashCommand } from "./slash-commands.ts";

export type { TSandboxSlashCommand } from "./slash-commands.ts";

export type TSandboxRole = "admin" | "support" | "accountant" | "nobody";

export interface TSandboxPersona {
  readonly user: TSlackUser;
  readonly role: TSandboxRole;
}

export interface TSandboxSiteOptions {
  readonly workspace: TSlackWorkspace;
  readonly mailbox: TMailbox;
  /** The person's Slack client (the same one for the same id). Called only after the bot has started. */
  readonly personFor: (slackUserId: string) => TSlackUserSimulator;
  readonly people: readonly TSandboxPersona[];
  readonly auditChannel: TSlackChannel;
  readonly locale: TLocale;
  /** True when demo data was loaded into the database at this start (the banner says so). */
  readonly demoData: boolean;
  /** The slash commands the composer suggests; manifest.yml's (MANIFEST_SLASH_COMMANDS) when left out. */
  readonly commands?: readonly TSandboxSlashCommand[];
  /** The app's name on its messages and DM; manifest.yml's display name when left out. */
  readonly appName?: string;
}

export interface TSandboxSite {
  /** Answers `/` and `/sandbox/...` (not `/sandbox/slack/...`, which is the Web API stand-in) and returns true; false for any other path, writing nothing. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Ends open server-sent-event streams (called when the bot stops). */
  close(): void;
}

/** Where the stand-in for Slack's Web API lives: not the page's. */
const SLACK_STAND_IN_PATH = "/sandbox/slack";
const EVENTS_PATH = "/sandbox/events";
const ASSETS_PATH = "/sandbox/assets/";
/** Changes come in bursts (a command posts, opens a view, writes the timeline): one ping per burst. */
const PING_COALESCING_MILLISECONDS = 25;
const HEARTBEAT_MILLISECONDS = 15_000;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Block Kit images are links to the app's own hosts, as in Slack.
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "no-referrer");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  setCommonHeaders(response);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify(body));
}

function isSandboxPath(path: string): boolean {
  if (path === SLACK_STAND_IN_PATH || path.startsWith(`${SLACK_STAND_IN_PATH}/`)) return false;
  return path === "/" || path === "/sandbox" || path.startsWith("/sandbox/");
}

export function createSandboxSite(options: TSandboxSiteOptions): TSandboxSite {
  const { workspace, mailbox, locale } = options;
  const commands = options.commands ?? MANIFEST_SLASH_COMMANDS;
  const appName = options.appName ?? MANIFEST_APP_NAME;
  const assets = loadSiteAssets();
  const html = pageHtml(locale, appName);
  const pageToken = randomBytes(32).toString("base64url");
  const streams = new Set<ServerResponse>();
  let pendingPing: NodeJS.Timeout | undefined;

  function ping(): void {
    if (pendingPing !== undefined || streams.size === 0) return;
    pendingPing = setTimeout(() => {
      pendingPing = undefined;
      for (const stream of streams) stream.write("event: changed\ndata: {}\n\n");
    }, PING_COALESCING_MILLISECONDS);
  }
  const notices = createNoticeBoard(ping);
  const unsubscribes = [workspace.subscribe(ping), mailbox.subscribe(ping)];
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": still here\n\n");
  }, HEARTBEAT_MILLISECONDS);
  heartbeat.unref();

  const personaOf = (id: string | null | undefined) =>
    id === null || id === undefined ? undefined : options.people.find((persona) => persona.user.id === id);

  function session() {
    const copy = sandboxPageCopy(locale);
    const words: Record<string, string> = {};
    for (const key of SANDBOX_PAGE_COPY_KEYS) words[key] = copy(key);
    const bot = workspace.user(workspace.app.botUserId);
    return {
      token: pageToken,
      tokenHeader: PAGE_TOKEN_HEADER,
      locale,
      appName,
      botUserId: workspace.app.botUserId,
      demoData: options.demoData,
      words,
      personas: options.people.map((persona) => ({
        id: persona.user.id,
        name: persona.user.name,
        realName: persona.user.realName,
        role: persona.role,
        directMessageChannelId: workspace.directMessageChannelOf(persona.user.id),
      })),
      users: [...workspace.users(), ...(bot === undefined ? [] : [{ ...bot, realName: appName }])].map(
        (user) => ({ id: user.id, name: user.name, realName: user.realName }),
      ),
      auditChannel: options.auditChannel,
      commands,
    };
  }

  function serveEvents(request: IncomingMessage, response: ServerResponse): void {
    setCommonHeaders(response);
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    response.write("retry: 1000\n\n");
    streams.add(response);
    request.on("close", () => streams.delete(response));
  }

  async function act(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = actionRefusalReason(request, pageToken);
    if (refusal !== undefined)
      return sendJson(response, 403, { ok: false, error: "forbidden", reason: refusal });
    const body = await readJsonBody(request);
    if (!body.ok) return sendJson(response, body.status, { ok: false, error: body.error });
    const parsed = ZPageAction.safeParse(body.value);
    if (!parsed.success)
      return sendJson(response, 400, {
        ok: false,
        error: "invalid_action",
        issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      });
    if (personaOf(parsed.data.as) === undefined)
      return sendJson(response, 403, { ok: false, error: "unknown_persona" });
    const result = await performPageAction(parsed.data, {
      workspace,
      person: options.personFor(parsed.data.as),
      personFor: (id) => (personaOf(id) === undefined ? undefined : options.personFor(id)),
      commands,
      notices,
      locale,
    });
    sendJson(response, 200, result);
  }

  function snapshot(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const refusal = actionRefusalReason(request, pageToken);
    const persona = personaOf(url.searchParams.get("as"));
    if (refusal !== undefined) sendJson(response, 403, { ok: false, error: "forbidden", reason: refusal });
    else if (persona === undefined) sendJson(response, 403, { ok: false, error: "unknown_persona" });
    else {
      const shown = personSnapshot(options.personFor(persona.user.id), {
        workspace,
        mailbox,
        auditChannel: options.auditChannel,
        notices,
        locale,
      });
      sendJson(response, 200, shown);
    }
  }

  function serveStatic(response: ServerResponse, method: string, contentType: string, body: string | Buffer) {
    setCommonHeaders(response);
    response.writeHead(200, {
      "Content-Type": contentType,
      "Cache-Control": contentType.startsWith("text/html") ? "no-store" : "no-cache",
    });
    response.end(method === "HEAD" ? undefined : body);
  }

  /** The page's reads: only from its own origin (a read of another site's is no one's business). */
  function serveRead(request: IncomingMessage, response: ServerResponse, url: URL, method: string): void {
    const path = url.pathname;
    const crossOrigin = crossOriginReason(request);
    const asset = path.startsWith(ASSETS_PATH) ? assets.get(path.slice(ASSETS_PATH.length)) : undefined;
    if (path === "/") serveStatic(response, method, "text/html; charset=utf-8", html);
    else if (asset !== undefined) serveStatic(response, method, asset.contentType, asset.body);
    else if (path === "/sandbox/api/snapshot") snapshot(request, response, url);
    else if (path !== "/sandbox/api/session" && path !== EVENTS_PATH)
      sendJson(response, 404, { ok: false, error: "not_found" });
    else if (crossOrigin !== undefined)
      sendJson(response, 403, { ok: false, error: "forbidden", reason: crossOrigin });
    else if (path === EVENTS_PATH) serveEvents(request, response);
    else sendJson(response, 200, session());
  }

  function route(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const method = request.method ?? "GET";
    if (method === "POST" && url.pathname === "/sandbox/api/act") {
      act(request, response).catch((error: unknown) => {
        if (response.headersSent) response.end();
        else
          sendJson(response, 500, {
            ok: false,
            error: "internal_error",
            message: error instanceof Error ? error.message : String(error),
          });
      });
    } else if (method === "GET" || method === "HEAD") serveRead(request, response, url, method);
    else sendJson(response, 405, { ok: false, error: "method_not_allowed" });
  }

  return {
    handle(request, response) {
      const url = new URL(request.url ?? "/", "http://sandbox.invalid");
      if (!isSandboxPath(url.pathname)) return false;
      route(request, response, url);
      return true;
    },
    close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      clearInterval(heartbeat);
      if (pendingPing !== undefined) clearTimeout(pendingPing);
      pendingPing = undefined;
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
