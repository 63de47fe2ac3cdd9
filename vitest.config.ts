import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each database test file starts its own embedded database (seconds of WebAssembly start-up).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
