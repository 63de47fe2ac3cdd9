// The one layout every email shares: a message is a list of blocks (paragraphs, labelled lines, a
// link), rendered once as plain text and once as HTML. Every value is escaped here, in one place,
// so that a template cannot forget to; the words come from the email catalogue, copy.ts.
import type { TLocale } from "../../../i18n/locale.ts";
import { emailCopy } from "./copy.ts";

export interface TRenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface TEmailField {
  readonly label: string;
  readonly value: string;
  /** Shown in a fixed-width font (a password one types by hand). */
  readonly monospace?: boolean;
}

export type TEmailBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  /** Each field on its own line: "Label: value". */
  | { readonly kind: "fields"; readonly fields: readonly TEmailField[] }
  | { readonly kind: "link"; readonly label: string; readonly url: string };

export interface TEmailDocument {
  readonly locale: TLocale;
  readonly subject: string;
  readonly greetingName: string;
  readonly blocks: readonly TEmailBlock[];
  /** The service desk's contact (SUPPORT_CONTACT); the email ends with it when given. */
  readonly supportContact?: string | undefined;
}

/** What every notice about an account is given: whom it greets, the account, the service desk. */
export interface TAccountNoticeInput {
  readonly locale: TLocale;
  readonly fullName: string;
  readonly username: string;
  readonly supportContact?: string | undefined;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function allBlocks(document: TEmailDocument): TEmailBlock[] {
  const copy = emailCopy(document.locale);
  const blocks: TEmailBlock[] = [
    { kind: "paragraph", text: copy("common.greeting", { fullName: document.greetingName }) },
    ...document.blocks,
  ];
  blocks.push({ kind: "paragraph", text: copy("common.automatic_message") });
  if (document.supportContact !== undefined && document.supportContact.trim() !== "") {
    blocks.push({
      kind: "fields",
      fields: [{ label: copy("common.contact_label"), value: document.supportContact.trim() }],
    });
  }
  return blocks;
}

function blockAsText(block: TEmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "fields":
      return block.fields.map((field) => `${field.label}: ${field.value}`).join("\n");
    case "link":
      return `${block.label}: ${block.url}`;
  }
}

function blockAsHtml(block: TEmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "fields":
      return `<p>${block.fields
        .map((field) => {
          const value = escapeHtml(field.value);
          const shown = field.monospace === true ? `<code style="font-size:1.1em">${value}</code>` : value;
          return `<strong>${escapeHtml(field.label)}:</strong> ${shown}`;
        })
        .join("<br>\n")}</p>`;
    case "link":
      return `<p>${escapeHtml(block.label)}: <a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
  }
}

export function renderEmail(document: TEmailDocument): TRenderedEmail {
  const blocks = allBlocks(document);
  const text = `${blocks.map(blockAsText).join("\n\n")}\n`;
  const html = [
    "<!doctype html>",
    `<html lang="${document.locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(document.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2933">',
    ...blocks.map(blockAsHtml),
    "</body>",
    "</html>",
  ].join("\n");
  return { subject: document.subject, text, html };
}
