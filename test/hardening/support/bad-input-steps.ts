// What every "Bad input" file does around its property: a harness whose acting admin is not
// U0ADMIN01 (so that `<@U0ADMIN01>` in any bot output can only have come from input), the bot's
// own modal opened through its command, a fresh response_url for each submission, and the checks
// after the submissions: the outbox delivered, no ping or forged link in the audit posts, DMs and
// emails, and the audit chain still verifying.

import { verifyAuditChain } from "../../../src/application/audit/verify-audit-chain.ts";
import type { TJsonValue } from "../../../src/sandbox/json.ts";
import type { TSlackMessage, TSlackView } from "../../../src/sandbox/slack-records.ts";
import { PEOPLE, startSlackHarness, type TSlackHarness } from "../../support/slack-harness.ts";
import { injectionsInEmailHtml, injectionsInTimeline, type TInjectionFinding } from "./bot-output-scan.ts";
import { startControllableSmtpServer, type TControllableSmtpServer } from "./controllable-smtp-server.ts";
import { waitUntil } from "./free-port.ts";

/** Acts as the admin in every Bad input file (U0ADMIN01 holds no role there). */
export const ACTING_ADMIN = PEOPLE.accountant;

export interface TBadInputHarness {
  readonly harness: TSlackHarness;
  /** The SMTP server the bot sends to (with envelopes, unlike the harness's own). */
  readonly smtp: TControllableSmtpServer;
  stop(): Promise<void>;
}

export async function startBadInputHarness(): Promise<TBadInputHarness> {
  const smtp = await startControllableSmtpServer();
  const harness = await startSlackHarness({
    environment: { ADMIN_SLACK_USER_IDS: ACTING_ADMIN.id, SMTP_URL: smtp.url },
  });
  await settleOutbox(harness);
  return {
    harness,
    smtp,
    async stop() {
      await harness.stop();
      await smtp.close();
    },
  };
}

/**
 * Waits until the outbox holds nothing to deliver: the worker's first batch runs by itself right
 * after the start, and a property must not see its rows change under a submission.
 */
export async function settleOutbox(harness: TSlackHarness): Promise<void> {
  const prisma = harness.testDatabase.database.prisma;
  await waitUntil(
    async () => {
      await harness.drainOutbox();
      return (await prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0 ? true : undefined;
    },
    { description: "the outbox to be delivered", timeoutMilliseconds: 20_000, intervalMilliseconds: 50 },
  );
}

/** Runs `command text` as the person and returns the modal the bot opened after its ack. */
export async function openModalThrough(
  harness: TSlackHarness,
  personId: string,
  command: string,
  text: string,
): Promise<TSlackView> {
  const person = harness.as(personId);
  const answer = await person.runSlashCommand(command, text);
  if (!answer.acknowledged)
    throw new Error(`${command} ${text} was not acknowledged (HTTP ${answer.status})`);
  await harness.slack.waitForCall("views.open", { since: answer.sequence, timeoutMilliseconds: 10_000 });
  const modal = person.openModal();
  if (modal === undefined) throw new Error(`${command} ${text} opened no modal`);
  return modal;
}

/** Clicks the first button `actionId` of `surface` (a message or view) and returns the modal the bot opened. */
export async function openModalByClick(
  harness: TSlackHarness,
  personId: string,
  surface: TSlackMessage,
  actionId: string,
): Promise<TSlackView> {
  const person = harness.as(personId);
  const answer = await person.clickButton({ actionId, in: surface });
  if (!answer.acknowledged) throw new Error(`${actionId} was not acknowledged (HTTP ${answer.status})`);
  await harness.slack.waitForCall("views.open", { since: answer.sequence, timeoutMilliseconds: 10_000 });
  const modal = person.openModal();
  if (modal === undefined) throw new Error(`${actionId} opened no modal`);
  return modal;
}

/** Runs `command text` and returns the message the bot answered with (in the ack or after it). */
export async function messageThrough(
  harness: TSlackHarness,
  personId: string,
  command: string,
  text: string,
): Promise<TSlackMessage> {
  const person = harness.as(personId);
  const before = person.ephemeralMessages().length;
  const answer = await person.runSlashCommand(command, text);
  if (!answer.acknowledged)
    throw new Error(`${command} ${text} was not acknowledged (HTTP ${answer.status})`);
  return harness.slack.workspace.waitFor(
    () => (person.ephemeralMessages().length > before ? person.lastEphemeral() : undefined),
    { description: `the answer to ${command} ${text}`, timeoutMilliseconds: 10_000 },
  );
}

/** The view with its private_metadata's responseUrl replaced by a new one (five uses each, like Slack's). */
export function withFreshResponseUrl(harness: TSlackHarness, view: TSlackView, personId: string): TSlackView {
  const workspace = harness.slack.workspace;
  let metadata: Record<string, TJsonValue> = {};
  try {
    const parsed: unknown = JSON.parse(view.privateMetadata);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      metadata = parsed as Record<string, TJsonValue>;
  } catch {
    return view;
  }
  if (metadata.responseUrl === undefined) return view;
  const responseUrl = workspace.issueResponseUrl({
    userId: personId,
    channelId: workspace.directMessageChannelOf(personId),
    source: { kind: "command" },
  });
  return { ...view, privateMetadata: JSON.stringify({ ...metadata, responseUrl: responseUrl.url }) };
}

export interface TDeliveredOutputs {
  readonly emails: number;
  readonly slackEntries: number;
  readonly findings: readonly TInjectionFinding[];
}

/** Delivers the outbox, then looks for pings and forged links in everything sent since `sequence`. */
export async function deliverAndScan(setup: TBadInputHarness, sequence: number, emailsBefore: number) {
  await setup.harness.drainOutbox();
  const entries = setup.harness.slack.timeline(sequence);
  const emails = setup.smtp.messages.slice(emailsBefore);
  const findings = [
    ...injectionsInTimeline(entries),
    ...emails.flatMap((mail, index) =>
      injectionsInEmailHtml(
        typeof mail.parsed.html === "string" ? mail.parsed.html : "",
        `email #${index + 1}`,
      ),
    ),
  ];
  return { emails: emails.length, slackEntries: entries.length, findings } satisfies TDeliveredOutputs;
}

export async function auditChainVerdict(harness: TSlackHarness) {
  return verifyAuditChain(harness.testDatabase.database.prisma);
}

export function describeFindings(findings: readonly TInjectionFinding[]): string[] {
  return findings.map((finding) => `${finding.kind} in ${finding.where}: ${JSON.stringify(finding.excerpt)}`);
}
