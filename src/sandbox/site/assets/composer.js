// The message composer at the bottom of the DM: a labelled text box where Enter sends (Shift+Enter
// adds a line), `/` lists the app's slash commands with their usage hints (arrows to move, Enter or
// Tab to take one, Escape to close), text not starting with `/` is a DM to the app.
import { clear, fill, h, uniqueId } from "./dom.js";

/**
 * @param {object} options
 * @param {Record<string, string>} options.words
 * @param {string} options.appName
 * @param {{ command: string, description: string, usageHint: string }[]} options.commands
 * @param {(text: string) => Promise<boolean>} options.send resolves true when the text was taken
 */
export function createComposer({ words, appName, commands, send }) {
  const inputId = uniqueId("composer");
  const listId = uniqueId("commands");
  const hintId = uniqueId("composer-hint");
  let active = -1;
  let shown = [];
  const textbox = h("textarea", {
    id: inputId,
    class: "composer-input",
    rows: "1",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-describedby": hintId,
    placeholder: words["composer.placeholder"],
    autocomplete: "off",
    spellcheck: "false",
  });
  const listbox = h("ul", {
    id: listId,
    class: "listbox command-list",
    role: "listbox",
    "aria-label": words["composer.suggestions"],
    hidden: true,
  });
  const sendButton = h("button", { type: "submit", class: "button primary", text: words["composer.send"] });
  const form = h(
    "form",
    { class: "composer" },
    h("label", {
      for: inputId,
      class: "visually-hidden",
      text: fill(words["composer.label"], { app: appName }),
    }),
    h("div", { class: "composer-box" }, listbox, textbox, sendButton),
    h("div", { id: hintId, class: "composer-hint", text: words["composer.hint"] }),
  );

  const open = (isOpen) => {
    listbox.hidden = !isOpen;
    textbox.setAttribute("aria-expanded", isOpen ? "true" : "false");
    if (!isOpen) {
      active = -1;
      textbox.removeAttribute("aria-activedescendant");
    }
  };

  const renderSuggestions = () => {
    const text = textbox.value;
    const typing = /^\/\S*$/.test(text);
    shown = typing ? commands.filter((command) => command.command.startsWith(text)) : [];
    clear(listbox);
    if (shown.length === 0) return open(false);
    if (active >= shown.length) active = shown.length - 1;
    shown.forEach((command, index) => {
      const item = h(
        "li",
        {
          id: `${listId}-${index}`,
          role: "option",
          class: `listbox-option${index === active ? " active" : ""}`,
          "aria-selected": index === active ? "true" : "false",
        },
        h("span", { class: "command-name", text: command.command }),
        command.usageHint ? h("span", { class: "command-hint", text: ` ${command.usageHint}` }) : null,
        h("span", { class: "command-description", text: command.description }),
      );
      item.addEventListener("mousedown", (event) => event.preventDefault());
      item.addEventListener("click", () => take(command));
      listbox.append(item);
    });
    if (active >= 0) textbox.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else textbox.removeAttribute("aria-activedescendant");
    open(true);
  };

  const take = (command) => {
    textbox.value = `${command.command} `;
    open(false);
    textbox.focus();
  };

  const submit = async () => {
    const text = textbox.value.trim();
    if (text === "") return;
    open(false);
    sendButton.disabled = true;
    try {
      if (await send(text)) textbox.value = "";
    } finally {
      sendButton.disabled = false;
      textbox.focus();
    }
  };

  textbox.addEventListener("input", () => {
    active = -1;
    renderSuggestions();
  });
  textbox.addEventListener("blur", () => open(false));
  textbox.addEventListener("keydown", (event) => {
    const listOpen = !listbox.hidden && shown.length > 0;
    if (listOpen && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      active =
        event.key === "ArrowDown" ? (active + 1) % shown.length : (active - 1 + shown.length) % shown.length;
      renderSuggestions();
    } else if (listOpen && active >= 0 && (event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      event.preventDefault();
      take(shown[active]);
    } else if (listOpen && event.key === "Escape") {
      event.preventDefault();
      open(false);
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });

  return { element: form, focus: () => textbox.focus() };
}
