// Building the page's DOM: elements are made with their properties and children, text always as
// text nodes, so nothing the bot or a person wrote is ever read as HTML.

/**
 * An element. `props`: `class`, `text` (its text content), `on` (event listeners), `dataset`, any
 * attribute (`aria-*`, `for`, `role`…); booleans set or leave out the attribute. Children: nodes or text.
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = String(value);
    else if (key === "text") element.textContent = String(value);
    else if (key === "on") {
      for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
    } else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key === "value" && "value" in element) element.value = String(value);
    else if (key === "checked" || key === "selected" || key === "disabled" || key === "multiple") {
      element[key] = Boolean(value);
      if (value === true) element.setAttribute(key, "");
    } else element.setAttribute(key, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

/** @param {Node} parent @param {...(Node | string | null | undefined | false)} children */
export function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return parent;
}

/** @param {Node} node */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Fills `{name}` marks the server left for the page. @param {string} template @param {Record<string, unknown>} values */
export function fill(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

let counter = 0;
/** An id unique in the page, for label/for and aria-describedby pairs. @param {string} prefix */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A Slack time ("1718000000.000100") or milliseconds, as the page's locale shows a time. */
export function formatTime(value, locale, withDate = false) {
  const milliseconds = typeof value === "string" ? Number(value) * 1000 : value;
  const options = withDate ? { dateStyle: "medium", timeStyle: "short" } : { timeStyle: "short" };
  return new Intl.DateTimeFormat(locale === "en" ? "en-US" : "es-MX", options).format(new Date(milliseconds));
}
