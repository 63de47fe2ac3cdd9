// The sandbox page: who you are, a sidebar like Slack's (the DM with the app, its Home tab, the audit
// channel, the inbox, the developer panel), the conversation with the composer at the bottom, and
// the modal on top of your stack. It follows the sandbox over server-sent events and fetches what
// the chosen person sees after each change; every step goes to the sandbox as JSON and the bot
// answers through the same signed requests Slack sends.
import { renderBlocks, renderMrkdwnNodes } from "./block-kit.js";
import { createComposer } from "./composer.js";
import { append, clear, fill, formatTime, h } from "./dom.js";
import { renderModal } from "./modal.js";
import { parseMrkdwn } from "./mrkdwn.js";
import { renderDeveloper, renderInbox } from "./panels.js";

const PANES = ["dm", "home", "audit", "inbox", "developer"];
const root = document.getElementById("sandbox-root");

/** @type {any} */
let session;
/** @type {Record<string, string>} */
let words = {};
const state = {
  personaId: "",
  pane: "dm",
  snapshot: null,
  selectedEmail: undefined,
  onlyProblems: false,
  seenEmails: 0,
  seenProblems: -1,
  unseenProblems: 0,
  modal: null,
  returnFocus: null,
  refreshing: false,
  dirty: false,
};
const elements = {};

// ——— talking to the sandbox ———

async function getJson(path) {
  const response = await fetch(path, {
    headers: session === undefined ? {} : { [session.tokenHeader]: session.token },
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Sends one step of the chosen person's Slack client; the page refreshes after it. */
async function act(action) {
  let result;
  try {
    const response = await fetch("/sandbox/api/act", {
      method: "POST",
      headers: { "Content-Type": "application/json", [session.tokenHeader]: session.token },
      body: JSON.stringify({ ...action, as: state.personaId }),
    });
    result = await response.json();
    if (!response.ok)
      announce(fill(words["status.unreachable"], { message: result.error ?? response.status }));
    else if (!result.ok && result.refusal === "client")
      announce(fill(words["status.client_refusal"], { message: result.message }));
  } catch (error) {
    announce(
      fill(words["status.unreachable"], { message: error instanceof Error ? error.message : String(error) }),
    );
  }
  scheduleRefresh();
  return result;
}

let refreshTimer;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), 30);
}

async function refresh() {
  if (state.refreshing) {
    state.dirty = true;
    return;
  }
  state.refreshing = true;
  try {
    do {
      state.dirty = false;
      const personaId = state.personaId;
      const snapshot = await getJson(`/sandbox/api/snapshot?as=${encodeURIComponent(personaId)}`);
      if (personaId === state.personaId) {
        state.snapshot = snapshot;
        render();
      }
    } while (state.dirty);
  } catch (error) {
    announce(
      fill(words["status.unreachable"], { message: error instanceof Error ? error.message : String(error) }),
    );
  } finally {
    state.refreshing = false;
  }
}

let announcementTimer;
/** Says `text` in the status region (read by screen readers), and clears it a few seconds later. */
function announce(text) {
  const status = elements.status;
  status.textContent = "";
  clearTimeout(announcementTimer);
  setTimeout(() => {
    status.textContent = text;
    announcementTimer = setTimeout(() => {
      status.textContent = "";
    }, 6_000);
  }, 30);
}

// ——— names ———

function userName(id) {
  const user = session.users.find((candidate) => candidate.id === id);
  return user === undefined ? undefined : user.realName;
}

function channelName(id) {
  return id === session.auditChannel.id ? session.auditChannel.name : undefined;
}

function blockContext(surface) {
  return {
    words,
    userName,
    channelName,
    users: session.users.filter((user) => user.id !== session.botUserId),
    surface,
    act,
  };
}

// ——— messages ———

function signature(text) {
  let hash = 5381;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 33 + text.charCodeAt(index)) >>> 0;
  return hash.toString(36);
}

function itemsOf(conversation, placeMatches) {
  const messages = conversation.messages.map((message) => ({
    key: `m:${message.ts}:${signature(`${message.edited}|${message.text}|${JSON.stringify(message.blocks)}`)}`,
    at: Number(message.ts) * 1000,
    message,
  }));
  const notices = state.snapshot.notices
    .filter(placeMatches)
    .map((notice) => ({ key: `n:${notice.id}`, at: notice.at, notice }));
  return [...messages, ...notices].sort((left, right) => left.at - right.at);
}

function messageElement(item) {
  const { message, notice } = item;
  const fromApp = notice !== undefined || message.fromApp;
  const author =
    notice !== undefined
      ? words["message.slackbot"]
      : message.fromApp
        ? session.appName
        : (userName(message.author) ?? message.author);
  const ephemeral = notice !== undefined || message.ephemeral;
  const body = h("div", { class: "message-body" });
  if (notice !== undefined) body.append(notice.text);
  else if (Array.isArray(message.blocks) && message.blocks.length > 0)
    append(
      body,
      ...renderBlocks(
        message.blocks,
        blockContext({ message: { channel: message.channel, ts: message.ts } }),
      ),
    );
  else
    body.append(
      renderMrkdwnNodes(
        parseMrkdwn(message.text),
        blockContext({ message: { channel: message.channel, ts: message.ts } }),
      ),
    );
  return h(
    "article",
    {
      class: `message${ephemeral ? " ephemeral" : ""}${notice !== undefined ? " notice" : ""}`,
      tabindex: "-1",
      dataset: { key: item.key },
    },
    h("div", {
      class: `avatar${fromApp ? " app" : ""}`,
      "aria-hidden": "true",
      text: author.slice(0, 1).toUpperCase(),
    }),
    h(
      "div",
      { class: "message-main" },
      h(
        "div",
        { class: "message-meta" },
        h("span", { class: "author", text: author }),
        fromApp && notice === undefined
          ? h("span", { class: "badge", text: words["message.app_badge"] })
          : null,
        h("time", { text: formatTime(item.at, session.locale) }),
        message?.edited ? h("span", { class: "edited", text: words["message.edited"] }) : null,
      ),
      ephemeral ? h("div", { class: "ephemeral-note", text: words["message.ephemeral"] }) : null,
      body,
    ),
  );
}

/** Puts `items` in `list` keeping the nodes of messages that did not change (and their focus). */
function reconcileMessages(list, items) {
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const focusedIndex = [...list.children].findIndex((child) => child.contains(document.activeElement));
  const existing = new Map([...list.children].map((child) => [child.dataset.key, child]));
  let cursor = list.firstElementChild;
  const wanted = new Set(items.map((item) => item.key));
  for (const item of items) {
    const node = existing.get(item.key) ?? messageElement(item);
    if (node === cursor) cursor = cursor.nextElementSibling;
    else list.insertBefore(node, cursor);
  }
  for (const child of [...list.children]) if (!wanted.has(child.dataset.key)) child.remove();
  if (items.length === 0)
    list.append(h("p", { class: "empty", dataset: { key: "empty" }, text: words["conversation.empty"] }));
  if (focusedIndex !== -1 && !list.contains(document.activeElement) && state.modal === null) {
    const replacement = list.children[Math.min(focusedIndex, list.children.length - 1)];
    replacement?.focus();
  }
  if (nearBottom) list.scrollTop = list.scrollHeight;
}

// ——— panes ———

function conversation(kind) {
  return state.snapshot.conversations.find((candidate) => candidate.kind === kind);
}

function renderDirectMessage() {
  const dm = conversation("direct_message");
  reconcileMessages(
    elements.dmList,
    itemsOf(dm, (notice) => notice.place.kind === "conversation" && notice.place.channel === dm.id),
  );
}

function renderAudit() {
  const audit = conversation("channel");
  reconcileMessages(
    elements.auditList,
    itemsOf(audit, (notice) => notice.place.kind === "conversation" && notice.place.channel === audit.id),
  );
}

function renderHome() {
  const home = state.snapshot.home;
  const body = elements.homeBody;
  const key = home === null ? "none" : `${home.id}:${home.hash}`;
  const notices = state.snapshot.notices.filter((notice) => notice.place.kind === "home");
  const noticeKey = notices.map((notice) => notice.id).join(",");
  if (body.dataset.key === key && body.dataset.notices === noticeKey) return;
  body.dataset.key = key;
  body.dataset.notices = noticeKey;
  clear(body);
  for (const notice of notices)
    body.append(h("p", { class: "home-notice", role: "alert", text: notice.text }));
  if (home === null) body.append(h("p", { class: "empty", text: words["home.empty"] }));
  else append(body, ...renderBlocks(home.definition.blocks ?? [], blockContext({ view: home.id })));
}

function restoringFocus(pane, draw) {
  const key = pane.contains(document.activeElement) ? document.activeElement?.dataset?.focusKey : undefined;
  draw();
  if (key !== undefined) pane.querySelector(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}

function renderInboxPane() {
  restoringFocus(elements.panes.inbox, () =>
    renderInbox(elements.panes.inbox, {
      words,
      locale: session.locale,
      emails: state.snapshot.inbox,
      selected: state.selectedEmail,
      select: (sequence) => {
        state.selectedEmail = sequence;
        renderInboxPane();
        elements.panes.inbox.querySelector(".email-title")?.focus?.();
      },
    }),
  );
}

function renderDeveloperPane() {
  restoringFocus(elements.panes.developer, () =>
    renderDeveloper(elements.panes.developer, {
      words,
      locale: session.locale,
      timeline: state.snapshot.timeline,
      onlyProblems: state.onlyProblems,
      setOnlyProblems: (only) => {
        state.onlyProblems = only;
        renderDeveloperPane();
      },
      nameOf: (id) => userName(id) ?? id,
      people: session.personas.filter((persona) => persona.id !== state.personaId),
      deactivatedPeople: state.snapshot.deactivatedPeople,
      setDeactivated: (person, deactivated) => void act({ kind: "set_deactivated", person, deactivated }),
    }),
  );
}

// ——— modals ———

function renderModals() {
  const stack = state.snapshot.modals;
  const top = stack.at(-1);
  const current = state.modal;
  if (top === undefined) {
    if (current !== null) {
      current.element.remove();
      state.modal = null;
      elements.app.inert = false;
      const back = state.returnFocus;
      state.returnFocus = null;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
      else if (state.pane === "dm") elements.composer.focus();
    }
    return;
  }
  const notices = state.snapshot.notices.filter(
    (notice) => notice.place.kind === "modal" && notice.place.viewId === top.id,
  );
  if (current !== null && current.viewId === top.id && current.hash === top.hash) {
    current.update(top, notices);
    return;
  }
  if (current === null) state.returnFocus = document.activeElement;
  current?.element.remove();
  const controller = renderModal(top, {
    ...blockContext({ view: top.id }),
    stackSize: stack.length,
    position: stack.length,
    close: (viewId) => act({ kind: "close", viewId }),
  });
  state.modal = controller;
  elements.modalHost.append(controller.element);
  elements.app.inert = true;
  controller.update(top, notices);
  controller.focusFirst();
  if (current === null || current.viewId !== top.id)
    announce(fill(words["status.modal_opened"], { title: top.title }));
}

// ——— the whole page ———

function renderSidebar() {
  const emails = state.snapshot.inbox.length;
  if (state.pane === "inbox") state.seenEmails = emails;
  if (state.pane === "developer") state.unseenProblems = 0;
  const badge = (element, count) => {
    element.hidden = count <= 0;
    clear(element).append(
      String(count),
      h("span", { class: "visually-hidden", text: ` ${words["nav.new"]}` }),
    );
  };
  badge(elements.badges.inbox, emails - state.seenEmails);
  badge(elements.badges.developer, state.unseenProblems);
  for (const pane of PANES) {
    const button = elements.nav[pane];
    if (state.pane === pane) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
    elements.panes[pane].hidden = state.pane !== pane;
  }
}

function noticeNewProblems() {
  const problems = state.snapshot.timeline.filter((entry) => entry.problem !== null);
  const latest = problems.at(-1);
  const latestSequence = latest?.sequence ?? 0;
  if (state.seenProblems === -1) {
    state.seenProblems = latestSequence;
    return;
  }
  const fresh = problems.filter((entry) => entry.sequence > state.seenProblems);
  state.seenProblems = Math.max(state.seenProblems, latestSequence);
  if (fresh.length === 0) return;
  if (state.pane !== "developer") state.unseenProblems += fresh.length;
  const last = fresh.at(-1);
  announce(fill(words["status.slack_refused"], { name: last.name, error: last.problem.code }));
}

function render() {
  if (state.snapshot === null) return;
  noticeNewProblems();
  renderSidebar();
  if (state.pane === "dm") renderDirectMessage();
  if (state.pane === "audit") renderAudit();
  if (state.pane === "home") renderHome();
  if (state.pane === "inbox") renderInboxPane();
  if (state.pane === "developer") renderDeveloperPane();
  renderModals();
}

function show(pane) {
  state.pane = pane;
  sessionStorage.setItem("sandbox-pane", pane);
  if (pane === "inbox" && state.selectedEmail === undefined)
    state.selectedEmail = state.snapshot?.inbox.at(-1)?.sequence;
  render();
  if (pane === "home") {
    elements.homeBody.dataset.key = "";
    void act({ kind: "open_home" });
  }
  elements.panes[pane].querySelector(".pane-title")?.focus();
}

function navButton(pane, icon, label) {
  const button = h(
    "button",
    { type: "button", class: "nav-item", on: { click: () => show(pane) } },
    h("span", { class: "nav-icon", "aria-hidden": "true", text: icon }),
    h("span", { class: "nav-label", text: label }),
  );
  elements.nav[pane] = button;
  return button;
}

function conversationPane(titleText, subtitle, list, footer) {
  return [
    h(
      "header",
      { class: "pane-header" },
      h("h1", { class: "pane-title", tabindex: "-1", text: titleText }),
      h("p", { class: "pane-subtitle", text: subtitle }),
    ),
    list,
    footer,
  ];
}

function personaLabel(persona) {
  return fill(words["persona.option"], {
    role: words[`role.${persona.role}`],
    realName: persona.realName,
    name: persona.name,
  });
}

function build() {
  const personaSelect = h("select", { id: "persona", class: "select persona-select" });
  for (const persona of session.personas)
    personaSelect.append(
      h("option", {
        value: persona.id,
        text: personaLabel(persona),
        selected: persona.id === state.personaId,
      }),
    );
  personaSelect.addEventListener("change", () => {
    state.personaId = personaSelect.value;
    sessionStorage.setItem("sandbox-persona", state.personaId);
    state.modal?.element.remove();
    state.modal = null;
    elements.app.inert = false;
    for (const list of [elements.dmList, elements.auditList]) clear(list);
    elements.homeBody.dataset.key = "";
    if (state.pane === "home") void act({ kind: "open_home" });
    scheduleRefresh();
  });

  elements.status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  elements.badges = {
    inbox: h("span", { class: "nav-badge", hidden: true }),
    developer: h("span", { class: "nav-badge problem", hidden: true }),
  };
  elements.nav = {};
  const sidebar = h(
    "nav",
    { class: "sidebar", "aria-label": words["sidebar.label"] },
    h("h2", { class: "sidebar-heading", text: words["sidebar.apps"] }),
    h("div", { class: "sidebar-app", text: session.appName }),
    h(
      "ul",
      { class: "nav-list" },
      h("li", {}, navButton("dm", "◉", words["nav.messages"])),
      h("li", {}, navButton("home", "⌂", words["nav.home"])),
    ),
    h("h2", { class: "sidebar-heading", text: words["sidebar.channels"] }),
    h("ul", { class: "nav-list" }, h("li", {}, navButton("audit", "#", session.auditChannel.name))),
    h("h2", { class: "sidebar-heading", text: words["sidebar.sandbox"] }),
    h(
      "ul",
      { class: "nav-list" },
      h("li", {}, append(navButton("inbox", "✉", words["nav.inbox"]), elements.badges.inbox)),
      h("li", {}, append(navButton("developer", "⚙", words["nav.developer"]), elements.badges.developer)),
    ),
  );

  elements.dmList = h("div", {
    class: "messages",
    role: "log",
    "aria-label": fill(words["conversation.messages_label"], { name: session.appName }),
    tabindex: "0",
  });
  elements.auditList = h("div", {
    class: "messages",
    role: "log",
    "aria-label": fill(words["conversation.messages_label"], { name: `#${session.auditChannel.name}` }),
    tabindex: "0",
  });
  elements.homeBody = h("div", { class: "home-body" });
  elements.composer = createComposer({
    words,
    appName: session.appName,
    commands: session.commands,
    send: async (text) => {
      const command = /^(\/\S+)\s*([\s\S]*)$/.exec(text);
      const result = command
        ? await act({ kind: "command", command: command[1], text: command[2].trim() })
        : await act({ kind: "message", text });
      return result !== undefined && (result.ok || result.refusal === "unknown_command");
    },
  });
  elements.panes = {
    dm: h(
      "section",
      { class: "pane conversation" },
      ...conversationPane(
        session.appName,
        words["conversation.dm_subtitle"],
        elements.dmList,
        elements.composer.element,
      ),
    ),
    audit: h(
      "section",
      { class: "pane conversation" },
      ...conversationPane(
        `#${session.auditChannel.name}`,
        words["conversation.channel_subtitle"],
        elements.auditList,
        h("p", { class: "channel-note", text: words["composer.channel_note"] }),
      ),
    ),
    home: h(
      "section",
      { class: "pane home" },
      h(
        "header",
        { class: "pane-header" },
        h("h1", { class: "pane-title", tabindex: "-1", text: `${session.appName} · ${words["home.title"]}` }),
      ),
      elements.homeBody,
    ),
    inbox: h("section", { class: "pane panel" }),
    developer: h("section", { class: "pane panel" }),
  };

  const banner = h(
    "section",
    { class: "banner", "aria-label": words["banner.label"] },
    h("p", { text: words["banner.sandbox"] }),
    h("p", {
      class: session.demoData ? "demo" : "",
      text: session.demoData ? words["banner.demo_loaded"] : words["banner.demo_not_loaded"],
    }),
    h("p", { text: words["banner.connect"] }),
  );
  elements.app = h(
    "div",
    { class: "app" },
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "workspace-name", text: fill(words["page.title"], { app: session.appName }) }),
      h(
        "div",
        { class: "persona" },
        h("label", { for: "persona", text: words["persona.label"] }),
        personaSelect,
      ),
    ),
    banner,
    h(
      "div",
      { class: "workspace" },
      sidebar,
      h("main", { class: "main" }, ...PANES.map((pane) => elements.panes[pane])),
    ),
    elements.status,
  );
  elements.modalHost = h("div", { class: "modal-host" });
  clear(root).classList.remove("loading");
  root.append(elements.app, elements.modalHost);
}

async function start() {
  session = await getJson("/sandbox/api/session");
  words = session.words;
  const remembered = sessionStorage.getItem("sandbox-persona");
  state.personaId = session.personas.some((persona) => persona.id === remembered)
    ? remembered
    : (session.personas[0]?.id ?? "");
  const pane = sessionStorage.getItem("sandbox-pane");
  state.pane = PANES.includes(pane) ? pane : "dm";
  build();
  const events = new EventSource("/sandbox/events");
  events.addEventListener("changed", scheduleRefresh);
  events.addEventListener("open", scheduleRefresh);
  await refresh();
  state.seenEmails = state.snapshot?.inbox.length ?? 0;
  show(state.pane);
}

start().catch((error) => {
  clear(root).append(h("p", { role: "alert", text: error instanceof Error ? error.message : String(error) }));
});
