// The page's static files: hand-written browser modules and a style sheet in `assets/`, read once
// when the site is created. The folder is found from this module the way the migrations folder is
// (src/infrastructure/prisma/migrations-folder.ts): `src/` and `dist/` sit side by side at the same
// depth, so the same relative path reaches `src/sandbox/site/assets/` from either, and the build
// (tsc, which copies no other files) needs no step of its own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ASSETS_DIRECTORY = fileURLToPath(new URL("../../../src/sandbox/site/assets/", import.meta.url));

/** Every file the page loads, by its name under `/sandbox/assets/`, and its content type. */
export const SITE_ASSET_TYPES: Readonly<Record<string, string>> = {
  "page.css": "text/css; charset=utf-8",
  "page.js": "text/javascript; charset=utf-8",
  "dom.js": "text/javascript; charset=utf-8",
  "mrkdwn.js": "text/javascript; charset=utf-8",
  "block-kit.js": "text/javascript; charset=utf-8",
  "modal.js": "text/javascript; charset=utf-8",
  "panels.js": "text/javascript; charset=utf-8",
  "composer.js": "text/javascript; charset=utf-8",
};

export interface TSiteAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Reads every asset; throws when one is missing, so a build without them fails at start. */
export function loadSiteAssets(directory: string = ASSETS_DIRECTORY): ReadonlyMap<string, TSiteAsset> {
  return new Map(
    Object.entries(SITE_ASSET_TYPES).map(([name, contentType]) => {
      const file = path.join(directory, name);
      try {
        return [name, { contentType, body: readFileSync(file) }];
      } catch (error) {
        throw new Error(
          `the sandbox page's asset ${file} is missing: a build must keep src/sandbox/site/assets/ beside dist/`,
          { cause: error },
        );
      }
    }),
  );
}
