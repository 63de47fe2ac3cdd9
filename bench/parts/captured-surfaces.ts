// The real messages and modals the load sends its clicks and submissions from, taken from the
// running bot once through the sandbox's user simulator: the /usuarios list (with its page ▶
// button), the create form the bot opens, and the Cambiar contraseña modal a linked user opens.
import { findInteractiveElement, optionsOf } from "../../src/sandbox/block-kit-reading.ts";
import { stringField } from "../../src/sandbox/json.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "../../src/sandbox/slack-records.ts";
import { createSlackUserSimulator } from "../../src/sandbox/slack-user-simulator.ts";
import { AccountActionId } from "../../src/slack/features/account/ids.ts";
import { PLACES_ACTION_ID, USERS_COMMAND } from "../../src/slack/features/users/ids.ts";
import type { TBotProcess } from "../processes/bot-process.ts";
import type { TRunContext } from "../run-context.ts";
import { ADMIN } from "../slack/bench-workspace.ts";

const WAIT_MILLISECONDS = 15_000;

function simulatorFor(context: TRunContext, bot: TBotProcess, user: TSlackUser) {
  return createSlackUserSimulator({
    slack: context.workspace.slack,
    appUrl: bot.appUrl,
    signingSecret: context.secrets.signingSecret,
    userId: user.id,
  });
}

/** The admin's /usuarios list as the bot answers it. */
export async function captureUsersList(context: TRunContext, bot: TBotProcess): Promise<TSlackMessage> {
  const admin = simulatorFor(context, bot, ADMIN);
  const answer = await admin.runSlashCommand(USERS_COMMAND, "");
  const message = admin.lastEphemeral();
  if (!answer.acknowledged || message === undefined)
    throw new Error(`/usuarios showed no list (HTTP ${answer.status}): ${answer.refusedBySlack.join("; ")}`);
  return message;
}

export interface TUserForm {
  readonly view: TSlackView;
  /** The value of the first issuing place the form offers. */
  readonly firstPlaceValue: string;
}

/** The create form the bot opens for `/usuarios nuevo`. */
export async function captureUserForm(context: TRunContext, bot: TBotProcess): Promise<TUserForm> {
  const { slack } = context.workspace;
  const admin = simulatorFor(context, bot, ADMIN);
  await admin.runSlashCommand(USERS_COMMAND, "nuevo");
  const view = await slack.workspace.waitFor(() => admin.openModal(), {
    timeoutMilliseconds: WAIT_MILLISECONDS,
    description: "the create form",
  });
  const places = findInteractiveElement(view.blocks, { actionId: PLACES_ACTION_ID });
  const firstPlaceValue =
    places === undefined ? undefined : stringField(optionsOf(places.element)[0] ?? {}, "value");
  if (firstPlaceValue === undefined) throw new Error("the create form offers no issuing place to pick");
  slack.workspace.clearModals(ADMIN.id);
  return { view, firstPlaceValue };
}

/** The password modal a linked person opens from the DM's Cambiar contraseña button, left open. */
export async function capturePasswordForm(
  context: TRunContext,
  bot: TBotProcess,
  person: TSlackUser,
): Promise<TSlackView> {
  const { slack } = context.workspace;
  const simulator = simulatorFor(context, bot, person);
  await simulator.sendDirectMessage("hola");
  const summary = await slack.workspace.waitFor(
    () =>
      simulator
        .directMessages()
        .find(
          (message) =>
            message.fromApp &&
            findInteractiveElement(message.blocks, { actionId: AccountActionId.CHANGE_PASSWORD }) !==
              undefined,
        ),
    { timeoutMilliseconds: WAIT_MILLISECONDS, description: "the Mi cuenta DM" },
  );
  await simulator.clickButton({ actionId: AccountActionId.CHANGE_PASSWORD, in: summary });
  // Left open, as on the person's screen: the bot may update it after answering the submission.
  return slack.workspace.waitFor(() => simulator.openModal(), {
    timeoutMilliseconds: WAIT_MILLISECONDS,
    description: "the password modal",
  });
}
