// The sandbox page on real parts for the tests: the real bot started against the stand-in for Slack
// (the Slack harness, its emails in the sandbox's mailbox, the outbox polled as `npm start` does),
// SAT's test taxpayers with a few places in the database, and the page's handler on a small HTTP
// server of its own beside the bot, as the bot's own server will mount it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TSandboxPersona, TSandboxSite } from "../../../src/sandbox/site/sandbox-site.ts";
import { createSandboxSite } from "../../../src/sandbox/site/sandbox-site.ts";
import { seedBasics, type TSeededPlaces } from "../../support/seed.ts";
import {
  AUDIT_CHANNEL,
  PEOPLE,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../support/slack-harness.ts";

export const PERSONAS: readonly TSandboxPersona[] = [
  { user: PEOPLE.admin, role: "admin" },
  { user: PEOPLE.support, role: "support" },
  { user: PEOPLE.accountant, role: "accountant" },
  { user: PEOPLE.nobody, role: "nobody" },
];

export interface TSiteFixture {
  readonly harness: TMailboxSlackHarness;
  readonly site: TSandboxSite;
  readonly places: TSeededPlaces;
  /** `http://127.0.0.1:<port>` of the page's server. */
  readonly origin: string;
  stop(): Promise<void>;
}

export async function startSiteFixture(
  options: { readonly locale?: "es" | "en" } = {},
): Promise<TSiteFixture> {
  const harness = await startSlackHarness({
    mail: "sandbox mailbox",
    pollOutbox: true,
    environment: options.locale === undefined ? {} : { BOT_LOCALE: options.locale },
  });
  const places = await seedBasics(harness.testDatabase.database);
  const site = createSandboxSite({
    workspace: harness.slack.workspace,
    mailbox: harness.mailbox,
    personFor: (slackUserId) => harness.as(slackUserId),
    people: PERSONAS,
    auditChannel: AUDIT_CHANNEL,
    locale: options.locale ?? "es",
    demoData: false,
  });
  const server: Server = createServer((request, response) => {
    if (!site.handle(request, response)) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not the page's");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    harness,
    site,
    places,
    origin,
    async stop() {
      site.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness.stop();
    },
  };
}
