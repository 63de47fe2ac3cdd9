// A modal as Slack's client shows it: a dialog named by its title, its input blocks as labelled
// fields (hint, optional marker, the error under the field), the view's own submit and close texts,
// Escape to close, Tab kept inside. What the person types is told to the sandbox as they go
// (enterValues), sent with the submission, and kept when the app updates the view.
import {
  askConfirmation,
  menuOptionsOf,
  plainTextOf,
  renderBlocks,
  renderText,
  selectOfMenu,
  trapFocus,
} from "./block-kit.js";
import { clear, fill, h, uniqueId } from "./dom.js";

const TYPING_PAUSE_MILLISECONDS = 400;
const SEARCH_PAUSE_MILLISECONDS = 250;

/** What a state entry of the view holds, as the page's input. @param {any} entry */
function inputOfState(entry) {
  if (entry === undefined || entry === null) return undefined;
  if ("value" in entry) return entry.value ?? "";
  if ("selected_date" in entry) return entry.selected_date ?? "";
  if ("selected_time" in entry) return entry.selected_time ?? "";
  if ("selected_user" in entry) return entry.selected_user ?? "";
  if ("selected_option" in entry) return entry.selected_option?.value ?? "";
  if ("selected_options" in entry)
    return (entry.selected_options ?? []).map((option) => ({
      text: plainTextOf(option.text),
      value: option.value,
    }));
  return undefined;
}

const TEXT_INPUT_TYPES = {
  plain_text_input: "text",
  email_text_input: "email",
  url_text_input: "url",
  number_input: "text",
  datepicker: "date",
  timepicker: "time",
};

/**
 * @param {any} view the view as the snapshot gives it
 * @param {object} context the page's block context plus `act`, `close(viewId)`, `stackSize`, `position`
 */
export function renderModal(view, context) {
  const { words } = context;
  const definition = view.definition;
  /** @type {{ blockId: string, actionId: string, read: () => unknown, setError: (message: string | undefined) => void }[]} */
  const fields = [];
  const titleId = uniqueId("modal-title");
  const noticeArea = h("div", { class: "modal-notices" });
  let pendingEnter;
  const enterSoon = (blockId, actionId, read) => {
    clearTimeout(pendingEnter);
    pendingEnter = setTimeout(() => {
      void context.act({ kind: "enter", viewId: view.id, values: { [blockId]: { [actionId]: read() } } });
    }, TYPING_PAUSE_MILLISECONDS);
  };
  const enterNow = (blockId, actionId, read) => {
    clearTimeout(pendingEnter);
    void context.act({ kind: "enter", viewId: view.id, values: { [blockId]: { [actionId]: read() } } });
  };

  function fieldShell(block, control, { grouped, controlId }) {
    const blockId = String(block.block_id ?? "");
    const hintId = uniqueId("hint");
    const errorId = uniqueId("error");
    const label = plainTextOf(block.label);
    const optional =
      block.optional === true ? h("span", { class: "optional", text: ` ${words["modal.optional"]}` }) : null;
    const hint = block.hint ? h("div", { class: "hint", id: hintId }, renderText(block.hint, context)) : null;
    const error = h("div", { class: "field-error", id: errorId, hidden: true });
    const describedBy = [hint ? hintId : null].filter(Boolean);
    const shell = grouped
      ? h(
          "fieldset",
          { class: "field", dataset: { blockId } },
          h("legend", { class: "field-label" }, label, optional),
          control,
          hint,
          error,
        )
      : h(
          "div",
          { class: "field", dataset: { blockId } },
          h("label", { class: "field-label", for: controlId }, label, optional),
          control,
          hint,
          error,
        );
    const describedElements = grouped ? [...control.querySelectorAll("input, select, textarea")] : [control];
    const describe = (withError) => {
      for (const element of describedElements) {
        const ids = withError ? [...describedBy, errorId] : describedBy;
        if (ids.length > 0) element.setAttribute("aria-describedby", ids.join(" "));
        else element.removeAttribute("aria-describedby");
        if (withError) element.setAttribute("aria-invalid", "true");
        else element.removeAttribute("aria-invalid");
      }
    };
    describe(false);
    return {
      shell,
      setError(message) {
        error.hidden = message === undefined;
        error.textContent = message ?? "";
        describe(message !== undefined);
        shell.classList.toggle("has-error", message !== undefined);
      },
    };
  }

  function register(block, element, shell, read) {
    fields.push({
      blockId: String(block.block_id ?? ""),
      actionId: String(element.action_id ?? ""),
      read,
      setError: shell.setError,
    });
  }

  function dispatchIfAsked(block, element, read) {
    if (block.dispatch_action !== true) return;
    void context.act({
      kind: "select",
      surface: { view: view.id },
      blockId: block.block_id,
      actionId: element.action_id,
      value: read(),
    });
  }

  /** The options of a static menu as a list of checkboxes, grouped, with a filter when long. */
  function checkboxList(element, chosen, onChange) {
    const list = h("div", { class: "checkbox-list" });
    const groups = menuOptionsOf(element);
    const total = groups.reduce((count, group) => count + group.options.length, 0);
    const boxes = [];
    for (const group of groups) {
      const container =
        group.label === ""
          ? list
          : h("div", { class: "option-group", role: "group", "aria-label": group.label });
      if (group.label !== "")
        container.append(h("div", { class: "option-group-label", "aria-hidden": "true", text: group.label }));
      for (const option of group.options) {
        const input = h("input", {
          type: "checkbox",
          value: option.value,
          checked: chosen.includes(option.value),
        });
        input.addEventListener("change", onChange);
        boxes.push({ input, option, text: plainTextOf(option.text) });
        container.append(h("label", { class: "choice" }, input, " ", plainTextOf(option.text)));
      }
      if (container !== list) list.append(container);
    }
    if (total <= 8) return { control: list, boxes };
    const filter = h("input", {
      type: "search",
      class: "input filter",
      "aria-label": words["modal.filter"],
      placeholder: words["modal.filter"],
    });
    filter.addEventListener("input", () => {
      const wanted = filter.value.trim().toLowerCase();
      for (const box of boxes)
        box.input.closest("label").hidden = wanted !== "" && !box.text.toLowerCase().includes(wanted);
    });
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
    return { control: h("div", { class: "checkbox-picker" }, filter, list), boxes };
  }

  /** An external menu: a search box asking the app for options (block_suggestion), the chosen ones as chips. */
  function externalMenu(block, element, initial, multiple) {
    const label = plainTextOf(block.label);
    const listId = uniqueId("options");
    let chosen = Array.isArray(initial)
      ? [...initial]
      : initial && typeof initial === "object"
        ? [initial]
        : [];
    let offered = (view.suggestedOptions?.[block.block_id]?.[element.action_id] ?? []).map((option) => ({
      text: plainTextOf(option.text),
      value: option.value,
    }));
    let active = -1;
    const chips = h("ul", { class: "chips", "aria-label": words["modal.selected"] });
    const search = h("input", {
      type: "text",
      class: "input",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
      "aria-label": `${label}: ${words["modal.search"]}`,
      placeholder: plainTextOf(element.placeholder) || words["modal.search"],
      autocomplete: "off",
    });
    const listbox = h("ul", {
      id: listId,
      class: "listbox",
      role: "listbox",
      "aria-label": label,
      hidden: true,
    });
    const status = h("div", { class: "hint", "aria-live": "polite" });
    const minimum = typeof element.min_query_length === "number" ? element.min_query_length : 3;
    let searchTimer;
    const renderChips = () => {
      clear(chips);
      if (chosen.length === 0)
        chips.append(h("li", { class: "chip-empty", text: words["modal.none_selected"] }));
      for (const option of chosen)
        chips.append(
          h(
            "li",
            { class: "chip" },
            option.text,
            h("button", {
              type: "button",
              class: "chip-remove",
              "aria-label": fill(words["modal.remove"], { label: option.text }),
              text: "×",
              on: {
                click: () => {
                  chosen = chosen.filter((candidate) => candidate.value !== option.value);
                  renderChips();
                  search.focus();
                  changed();
                },
              },
            }),
          ),
        );
    };
    const renderOptions = () => {
      clear(listbox);
      const shown = offered.filter((option) => !chosen.some((candidate) => candidate.value === option.value));
      if (shown.length === 0)
        listbox.append(
          h("li", {
            class: "listbox-empty",
            role: "option",
            "aria-disabled": "true",
            text: words["modal.no_options"],
          }),
        );
      shown.forEach((option, index) => {
        const item = h("li", {
          id: `${listId}-${index}`,
          role: "option",
          class: `listbox-option${index === active ? " active" : ""}`,
          "aria-selected": index === active ? "true" : "false",
          text: option.text,
        });
        item.addEventListener("mousedown", (event) => event.preventDefault());
        item.addEventListener("click", () => pick(option));
        listbox.append(item);
      });
      if (active >= 0 && active < shown.length)
        search.setAttribute("aria-activedescendant", `${listId}-${active}`);
      else search.removeAttribute("aria-activedescendant");
      return shown;
    };
    const openList = (open) => {
      listbox.hidden = !open;
      search.setAttribute("aria-expanded", open ? "true" : "false");
    };
    const pick = (option) => {
      chosen = multiple ? [...chosen, option] : [option];
      active = -1;
      search.value = "";
      renderChips();
      renderOptions();
      openList(multiple);
      search.focus();
      changed();
    };
    const ask = async () => {
      const query = search.value;
      if (query.length < minimum) return;
      status.textContent = words["modal.searching"];
      const result = await context.act({
        kind: "suggest",
        viewId: view.id,
        blockId: block.block_id,
        actionId: element.action_id,
        value: query,
      });
      status.textContent = "";
      if (result?.ok && Array.isArray(result.options)) {
        offered = result.options.map((option) => ({ text: plainTextOf(option.text), value: option.value }));
        active = -1;
        renderOptions();
        openList(true);
      }
    };
    search.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void ask(), SEARCH_PAUSE_MILLISECONDS);
    });
    search.addEventListener("focus", () => {
      if (minimum === 0 && offered.length === 0) void ask();
      else if (offered.length > 0) {
        renderOptions();
        openList(true);
      }
    });
    search.addEventListener("blur", () => openList(false));
    search.addEventListener("keydown", (event) => {
      const shown = offered.filter((option) => !chosen.some((candidate) => candidate.value === option.value));
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (listbox.hidden) openList(true);
        if (shown.length === 0) return;
        active =
          event.key === "ArrowDown"
            ? (active + 1) % shown.length
            : (active - 1 + shown.length) % shown.length;
        renderOptions();
        document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
      } else if (event.key === "Enter") {
        event.preventDefault();
        const option = shown[active];
        if (option !== undefined && !listbox.hidden) pick(option);
      } else if (event.key === "Escape" && !listbox.hidden) {
        event.preventDefault();
        event.stopPropagation();
        openList(false);
      }
    });
    const read = () => (multiple ? chosen : (chosen[0] ?? null));
    const changed = () => {
      enterNow(block.block_id, element.action_id, read);
      dispatchIfAsked(block, element, read);
    };
    renderChips();
    const control = h(
      "div",
      { class: "external-menu" },
      chips,
      h("div", { class: "combobox" }, search, listbox),
      status,
    );
    return { control, read };
  }

  function renderInput(block) {
    const element = block.element ?? {};
    const blockId = String(block.block_id ?? "");
    const actionId = String(element.action_id ?? "");
    const initial = inputOfState(view.state?.[blockId]?.[actionId]);
    const controlId = uniqueId("field");
    const label = plainTextOf(block.label);
    const placeholder = plainTextOf(element.placeholder) || undefined;
    if (element.type in TEXT_INPUT_TYPES) {
      const multiline = element.type === "plain_text_input" && element.multiline === true;
      const control = h(multiline ? "textarea" : "input", {
        id: controlId,
        class: multiline ? "input textarea" : "input",
        ...(multiline ? { rows: "4" } : { type: TEXT_INPUT_TYPES[element.type] }),
        inputmode:
          element.type === "number_input" ? (element.is_decimal_allowed ? "decimal" : "numeric") : undefined,
        maxlength: element.max_length ?? undefined,
        minlength: element.min_length ?? undefined,
        min: element.min_value ?? undefined,
        max: element.max_value ?? undefined,
        placeholder,
        autocomplete: "off",
        spellcheck: "false",
        value: typeof initial === "string" ? initial : "",
      });
      const read = () => control.value;
      control.addEventListener("input", () => enterSoon(blockId, actionId, read));
      control.addEventListener("change", () => {
        enterNow(blockId, actionId, read);
        dispatchIfAsked(block, element, read);
      });
      const shell = fieldShell(block, control, { grouped: false, controlId });
      register(block, element, shell, read);
      return shell.shell;
    }
    switch (element.type) {
      case "static_select":
      case "users_select": {
        const control = selectOfMenu(element, context, {
          id: controlId,
          selected: typeof initial === "string" ? initial : "",
        });
        control.removeAttribute("aria-label");
        const read = () => (control.value === "" ? null : control.value);
        control.addEventListener("change", () => {
          enterNow(blockId, actionId, read);
          dispatchIfAsked(block, element, read);
        });
        const shell = fieldShell(block, control, { grouped: false, controlId });
        register(block, element, shell, read);
        return shell.shell;
      }
      case "multi_static_select":
      case "checkboxes": {
        const chosen = Array.isArray(initial) ? initial.map((option) => option.value) : [];
        let read = () => [];
        const { control, boxes } = checkboxList(element, chosen, () => {
          enterNow(blockId, actionId, read);
          dispatchIfAsked(block, element, read);
        });
        read = () => boxes.filter((box) => box.input.checked).map((box) => box.option.value);
        const shell = fieldShell(block, control, { grouped: true });
        register(block, element, shell, read);
        return shell.shell;
      }
      case "radio_buttons": {
        const name = uniqueId("radio");
        const group = h("div", { class: "choices" });
        const read = () => group.querySelector("input:checked")?.value ?? null;
        for (const option of element.options ?? []) {
          const input = h("input", {
            type: "radio",
            name,
            value: option.value,
            checked: initial === option.value,
          });
          input.addEventListener("change", () => {
            enterNow(blockId, actionId, read);
            dispatchIfAsked(block, element, read);
          });
          group.append(h("label", { class: "choice" }, input, " ", renderText(option.text, context)));
        }
        const shell = fieldShell(block, group, { grouped: true });
        register(block, element, shell, read);
        return shell.shell;
      }
      case "external_select":
      case "multi_external_select": {
        const { control, read } = externalMenu(
          block,
          element,
          initial,
          element.type === "multi_external_select",
        );
        const shell = fieldShell(block, control, { grouped: true });
        register(block, element, shell, read);
        return shell.shell;
      }
      default:
        return h(
          "div",
          { class: "field unsupported" },
          h("div", { class: "field-label", text: label }),
          `[${element.type}]`,
        );
    }
  }

  const blockContext = { ...context, surface: { view: view.id }, renderInput };
  const body = h(
    "div",
    { class: "dialog-body" },
    noticeArea,
    ...renderBlocks(definition.blocks ?? [], blockContext),
  );
  const closeButton = h("button", {
    type: "button",
    class: "button",
    text: plainTextOf(definition.close) || "×",
    on: { click: () => void context.close(view.id) },
  });
  const submitButton = definition.submit
    ? h("button", { type: "submit", class: "button primary", text: plainTextOf(definition.submit) })
    : null;
  const form = h(
    "form",
    { class: "dialog-form", novalidate: true },
    body,
    h("div", { class: "dialog-footer" }, closeButton, submitButton),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submitButton === null || submitButton.disabled) return;
    clearTimeout(pendingEnter);
    const values = {};
    for (const field of fields)
      values[field.blockId] = { ...values[field.blockId], [field.actionId]: field.read() };
    submitButton.disabled = true;
    form.setAttribute("aria-busy", "true");
    try {
      await context.act({ kind: "submit", viewId: view.id, values });
    } finally {
      submitButton.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
  const stackLabel =
    context.stackSize > 1
      ? h("span", {
          class: "stack",
          text: fill(words["modal.stack"], { position: context.position, count: context.stackSize }),
        })
      : null;
  const dialog = h(
    "div",
    { class: "dialog modal", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
    h(
      "div",
      { class: "dialog-header" },
      h("h2", { id: titleId, class: "dialog-title", text: plainTextOf(definition.title) || view.title }),
      stackLabel,
    ),
    form,
  );
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      void context.close(view.id);
    } else if (event.key === "Tab") trapFocus(event, dialog);
  });
  const layer = h("div", { class: "dialog-layer" }, dialog);

  function update(latest, notices) {
    for (const field of fields) field.setError(latest.errors?.[field.blockId]);
    clear(noticeArea);
    for (const notice of notices)
      noticeArea.append(h("div", { class: "modal-notice", role: "alert", text: notice.text }));
  }

  return {
    element: layer,
    viewId: view.id,
    hash: view.hash,
    update,
    focusFirst() {
      const first = body.querySelector("input, select, textarea, button");
      (first ?? dialog.querySelector("button"))?.focus();
    },
  };
}

export { askConfirmation };
