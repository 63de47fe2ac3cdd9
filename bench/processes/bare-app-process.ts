// Starts bare-bolt-app.ts as a child process and waits until it answers on its port.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { TCleanup } from "../cleanup.ts";
import { freePort, spawnTypeScript, type TRunningChild } from "./child-process.ts";

const ENTRY = fileURLToPath(new URL("./bare-bolt-app.ts", import.meta.url));

export interface TBareAppProcess extends TRunningChild {
  readonly appUrl: string;
}

export async function startBareAppProcess(options: {
  readonly cleanup: TCleanup;
  readonly signingSecret: string;
  readonly botToken: string;
  readonly slackApiUrl: string;
  readonly logFile: string;
}): Promise<TBareAppProcess> {
  const port = await freePort();
  const child = await spawnTypeScript({
    cleanup: options.cleanup,
    description: "bare Bolt app",
    entry: ENTRY,
    environment: {
      PORT: String(port),
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_BOT_TOKEN: options.botToken,
      SLACK_API_URL: options.slackApiUrl,
    },
    logFile: options.logFile,
  });
  const deadline = performance.now() + 60_000;
  while (!(await readFile(options.logFile, "utf8")).includes("listening")) {
    if (child.hasExited() || performance.now() > deadline) {
      const tail = await child.logTail();
      await child.stop();
      throw new Error(`the bare Bolt app did not start:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...child, appUrl: `http://127.0.0.1:${port}/slack/events` };
}
