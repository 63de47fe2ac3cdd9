// The two panes that are the sandbox's, not Slack's: the inbox (every email the bot sent, readable,
// the temporary password selectable text) and the developer panel (the workspace's timeline, latest
// first, Slack's refusals highlighted with what went wrong and why).
import { clear, fill, formatTime, h, uniqueId } from "./dom.js";

/**
 * @param {HTMLElement} pane
 * @param {{ words: Record<string, string>, locale: string, emails: any[], selected: number | undefined, select: (sequence: number) => void }} options
 */
export function renderInbox(pane, { words, locale, emails, selected, select }) {
  const headingId = uniqueId("inbox-title");
  const newestFirst = [...emails].reverse();
  const chosen = newestFirst.find((email) => email.sequence === selected);
  const list = h("ul", { class: "email-list", "aria-label": words["inbox.list_label"] });
  for (const email of newestFirst) {
    const current = email.sequence === chosen?.sequence;
    list.append(
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: `email-item${current ? " current" : ""}`,
            "aria-current": current ? "true" : undefined,
            dataset: { sequence: String(email.sequence), focusKey: `email-${email.sequence}` },
            on: { click: () => select(email.sequence) },
          },
          h("span", { class: "email-subject", text: email.subject || words["inbox.no_subject"] }),
          h("span", {
            class: "email-meta",
            text: `${email.to.join(", ")} · ${formatTime(Date.parse(email.date), locale, true)}`,
          }),
        ),
      ),
    );
  }
  let reader;
  if (chosen === undefined)
    reader = h("p", {
      class: "empty",
      text: emails.length === 0 ? words["inbox.empty"] : words["inbox.pick"],
    });
  else {
    const subjectId = uniqueId("email-subject");
    reader = h(
      "article",
      { class: "email-reader", "aria-labelledby": subjectId },
      h("h2", { id: subjectId, class: "email-title", text: chosen.subject || words["inbox.no_subject"] }),
      h(
        "dl",
        { class: "email-headers" },
        h("dt", { text: words["inbox.from"] }),
        h("dd", { text: chosen.from }),
        h("dt", { text: words["inbox.to"] }),
        h("dd", { text: chosen.to.join(", ") }),
        h("dt", { text: words["inbox.date"] }),
        h(
          "dd",
          {},
          h("time", { datetime: chosen.date, text: formatTime(Date.parse(chosen.date), locale, true) }),
        ),
      ),
      h(
        "pre",
        { class: "email-text", "aria-label": words["inbox.body_label"], tabindex: "0" },
        ...linkedText(chosen.text),
      ),
    );
  }
  clear(pane).append(
    h(
      "header",
      { class: "pane-header" },
      h("h1", { id: headingId, class: "pane-title", tabindex: "-1", text: words["inbox.title"] }),
      h("p", { class: "pane-subtitle", text: words["inbox.intro"] }),
    ),
    h(
      "div",
      { class: "inbox" },
      emails.length === 0 ? h("p", { class: "empty", text: words["inbox.empty"] }) : list,
      emails.length === 0 ? null : reader,
    ),
  );
}

function json(value) {
  return JSON.stringify(value, null, 2);
}

/**
 * @param {HTMLElement} pane
 * @param {{ words: Record<string, string>, locale: string, timeline: any[], onlyProblems: boolean, setOnlyProblems: (only: boolean) => void, nameOf: (id: string) => string }} options
 */
/** Slack's admin switches: deactivate or reactivate each person of the sandbox (a user_change event). */
function workspaceAdminSection({ words, people, deactivatedPeople, setDeactivated }) {
  const rows = people.map((person) => {
    const deactivated = deactivatedPeople.includes(person.id);
    const button = h("button", {
      type: "button",
      class: "button",
      text: words[deactivated ? "workspace_admin.reactivate" : "workspace_admin.deactivate"],
      "aria-label": `${words[deactivated ? "workspace_admin.reactivate" : "workspace_admin.deactivate"]}: ${person.realName}`,
      dataset: { focusKey: `slack-account-${person.id}` },
    });
    button.addEventListener("click", () => setDeactivated(person.id, !deactivated));
    return h(
      "li",
      { class: "slack-account" },
      h("span", { class: "slack-account-name", text: `${person.realName} (@${person.name})` }),
      h("span", {
        class: `slack-account-state${deactivated ? " deactivated" : ""}`,
        text: words[deactivated ? "workspace_admin.deactivated" : "workspace_admin.active"],
      }),
      button,
    );
  });
  return h(
    "section",
    { class: "workspace-admin", "aria-labelledby": "workspace-admin-title" },
    h("h2", {
      id: "workspace-admin-title",
      class: "pane-section-title",
      text: words["workspace_admin.title"],
    }),
    h("p", { class: "pane-subtitle", text: words["workspace_admin.intro"] }),
    h("ul", { class: "slack-accounts" }, ...rows),
  );
}

export function renderDeveloper(
  pane,
  {
    words,
    locale,
    timeline,
    onlyProblems,
    setOnlyProblems,
    nameOf,
    people,
    deactivatedPeople,
    setDeactivated,
  },
) {
  const openDetails = new Set(
    [...pane.querySelectorAll("details[open]")].map((details) => details.dataset.sequence),
  );
  const filterId = uniqueId("only-problems");
  const filter = h("input", {
    type: "checkbox",
    id: filterId,
    checked: onlyProblems,
    dataset: { focusKey: "only-problems" },
  });
  filter.addEventListener("change", () => setOnlyProblems(filter.checked));
  const entries = [...timeline].reverse().filter((entry) => !onlyProblems || entry.problem !== null);
  const list = h("ol", { class: "timeline", "aria-label": words["developer.list_label"] });
  for (const entry of entries) {
    const problem = entry.problem;
    const kind = words[`developer.kind.${entry.kind}`] ?? entry.kind;
    list.append(
      h(
        "li",
        {
          class: `timeline-entry${problem ? " problem" : ""}`,
          dataset: { sequence: String(entry.sequence) },
        },
        h(
          "div",
          { class: "timeline-line" },
          h("span", { class: "timeline-sequence", text: `#${entry.sequence}` }),
          h("time", { text: formatTime(entry.at, locale) }),
          h("span", { class: "timeline-kind", text: kind }),
          h("code", { class: "timeline-name", text: entry.name }),
          entry.userId
            ? h("span", {
                class: "timeline-person",
                text: fill(words["developer.person"], { name: nameOf(entry.userId) }),
              })
            : null,
          h("span", {
            class: "timeline-status",
            text: fill(words["developer.status"], { status: entry.status }),
          }),
          problem
            ? h("strong", {
                class: "timeline-refused",
                text: `${words["developer.refused"]}: ${problem.code}`,
              })
            : null,
        ),
        problem ? h("p", { class: "timeline-problem", text: problem.explanation }) : null,
        problem && problem.details.length > 0
          ? h(
              "ul",
              { class: "timeline-details" },
              ...problem.details.map((detail) => h("li", {}, h("code", { text: detail }))),
            )
          : null,
        h(
          "details",
          { dataset: { sequence: String(entry.sequence) }, open: openDetails.has(String(entry.sequence)) },
          h("summary", {
            text: words["developer.details"],
            dataset: { focusKey: `details-${entry.sequence}` },
          }),
          h("h3", { class: "timeline-part", text: words["developer.request"] }),
          h("pre", { class: "json", text: json(entry.request) }),
          h("h3", { class: "timeline-part", text: words["developer.response"] }),
          h("pre", { class: "json", text: json(entry.response) }),
        ),
      ),
    );
  }
  clear(pane).append(
    h(
      "header",
      { class: "pane-header" },
      h("h1", { class: "pane-title", tabindex: "-1", text: words["developer.title"] }),
      h("p", { class: "pane-subtitle", text: words["developer.intro"] }),
      h("label", { class: "filter-toggle", for: filterId }, filter, " ", words["developer.only_problems"]),
    ),
    workspaceAdminSection({ words, people, deactivatedPeople, setDeactivated }),
    entries.length === 0 ? h("p", { class: "empty", text: words["developer.empty"] }) : list,
  );
}

/**
 * An email's text with the addresses of this very server made links (an invitation link's page,
 * served by the bot beside the sandbox); every other address stays plain text.
 * @param {string} text
 */
function linkedText(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    let url;
    try {
      url = new URL(match[0]);
    } catch {
      continue;
    }
    // The bot's own links name its PUBLIC_URL, here the local address: localhost or 127.0.0.1 alike.
    const local =
      ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) && url.port === window.location.port;
    if (url.origin !== window.location.origin && !local) continue;
    const href = `${window.location.origin}${url.pathname}${url.search}`;
    parts.push(
      text.slice(last, match.index),
      h("a", { href, target: "_blank", rel: "noopener noreferrer", text: match[0] }),
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
