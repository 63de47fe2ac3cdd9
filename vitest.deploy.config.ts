// `npm run test:deploy`: the Dockerfile's own commands on a clean copy of the project (a pruned
// install, the build, the start, the health check). Minutes of npm work, so not in `npm test`;
// .ci/run runs it.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/deploy/**/*.deploy.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
