import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Most of a test file's time is waiting (databases, HTTP, SMTP): three files at once on two cores.
    maxWorkers: 3,
    // Each database test file starts its own database (seconds of WebAssembly start-up when embedded).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
