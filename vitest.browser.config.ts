// `npm run test:browser`: the sandbox page in Debian's Chromium (test/browser/). It starts the
// README's `npm start` and a browser, a minute of both cores, so it is not in `npm test`; .ci/run
// installs chromium and runs it.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
