// `npm run test:hardening`: the hardening suite of issue 7 (test/hardening/README.md). Its files
// end in `.hardening.ts`, so the everyday `npm test` (test/**/*.test.ts) never runs them.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/hardening/**/*.hardening.ts"],
    globalSetup: ["test/hardening/global-setup.ts"],
    // Two cores: two files at a time; the property-based sections keep a core busy each.
    maxWorkers: 2,
    // A property runs a thousand requests in one test; a child bot process takes seconds to start.
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
