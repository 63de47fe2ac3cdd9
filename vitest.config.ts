import { defineConfig } from "vitest/config";
import { KEEP_EMBEDDED_DATABASE_VARIABLE } from "./test/support/shared-test-process.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The sandbox page in a browser has its own run (vitest.browser.config.ts, npm run test:browser).
    exclude: ["test/browser/**", "**/node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    // Most of a test file's time is waiting (databases, HTTP, SMTP): three files at once on two cores.
    maxWorkers: 3,
    // Each process runs its files one after another, keeping what they imported and its embedded
    // database (test/support/test-database.ts): no test changes process-wide state (no vi.mock, no
    // environment or timer stubs), and loading PGlite and the app's modules anew for each file took
    // two thirds of the suite's CPU time here.
    isolate: false,
    env: { [KEEP_EMBEDDED_DATABASE_VARIABLE]: "1" },
    // Files that start child processes, and PostgreSQL where each file creates its database, take seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
