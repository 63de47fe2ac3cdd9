// The container's HEALTHCHECK: exit 0 when this process's /readyz answers 200, else 1 with the
// failing parts on stderr. Plain Node (fetch), nothing to install in the image.
import { readEnvironment } from "../config/environment.ts";

const { PORT } = readEnvironment();
const url = `http://127.0.0.1:${PORT}/readyz`;
try {
  const answer = await fetch(url, { signal: AbortSignal.timeout(4_000) });
  if (answer.ok) process.exit(0);
  process.stderr.write(`not ready: ${await answer.text()}\n`);
} catch (error) {
  process.stderr.write(
    `not ready: ${url} did not answer (${error instanceof Error ? error.message : String(error)})\n`,
  );
}
process.exit(1);
