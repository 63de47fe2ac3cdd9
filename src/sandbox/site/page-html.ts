// The page's HTML: a shell in the page's language that loads the style sheet and the page's module;
// everything else is built by the module from the session and the person's snapshot. No inline
// script or style, so the Content-Security-Policy can forbid both.
import type { TLocale } from "../../i18n/locale.ts";
import { sandboxPageCopy } from "./copy.ts";
import { MANIFEST_APP_NAME } from "./slash-commands.ts";

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function pageHtml(locale: TLocale, appName: string = MANIFEST_APP_NAME): string {
  const copy = sandboxPageCopy(locale);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(copy("page.title", { app: appName }))}</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
<script type="module" src="/sandbox/assets/page.js"></script>
</head>
<body>
<div id="sandbox-root" class="loading"><p role="status">${escapeHtml(copy("page.loading"))}</p></div>
<noscript><p>${escapeHtml(copy("page.no_script"))}</p></noscript>
</body>
</html>
`;
}
