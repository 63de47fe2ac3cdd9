// The bot's Block Kit as a Slack client shows it: header, section (text, fields, accessory), divider,
// context, actions, image; buttons (primary, danger, with a confirm dialog), overflow menus, selects,
// date pickers, checkboxes and radio buttons that tell the app at once (block_actions). Input blocks
// are the modal's (modal.js hands in `renderInput`). Every text goes in as text nodes.
import { h, uniqueId } from "./dom.js";
import { parseMrkdwn } from "./mrkdwn.js";

/**
 * @typedef {object} TBlockContext
 * @property {Record<string, string>} words the page's words
 * @property {(id: string) => string | undefined} userName a person's name for <@U…>
 * @property {(id: string) => string | undefined} channelName a channel's name for <#C…>
 * @property {{ id: string, name: string, realName: string }[]} users the workspace's people, for users menus
 * @property {object} surface `{ message: { channel, ts } }` or `{ view: id }`
 * @property {(action: object) => Promise<unknown>} act sends a click or a pick to the app
 * @property {(block: object) => HTMLElement} [renderInput] a modal's input block
 */

/** @param {import("./mrkdwn.js").MrkdwnNode[]} nodes @param {TBlockContext} context */
export function renderMrkdwnNodes(nodes, context) {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(renderMrkdwnNode(node, context));
  return fragment;
}

/** @param {import("./mrkdwn.js").MrkdwnNode} node @param {TBlockContext} context @returns {Node} */
function renderMrkdwnNode(node, context) {
  switch (node.type) {
    case "text":
      return document.createTextNode(node.text);
    case "bold":
      return h("strong", {}, renderMrkdwnNodes(node.children, context));
    case "italic":
      return h("em", {}, renderMrkdwnNodes(node.children, context));
    case "strike":
      return h("del", {}, renderMrkdwnNodes(node.children, context));
    case "quote":
      return h("blockquote", {}, renderMrkdwnNodes(node.children, context));
    case "code":
      return h("code", { text: node.text });
    case "pre":
      return h("pre", { class: "code-block" }, h("code", { text: node.text }));
    case "break":
      return h("br");
    case "link":
      return h(
        "a",
        { href: node.url, target: "_blank", rel: "noopener noreferrer" },
        renderMrkdwnNodes(node.children, context),
      );
    case "user":
      return h("span", { class: "mention", text: `@${node.label || context.userName(node.id) || node.id}` });
    case "channel":
      return h("span", {
        class: "mention",
        text: `#${node.label || context.channelName(node.id) || node.id}`,
      });
    case "special":
      return h("span", { class: "mention", text: node.text });
    default:
      return document.createTextNode("");
  }
}

/** A text object: mrkdwn rendered, plain_text as it is. @param {any} text @param {TBlockContext} context */
export function renderText(text, context) {
  if (text === null || typeof text !== "object") return document.createTextNode("");
  if (text.type === "mrkdwn" && text.verbatim !== true)
    return renderMrkdwnNodes(parseMrkdwn(String(text.text ?? "")), context);
  if (text.type === "mrkdwn") return document.createTextNode(String(text.text ?? ""));
  return document.createTextNode(String(text.text ?? ""));
}

/** The plain text a text object reads, for labels and names. @param {any} text */
export function plainTextOf(text) {
  return text !== null && typeof text === "object" ? String(text.text ?? "") : "";
}

/** The options a menu offers, groups flattened (with their label kept). @param {any} element */
export function menuOptionsOf(element) {
  if (Array.isArray(element.options)) return [{ label: "", options: element.options }];
  if (Array.isArray(element.option_groups))
    return element.option_groups.map((group) => ({
      label: plainTextOf(group.label),
      options: group.options ?? [],
    }));
  return [];
}

let openConfirmation = null;

/**
 * Slack's confirm dialog over a button or menu: its title, text, confirm and deny texts. Resolves true
 * when confirmed; Escape or deny resolves false. Focus goes to the deny button and comes back after.
 * @param {any} confirm @returns {Promise<boolean>}
 */
export function askConfirmation(confirm) {
  openConfirmation?.(false);
  const returnFocus = document.activeElement;
  return new Promise((resolve) => {
    const titleId = uniqueId("confirm-title");
    const textId = uniqueId("confirm-text");
    const finish = (answer) => {
      openConfirmation = null;
      layer.remove();
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
      resolve(answer);
    };
    const deny = h("button", {
      type: "button",
      class: "button",
      text: plainTextOf(confirm.deny),
      on: { click: () => finish(false) },
    });
    const accept = h("button", {
      type: "button",
      class: `button ${confirm.style === "danger" ? "danger" : "primary"}`,
      text: plainTextOf(confirm.confirm),
      on: { click: () => finish(true) },
    });
    const dialog = h(
      "div",
      {
        class: "dialog confirm-dialog",
        role: "alertdialog",
        "aria-modal": "true",
        "aria-labelledby": titleId,
        "aria-describedby": textId,
      },
      h("h2", { id: titleId, class: "dialog-title", text: plainTextOf(confirm.title) }),
      h(
        "div",
        { id: textId, class: "dialog-body" },
        renderText(confirm.text, { userName: () => undefined, channelName: () => undefined }),
      ),
      h("div", { class: "dialog-footer" }, deny, accept),
    );
    const layer = h("div", { class: "dialog-layer confirm-layer" }, dialog);
    layer.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        finish(false);
      } else if (event.key === "Tab") trapFocus(event, dialog);
    });
    openConfirmation = finish;
    document.body.append(layer);
    deny.focus();
  });
}

/** Keeps Tab inside `container`. @param {KeyboardEvent} event @param {HTMLElement} container */
export function trapFocus(event, container) {
  const focusable = [
    ...container.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"),
  ].filter((element) => !element.disabled && element.offsetParent !== null);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Asks the element's confirm dialog, when it has one. @param {any} element */
async function confirmed(element) {
  return element.confirm === undefined || element.confirm === null ? true : askConfirmation(element.confirm);
}

/** @param {any} element @param {string} blockId @param {TBlockContext} context */
function renderButton(element, blockId, context) {
  const style = element.style === "primary" || element.style === "danger" ? ` ${element.style}` : "";
  return h("button", {
    type: "button",
    class: `button${style}`,
    text: plainTextOf(element.text),
    "aria-label": element.accessibility_label || undefined,
    on: {
      click: async (event) => {
        const button = event.currentTarget;
        if (!(await confirmed(element))) return;
        if (typeof element.url === "string" && /^https?:\/\//i.test(element.url))
          window.open(element.url, "_blank", "noopener,noreferrer");
        button.disabled = true;
        try {
          await context.act({
            kind: "click",
            surface: context.surface,
            blockId,
            actionId: element.action_id,
            ...(typeof element.value === "string" ? { value: element.value } : {}),
          });
        } finally {
          if (button.isConnected) button.disabled = false;
        }
      },
    },
  });
}

/** The ⋯ menu: a button opening a menu of its options, arrows to move, Escape to close. */
function renderOverflow(element, blockId, context) {
  const menuId = uniqueId("overflow");
  const wrapper = h("div", { class: "overflow" });
  const toggle = h("button", {
    type: "button",
    class: "button overflow-toggle",
    "aria-haspopup": "menu",
    "aria-expanded": "false",
    "aria-controls": menuId,
    "aria-label": context.words["overflow.label"],
    text: "⋯",
  });
  const menu = h("div", { id: menuId, class: "menu", role: "menu", hidden: true });
  const items = (element.options ?? []).map((option) =>
    h("button", {
      type: "button",
      role: "menuitem",
      class: "menu-item",
      tabindex: "-1",
      text: plainTextOf(option.text),
      on: {
        click: async () => {
          close(true);
          if (!(await confirmed(element))) return;
          await context.act({
            kind: "select",
            surface: context.surface,
            blockId,
            actionId: element.action_id,
            value: option.value,
          });
        },
      },
    }),
  );
  menu.append(...items);
  const close = (focusToggle) => {
    menu.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (focusToggle) toggle.focus();
  };
  const open = () => {
    menu.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    items[0]?.focus();
  };
  toggle.addEventListener("click", () => (menu.hidden ? open() : close(false)));
  toggle.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      open();
    }
  });
  menu.addEventListener("keydown", (event) => {
    const index = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === "Tab") close(false);
  });
  wrapper.append(toggle, menu);
  return wrapper;
}

/** A `<select>` of a menu's options (or the workspace's people), with a first empty choice. */
export function selectOfMenu(element, context, { id, label, selected } = {}) {
  const select = h("select", { id, class: "select", "aria-label": label });
  const placeholder =
    plainTextOf(element.placeholder) ||
    context.words[element.type === "users_select" ? "modal.choose_person" : "modal.choose"];
  select.append(h("option", { value: "", text: placeholder }));
  if (element.type === "users_select") {
    for (const user of context.users)
      select.append(
        h("option", {
          value: user.id,
          text: `${user.realName} (@${user.name})`,
          selected: selected === user.id,
        }),
      );
    return select;
  }
  for (const group of menuOptionsOf(element)) {
    const parent = group.label === "" ? select : h("optgroup", { label: group.label });
    for (const option of group.options)
      parent.append(
        h("option", {
          value: option.value,
          text: plainTextOf(option.text),
          selected: selected === option.value,
        }),
      );
    if (parent !== select) select.append(parent);
  }
  return select;
}

/** A menu, picker or choice group outside an input block: each change goes to the app at once. */
function renderDispatchingChoice(element, blockId, context) {
  const send = async (value) => {
    if (!(await confirmed(element))) return;
    await context.act({
      kind: "select",
      surface: context.surface,
      blockId,
      actionId: element.action_id,
      value,
    });
  };
  const label = plainTextOf(element.placeholder) || context.words["modal.choose"];
  switch (element.type) {
    case "static_select":
    case "users_select": {
      const initial = element.type === "users_select" ? element.initial_user : element.initial_option?.value;
      const select = selectOfMenu(element, context, { label, selected: initial });
      select.addEventListener("change", () => send(select.value === "" ? null : select.value));
      return select;
    }
    case "datepicker": {
      const input = h("input", {
        type: "date",
        class: "input",
        "aria-label": label,
        value: element.initial_date ?? "",
      });
      input.addEventListener("change", () => send(input.value === "" ? null : input.value));
      return input;
    }
    case "checkboxes":
    case "radio_buttons": {
      const multiple = element.type === "checkboxes";
      const name = uniqueId("choice");
      const initial = multiple
        ? (element.initial_options ?? []).map((option) => option.value)
        : [element.initial_option?.value];
      const group = h("div", {
        class: "choices",
        role: multiple ? "group" : "radiogroup",
        "aria-label": label,
      });
      for (const option of element.options ?? []) {
        const input = h("input", {
          type: multiple ? "checkbox" : "radio",
          name,
          value: option.value,
          checked: initial.includes(option.value),
        });
        input.addEventListener("change", () => {
          const chosen = [...group.querySelectorAll("input:checked")].map((checked) => checked.value);
          void send(multiple ? chosen : (chosen[0] ?? null));
        });
        group.append(h("label", { class: "choice" }, input, " ", renderText(option.text, context)));
      }
      return group;
    }
    default:
      return h("span", { class: "unsupported", text: `[${element.type}]` });
  }
}

/** One element of an actions block or a section's accessory. */
function renderElement(element, blockId, context) {
  if (element === null || typeof element !== "object") return null;
  switch (element.type) {
    case "button":
    case "workflow_button":
      return renderButton(element, blockId, context);
    case "overflow":
      return renderOverflow(element, blockId, context);
    case "image":
      return h("img", { class: "accessory-image", src: element.image_url, alt: element.alt_text ?? "" });
    default:
      return renderDispatchingChoice(element, blockId, context);
  }
}

/** @param {any} block @param {TBlockContext} context @returns {HTMLElement | null} */
function renderBlock(block, context) {
  if (block === null || typeof block !== "object") return null;
  const blockId = String(block.block_id ?? "");
  switch (block.type) {
    case "header":
      return h("div", {
        class: "bk-header",
        role: "heading",
        "aria-level": "3",
        text: plainTextOf(block.text),
      });
    case "section": {
      const section = h("div", { class: "bk-section" });
      const body = h("div", { class: "bk-section-body" });
      if (block.text) body.append(h("div", { class: "bk-text" }, renderText(block.text, context)));
      if (Array.isArray(block.fields))
        body.append(
          h(
            "div",
            { class: "bk-fields" },
            ...block.fields.map((field) => h("div", { class: "bk-field" }, renderText(field, context))),
          ),
        );
      section.append(body);
      if (block.accessory)
        section.append(h("div", { class: "bk-accessory" }, renderElement(block.accessory, blockId, context)));
      return section;
    }
    case "divider":
      return h("hr", { class: "bk-divider" });
    case "context":
      return h(
        "div",
        { class: "bk-context" },
        ...(block.elements ?? []).map((element) =>
          element.type === "image"
            ? h("img", { class: "context-image", src: element.image_url, alt: element.alt_text ?? "" })
            : h("span", {}, renderText(element, context)),
        ),
      );
    case "actions":
      return h(
        "div",
        { class: "bk-actions" },
        ...(block.elements ?? []).map((element) => renderElement(element, blockId, context)),
      );
    case "image":
      return h(
        "figure",
        { class: "bk-image" },
        block.title ? h("figcaption", { text: plainTextOf(block.title) }) : null,
        h("img", { src: block.image_url, alt: block.alt_text ?? "" }),
      );
    case "input":
      if (context.renderInput) return context.renderInput(block);
      return h("div", { class: "unsupported", text: plainTextOf(block.label) });
    default:
      return h("div", {
        class: "unsupported",
        text: context.words["message.unsupported_block"].replace("{type}", String(block.type)),
      });
  }
}

/** @param {any[]} blocks @param {TBlockContext} context @returns {HTMLElement[]} */
export function renderBlocks(blocks, context) {
  return blocks.map((block) => renderBlock(block, context)).filter((node) => node !== null);
}
