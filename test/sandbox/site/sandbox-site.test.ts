// The sandbox page's JSON API with the real bot behind it: what a person sees, a command's ephemeral
// answer, the create-user modal with field errors (the client's and the app's), an email in the inbox,
// a refusal of Slack's named for the developer panel, the live-update stream, and the requests the
// page must refuse (another origin, no token, an unknown persona, a malformed or oversized body).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_BOT } from "../../../src/sandbox/cast.ts";
import { PAGE_TOKEN_HEADER } from "../../../src/sandbox/site/request-guard.ts";
import { UserFormBlockId } from "../../../src/slack/features/users/ids.ts";
import { PEOPLE } from "../../support/slack-harness.ts";
import { startSiteFixture, type TSiteFixture } from "./site-fixture.ts";

interface TSession {
  readonly token: string;
  readonly words: Record<string, string>;
  readonly personas: readonly { id: string; role: string }[];
  readonly commands: readonly { command: string }[];
}

interface TSnapshotView {
  readonly id: string;
  readonly title: string;
  readonly errors: Record<string, string>;
  readonly definition: { blocks: { block_id: string; element?: { action_id: string } }[] };
}

interface TSnapshot {
  readonly person: string;
  readonly conversations: readonly {
    id: string;
    kind: string;
    name: string;
    messages: readonly { ephemeral: boolean; text: string; fromApp: boolean }[];
  }[];
  readonly modals: readonly TSnapshotView[];
  readonly home: unknown;
  readonly inbox: readonly { to: string[]; subject: string; text: string }[];
  readonly timeline: readonly {
    sequence: number;
    name: string;
    problem: { code: string; explanation: string } | null;
  }[];
}

let fixture: TSiteFixture;
let session: TSession;

function sameOriginHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Origin: fixture.origin, "Sec-Fetch-Site": "same-origin", ...extra };
}

async function act(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fixture.origin}/sandbox/api/act`, {
    method: "POST",
    headers: sameOriginHeaders({
      "Content-Type": "application/json",
      [PAGE_TOKEN_HEADER]: session.token,
      ...headers,
    }),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function snapshot(as: string): Promise<TSnapshot> {
  const response = await fetch(`${fixture.origin}/sandbox/api/snapshot?as=${as}`, {
    headers: sameOriginHeaders({ [PAGE_TOKEN_HEADER]: session.token }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as TSnapshot;
}

/** Polls the person's snapshot until `find` sees what is wanted (the app works after its ack). */
async function eventually<TValue>(
  as: string,
  find: (shown: TSnapshot) => TValue | undefined,
): Promise<TValue> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = find(await snapshot(as));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`the snapshot of ${as} never showed what was awaited`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const admin = PEOPLE.admin.id;
const directMessage = (shown: TSnapshot) =>
  shown.conversations.find((entry) => entry.kind === "direct_message");

beforeAll(async () => {
  fixture = await startSiteFixture();
  const response = await fetch(`${fixture.origin}/sandbox/api/session`, { headers: sameOriginHeaders() });
  session = (await response.json()) as TSession;
});

afterAll(async () => {
  await fixture?.stop();
});

describe("the sandbox page", () => {
  it("serves the page and its assets with a strict policy, and leaves other paths to the bot", async () => {
    const page = await fetch(`${fixture.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    const script = await fetch(`${fixture.origin}/sandbox/assets/page.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await fetch(`${fixture.origin}/sandbox/assets/../copy.ts`)).status).toBe(404);
    for (const path of ["/healthz", "/slack/events", "/sandbox/slack/api/auth.test"]) {
      expect(await (await fetch(`${fixture.origin}${path}`)).text(), path).toBe("not the page's");
    }
  });

  it("gives the page its words, the four personas and the manifest's commands", () => {
    expect(session.words["message.ephemeral"]).toBe("Solo tú puedes ver esto");
    expect(session.personas.map((persona) => persona.role)).toEqual([
      "admin",
      "support",
      "accountant",
      "nobody",
    ]);
    expect(session.commands.map((command) => command.command)).toEqual([
      "/usuarios",
      "/lugares",
      "/auditoria",
      "/micuenta",
    ]);
  });

  it("shows a person their DM with the app, the audit channel, no modal and the inbox", async () => {
    const shown = await snapshot(admin);
    expect(shown.person).toBe(admin);
    expect(shown.conversations.map((entry) => [entry.kind, entry.name])).toEqual([
      ["direct_message", PEOPLE.admin.name],
      ["channel", "auditoria-premiumone"],
    ]);
    expect(shown.modals).toEqual([]);
    expect(shown.home).toBeNull();
    expect(Array.isArray(shown.inbox)).toBe(true);
  });

  it("runs a slash command and shows its ephemeral answer in the DM", async () => {
    const { status, body } = await act({ kind: "command", as: admin, command: "/usuarios", text: "ayuda" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, answer: { acknowledged: true, refusedBySlack: [] } });
    const answer = await eventually(admin, (shown) =>
      directMessage(shown)?.messages.findLast((entry) => entry.ephemeral),
    );
    expect(answer.fromApp).toBe(true);
    expect(answer.text).toContain("/usuarios");
  });

  it("answers an unknown command as Slack's client does, without bothering the app", async () => {
    const { body } = await act({ kind: "command", as: admin, command: "/nada", text: "" });
    expect(body).toMatchObject({ ok: false, refusal: "unknown_command" });
    expect(String(body.message)).toContain("/nada no es un comando válido");
  });

  it("opens the create-user modal; the client's and then the app's field errors show on the fields", async () => {
    await act({ kind: "command", as: admin, command: "/usuarios", text: "nuevo" });
    const modal = await eventually(admin, (shown) => shown.modals.at(-1));
    expect(modal.title).toBe("Nuevo usuario");
    const actionIdOf = (blockId: string) =>
      modal.definition.blocks.find((block) => block.block_id === blockId)?.element?.action_id ?? "";
    const text = (value: string) => ({ [actionIdOf(UserFormBlockId.USERNAME)]: value });
    const values = {
      [UserFormBlockId.USERNAME]: text("maria.lopez"),
      [UserFormBlockId.FULL_NAME]: text("María López"),
      [UserFormBlockId.EMAIL]: text("no-es-un-correo"),
    };
    const placesActionId = actionIdOf(UserFormBlockId.PLACES);

    const refused = await act({ kind: "submit", as: admin, viewId: modal.id, values });
    expect(refused.body).toMatchObject({ ok: false, refusal: "view_input" });
    expect(refused.body.fieldErrors).toEqual({
      [UserFormBlockId.PLACES]: "Completa este campo obligatorio.",
    });
    expect((await snapshot(admin)).modals.at(-1)?.errors).toEqual(refused.body.fieldErrors);

    const withPlaces = {
      ...values,
      [UserFormBlockId.PLACES]: { [placesActionId]: [fixture.places.kemperCentro] },
    };
    const submitted = await act({ kind: "submit", as: admin, viewId: modal.id, values: withPlaces });
    expect(submitted.body).toMatchObject({ ok: true, answer: { acknowledged: true } });
    const errors = (await snapshot(admin)).modals.at(-1)?.errors ?? {};
    expect(Object.keys(errors)).toEqual([UserFormBlockId.EMAIL]);
    expect(errors[UserFormBlockId.EMAIL]).toContain("correo válido");

    const fixed = { ...withPlaces, [UserFormBlockId.EMAIL]: text("maria@cliente.example") };
    expect((await act({ kind: "submit", as: admin, viewId: modal.id, values: fixed })).body).toMatchObject({
      ok: true,
    });
    await eventually(admin, (shown) => (shown.modals.length === 0 ? true : undefined));
  });

  it("puts the welcome email in everyone's inbox, the temporary password in its text", async () => {
    const welcome = await eventually(PEOPLE.nobody.id, (shown) =>
      shown.inbox.find((email) => email.to.some((address) => address.includes("maria@cliente.example"))),
    );
    expect(welcome.subject).not.toBe("");
    expect(welcome.text).toMatch(/^Contraseña temporal: \S+$/m);
  });

  it("names a refusal of Slack's in the timeline: a trigger_id used twice", async () => {
    const answer = await act({ kind: "command", as: admin, command: "/usuarios", text: "nuevo" });
    expect(answer.body).toMatchObject({ ok: true });
    await eventually(admin, (shown) => shown.modals.at(-1));
    const command = fixture.harness.slack
      .timeline()
      .findLast((entry) => entry.kind === "app_request" && entry.name === "slash_command");
    const triggerId = (command?.request as { trigger_id?: string } | undefined)?.trigger_id ?? "";
    // The app's trigger_id, exchanged by its views.open, presented again as a buggy app would.
    const replay = await fetch(`${fixture.harness.slack.url}views.open`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${SANDBOX_BOT.token}`,
        "Content-Type": "application/json; charset=utf-8",
      },
      body: JSON.stringify({
        trigger_id: triggerId,
        view: { type: "modal", title: { type: "plain_text", text: "Otra" }, blocks: [] },
      }),
    });
    expect(await replay.json()).toMatchObject({ ok: false, error: "exchanged_trigger_id" });
    const refusal = await eventually(admin, (shown) =>
      shown.timeline.find((entry) => entry.problem?.code === "exchanged_trigger_id"),
    );
    expect(refusal.name).toBe("views.open");
    expect(refusal.problem?.explanation).toBe(
      "trigger_id usado dos veces: views.open respondió exchanged_trigger_id — un trigger_id sirve para un solo views.open en 3 s.",
    );
    await act({ kind: "close", as: admin, viewId: (await snapshot(admin)).modals.at(-1)?.id ?? "" });
  });

  it("tells the page over server-sent events that something changed", async () => {
    const controller = new AbortController();
    const response = await fetch(`${fixture.origin}/sandbox/events`, {
      headers: sameOriginHeaders(),
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader();
    await act({ kind: "message", as: PEOPLE.accountant.id, text: "hola" });
    let received = "";
    const decoder = new TextDecoder();
    while (reader !== undefined && !received.includes("event: changed")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain("event: changed");
  });

  it("refuses actions from another origin, without the page's token, or not JSON", async () => {
    const step = { kind: "command", as: admin, command: "/usuarios", text: "ayuda" };
    const before = fixture.harness.slack.workspace.lastSequence();
    expect((await act(step, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await act(step, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await act(step, { [PAGE_TOKEN_HEADER]: "forged" })).status).toBe(403);
    expect((await act(JSON.stringify(step), { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await act("x".repeat(70 * 1024))).status).toBe(413);
    expect((await act("{not json")).status).toBe(400);
    const crossSnapshot = await fetch(`${fixture.origin}/sandbox/api/snapshot?as=${admin}`, {
      headers: { Origin: "http://evil.example", [PAGE_TOKEN_HEADER]: session.token },
    });
    expect(crossSnapshot.status).toBe(403);
    const sentByAdmin = fixture.harness.slack
      .timeline(before)
      .filter((entry) => entry.kind === "app_request" && entry.userId === admin);
    expect(sentByAdmin).toEqual([]);
  });

  it("refuses anyone but the page's personas, and steps it does not know", async () => {
    const stranger = await act({ kind: "message", as: "U0STRANGER", text: "hola" });
    expect(stranger).toEqual({ status: 403, body: { ok: false, error: "unknown_persona" } });
    const unknownStep = await act({ kind: "shortcut", as: admin });
    expect(unknownStep.status).toBe(400);
    expect(unknownStep.body.error).toBe("invalid_action");
    const extraField = await act({ kind: "open_home", as: admin, token: "xoxb-anything" });
    expect(extraField.status).toBe(400);
    const strangerSnapshot = await fetch(`${fixture.origin}/sandbox/api/snapshot?as=U0STRANGER`, {
      headers: sameOriginHeaders({ [PAGE_TOKEN_HEADER]: session.token }),
    });
    expect(strangerSnapshot.status).toBe(403);
  });

  it("answers a click on a message that is gone as Slack's client would: refused, nothing sent", async () => {
    const { body } = await act({
      kind: "click",
      as: admin,
      surface: { message: { channel: "D0ADMIN01", ts: "1.000001" } },
      blockId: "users.toolbar",
      actionId: "users.new",
    });
    expect(body).toMatchObject({ ok: false, refusal: "client" });
  });
});
