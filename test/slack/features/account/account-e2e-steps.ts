// The steps the self-service end-to-end tests take, over the shared harness: what a person sees in
// their DM with the bot, the password modal, the portal's login, and everything the bot ever said
// or logged (to prove a secret never appears in it). Every request asserts Slack's 3-second clock.
import { expect } from "vitest";
import type { TSlackMessage, TSlackView } from "../../../../src/sandbox/slack-records.ts";
import type { TAppAnswer, TSurface } from "../../../../src/sandbox/slack-user-simulator.ts";
import {
  AccountActionId,
  PASSWORD_FIELD_ACTION_ID,
  PasswordFormBlockId,
} from "../../../../src/slack/features/account/ids.ts";
import { expectAcknowledged, textOf } from "../../../support/slack-answers.ts";
import { PORTAL_API_KEY, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";

export { textOf };

export interface TPasswordFormValues {
  readonly current: string;
  readonly next: string;
  readonly confirmation?: string;
}

export interface TPortalLogin {
  readonly status: number;
  readonly body: {
    readonly ok?: boolean;
    readonly error?: string;
    readonly mustChangePassword?: boolean;
    readonly user?: {
      readonly username: string;
      readonly places: readonly { rfc: string; companyName: string; postalCode: string; placeName: string }[];
    };
  };
}

export interface TAccountSteps {
  /** Writes to the bot in the DM; the bot's reply, posted after the ack. */
  directMessage(personId: string, text: string): Promise<{ answer: TAppAnswer; reply: TSlackMessage }>;
  /** `/micuenta`: the ephemeral message shown in the ack. */
  myAccountCommand(personId: string): Promise<TSlackMessage>;
  /** Opens the App Home tab: the view the bot published after the ack. */
  openHome(personId: string): Promise<TSlackView>;
  /** The bot's DMs to the person after `sequence` (a timeline position), oldest first. */
  directMessagesSince(personId: string, sequence: number): TSlackMessage[];
  /** Clicks Cambiar contraseña on a message or Home tab: the modal the bot opened after its ack. */
  openPasswordForm(personId: string, surface: TSurface): Promise<TSlackView>;
  /** Types the three fields and presses Cambiar: the answer, and the modal as the person then sees it. */
  submitPasswordForm(
    personId: string,
    viewId: string,
    values: TPasswordFormValues,
  ): Promise<{ answer: TAppAnswer; modal: TSlackView | undefined }>;
  /** The portal's `POST /api/portal/v1/login`, with the portal's API key. */
  portalLogin(username: string, password: string): Promise<TPortalLogin>;
  /** Everything the bot sent towards Slack (Web API calls, response_url posts, HTTP answers), as text. */
  everythingTheBotSentToSlack(): string;
  /** Every log record, as text (errors with their message and stack). */
  everythingLogged(): string;
  /** Every audit event and outbox row, as text. */
  everythingStored(): Promise<string>;
  /** Asserts Slack's clock on any other answer, and keeps its time. */
  acknowledged(request: string, answer: TAppAnswer): TAppAnswer;
  /** Each request these steps sent the app and how long its answer took, in order. */
  readonly answerTimes: TAnswerTime[];
}

export interface TAnswerTime {
  readonly request: string;
  readonly milliseconds: number;
}

/** JSON that survives cycles, bigints and Error objects (whose message and stack JSON would drop). */
export function serialized(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return item.toString();
    if (item instanceof Error) return { ...item, name: item.name, message: item.message, stack: item.stack };
    if (typeof item === "object" && item !== null) {
      if (seen.has(item)) return "[cycle]";
      seen.add(item);
    }
    return item;
  });
}

export function accountSteps(harness: () => TMailboxSlackHarness): TAccountSteps {
  const answerTimes: TAnswerTime[] = [];
  /** Slack's clock for every answer, and its time kept for the report. */
  function acknowledged(request: string, answer: TAppAnswer): TAppAnswer {
    answerTimes.push({ request, milliseconds: answer.elapsedMilliseconds });
    return expectAcknowledged(answer);
  }

  const steps: TAccountSteps = {
    answerTimes,
    acknowledged,

    async directMessage(personId, text) {
      const slack = harness().slack;
      const person = harness().as(personId);
      const answer = acknowledged("DM to the bot", await person.sendDirectMessage(text));
      await slack.waitForCall("chat.postMessage", { since: answer.sequence });
      const reply = steps.directMessagesSince(personId, answer.sequence).at(-1);
      if (reply === undefined) throw new Error(`the bot did not answer ${personId}'s DM`);
      return { answer, reply };
    },

    async myAccountCommand(personId) {
      const person = harness().as(personId);
      const before = person.ephemeralMessages().length;
      acknowledged("/micuenta", await person.runSlashCommand("/micuenta"));
      expect(person.ephemeralMessages().length).toBe(before + 1);
      const shown = person.lastEphemeral();
      if (shown === undefined) throw new Error("/micuenta showed nothing");
      return shown;
    },

    async openHome(personId) {
      const person = harness().as(personId);
      const answer = acknowledged("app_home_opened", await person.openAppHome());
      await harness().slack.waitForCall("views.publish", { since: answer.sequence });
      const home = person.home();
      if (home === undefined) throw new Error(`no Home tab for ${personId}`);
      return home;
    },

    directMessagesSince(personId, sequence) {
      const slack = harness().slack;
      const postedAfter = new Set(
        slack
          .calls("chat.postMessage")
          .filter((call) => call.sequence > sequence && call.ok)
          .map((call) => {
            const posted = call.response;
            return typeof posted === "object" && posted !== null && !Array.isArray(posted)
              ? String(posted.ts)
              : "";
          }),
      );
      return harness()
        .as(personId)
        .directMessages()
        .filter((message) => message.fromApp && postedAfter.has(message.ts));
    },

    async openPasswordForm(personId, surface) {
      const person = harness().as(personId);
      const answer = acknowledged(
        "Cambiar contraseña button",
        await person.clickButton({ actionId: AccountActionId.CHANGE_PASSWORD, in: surface }),
      );
      await harness().slack.waitForCall("views.open", { since: answer.sequence });
      const modal = person.openModal();
      if (modal === undefined) throw new Error("the bot opened no password form");
      return modal;
    },

    async submitPasswordForm(personId, viewId, values) {
      const person = harness().as(personId);
      const answer = acknowledged(
        "password form submission",
        await person.submitView(viewId, {
          [PasswordFormBlockId.CURRENT]: { [PASSWORD_FIELD_ACTION_ID]: values.current },
          [PasswordFormBlockId.NEW]: { [PASSWORD_FIELD_ACTION_ID]: values.next },
          [PasswordFormBlockId.CONFIRMATION]: {
            [PASSWORD_FIELD_ACTION_ID]: values.confirmation ?? values.next,
          },
        }),
      );
      return { answer, modal: await outcomeOfPasswordForm(person.openModal()) };
    },

    async portalLogin(username, password) {
      const response = await fetch(`${harness().baseUrl}/api/portal/v1/login`, {
        method: "POST",
        headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      return { status: response.status, body: (await response.json()) as TPortalLogin["body"] };
    },

    everythingTheBotSentToSlack() {
      // A person's own DM reaches the app inside Slack's request: only what went the other way counts.
      return serialized(
        harness()
          .slack.timeline()
          .map((entry) => (entry.kind === "app_request" ? entry.response : entry.request)),
      );
    },

    everythingLogged() {
      return serialized(harness().logs);
    },

    async everythingStored() {
      const prisma = harness().testDatabase.database.prisma;
      return serialized([await prisma.auditEvent.findMany(), await prisma.outboxMessage.findMany()]);
    },
  };
  /**
   * What the person reads once the form settles: Slack's field errors when the bot answered in
   * time, or — after "Verificando…" under load — the form views.update brought back, its messages
   * under the fields read as the same block id → message map.
   */
  async function outcomeOfPasswordForm(shown: TSlackView | undefined): Promise<TSlackView | undefined> {
    if (shown === undefined || !shown.callbackId.endsWith(".checking")) return shown;
    const settled = await harness().slack.workspace.waitFor(
      () => {
        const view = harness().slack.workspace.viewById(shown.id);
        return view !== undefined && !view.callbackId.endsWith(".checking") ? view : undefined;
      },
      { timeoutMilliseconds: 30_000, description: "the password form's outcome after Verificando…" },
    );
    return { ...settled, errors: errorsUnderFields(settled.blocks) };
  }
  return steps;
}

/** The "⚠️ message" context shown under an input block, keyed by that block's id. */
function errorsUnderFields(blocks: readonly unknown[]): Record<string, string> {
  const errors: Record<string, string> = {};
  let lastInput: string | undefined;
  for (const block of blocks as ReadonlyArray<{
    type?: string;
    block_id?: string;
    elements?: Array<{ text?: string }>;
  }>) {
    if (block.type === "input") lastInput = block.block_id;
    const text = block.type === "context" ? (block.elements?.[0]?.text ?? "") : "";
    if (lastInput !== undefined && text.startsWith("⚠️ ")) errors[lastInput] = text.slice("⚠️ ".length);
  }
  return errors;
}
