// What a person does on the page, as the JSON it posts, and the step of their Slack client it is:
// a slash command, a DM, opening the Home tab, a click, a pick, typing into a modal, submitting or
// closing it, searching an external menu. What the client refuses comes back as Slack's client would
// show it (field errors on the view, a refused step); an answer Slack would not apply leaves a notice
// where the person sees it and its reasons for the developer panel.
import { z } from "zod";
import type { TLocale } from "../../i18n/locale.ts";
import type { TJsonObject } from "../json.ts";
import type { TAppAnswer, TSlackUserSimulator, TSurface } from "../slack-user-simulator.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import { SlackClientRefusal, ViewInputRefusedError } from "../view-state.ts";
import { errorsInPageLanguage } from "./client-check-messages.ts";
import { sandboxPageCopy } from "./copy.ts";
import type { TNoticeBoard, TNoticePlace } from "./slack-notices.ts";
import type { TSandboxSlashCommand } from "./slash-commands.ts";
import { refusalCode } from "./timeline-problems.ts";

const ZIdentifier = z.string().min(1).max(255);
const ZChosenOption = z.strictObject({ text: z.string().max(2_000), value: z.string().max(2_000) });
const ZUserInput = z.union([
  z.null(),
  z.string().max(10_000),
  z.array(z.string().max(2_000)).max(100),
  ZChosenOption,
  z.array(ZChosenOption).max(100),
]);
const ZUserInputs = z.record(ZIdentifier, z.record(ZIdentifier, ZUserInput));
const ZSurfaceReference = z.union([
  z.strictObject({ message: z.strictObject({ channel: ZIdentifier, ts: ZIdentifier }) }),
  z.strictObject({ view: ZIdentifier }),
]);

export const ZPageAction = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("command"),
    as: ZIdentifier,
    command: z.string().regex(/^\/[^\s/]{1,32}$/),
    text: z.string().max(4_000),
  }),
  z.strictObject({ kind: z.literal("message"), as: ZIdentifier, text: z.string().min(1).max(4_000) }),
  z.strictObject({ kind: z.literal("open_home"), as: ZIdentifier }),
  z.strictObject({
    kind: z.literal("click"),
    as: ZIdentifier,
    surface: ZSurfaceReference,
    blockId: ZIdentifier,
    actionId: ZIdentifier,
    value: z.string().max(2_000).optional(),
  }),
  z.strictObject({
    kind: z.literal("select"),
    as: ZIdentifier,
    surface: ZSurfaceReference,
    blockId: ZIdentifier,
    actionId: ZIdentifier,
    value: ZUserInput,
  }),
  z.strictObject({ kind: z.literal("enter"), as: ZIdentifier, viewId: ZIdentifier, values: ZUserInputs }),
  z.strictObject({ kind: z.literal("submit"), as: ZIdentifier, viewId: ZIdentifier, values: ZUserInputs }),
  z.strictObject({ kind: z.literal("close"), as: ZIdentifier, viewId: ZIdentifier }),
  z.strictObject({
    kind: z.literal("suggest"),
    as: ZIdentifier,
    viewId: ZIdentifier,
    blockId: ZIdentifier,
    actionId: ZIdentifier,
    value: z.string().max(2_000),
  }),
  // A Slack workspace admin deactivates or reactivates someone's account (Slack sends user_change).
  z.strictObject({
    kind: z.literal("set_deactivated"),
    as: ZIdentifier,
    person: ZIdentifier,
    deactivated: z.boolean(),
  }),
]);
export type TPageAction = z.infer<typeof ZPageAction>;
type TSurfaceReference = z.infer<typeof ZSurfaceReference>;

export type TPageActionResult =
  | {
      readonly ok: true;
      /** Absent when nothing was sent to the app (typing into a modal, closing one without notify_on_close). */
      readonly answer?: {
        readonly status: number;
        readonly acknowledged: boolean;
        readonly refusedBySlack: readonly string[];
        readonly elapsedMilliseconds: number;
      };
      /** For `suggest`: what the menu now offers. */
      readonly options?: readonly TJsonObject[];
    }
  | {
      readonly ok: false;
      /** `client`: Slack's client would not do it; `view_input`: the modal shows errors on its fields. */
      readonly refusal: "client" | "view_input" | "unknown_command";
      readonly message: string;
      readonly fieldErrors?: Readonly<Record<string, string>>;
    };

export interface TPageActionContext {
  readonly workspace: TSlackWorkspace;
  readonly person: TSlackUserSimulator;
  /** Another person of the sandbox (whose Slack account a workspace admin changes). */
  readonly personFor: (slackUserId: string) => TSlackUserSimulator | undefined;
  readonly commands: readonly TSandboxSlashCommand[];
  readonly notices: TNoticeBoard;
  readonly locale: TLocale;
}

function surfaceOf(reference: TSurfaceReference, workspace: TSlackWorkspace): TSurface {
  if ("view" in reference) {
    const view = workspace.viewById(reference.view);
    if (view === undefined) throw new SlackClientRefusal(`view ${reference.view} is not shown`);
    return view;
  }
  const message = workspace.message(reference.message.channel, reference.message.ts);
  if (message === undefined)
    throw new SlackClientRefusal(`message ${reference.message.ts} is no longer there`);
  return message;
}

function placeOf(surface: TSurface): TNoticePlace {
  if ("ts" in surface) return { kind: "conversation", channel: surface.channel };
  return surface.type === "home" ? { kind: "home" } : { kind: "modal", viewId: surface.id };
}

export async function performPageAction(
  action: TPageAction,
  context: TPageActionContext,
): Promise<TPageActionResult> {
  const { person, workspace } = context;
  const copy = sandboxPageCopy(context.locale);

  /** The answer as the page reads it; when Slack refused it, a notice where the person sees it. */
  function answered(answer: TAppAnswer, place: TNoticePlace | undefined, notice: string | undefined) {
    if (answer.refusedBySlack.length > 0) {
      const request = workspace
        .timeline(answer.sequence)
        .find((entry) => entry.kind === "app_request" && entry.userId === person.user.id);
      if (request !== undefined) context.notices.recordAnswerRefusal(request.sequence, answer.refusedBySlack);
      if (place !== undefined && notice !== undefined) {
        context.notices.add({ at: workspace.now(), userId: person.user.id, place, text: notice });
      }
    }
    return {
      ok: true as const,
      answer: {
        status: answer.status,
        acknowledged: answer.acknowledged,
        refusedBySlack: answer.refusedBySlack,
        elapsedMilliseconds: answer.elapsedMilliseconds,
      },
    };
  }
  const errorOf = (answer: TAppAnswer) => refusalCode(answer.refusedBySlack[0] ?? "");

  try {
    switch (action.kind) {
      case "command": {
        if (!context.commands.some((known) => known.command === action.command)) {
          const message = copy("notice.unknown_command", { command: action.command });
          context.notices.add({
            at: workspace.now(),
            userId: person.user.id,
            place: { kind: "conversation", channel: person.channelId },
            text: message,
          });
          return { ok: false, refusal: "unknown_command", message };
        }
        const answer = await person.runSlashCommand(action.command, action.text);
        return answered(
          answer,
          { kind: "conversation", channel: person.channelId },
          copy("notice.command_failed", { command: action.command, error: errorOf(answer) }),
        );
      }
      case "message":
        // Slack tells a person nothing when an event is not acknowledged (it redelivers it).
        return answered(await person.sendDirectMessage(action.text), undefined, undefined);
      case "open_home":
        return answered(await person.openAppHome(), undefined, undefined);
      case "click": {
        const surface = surfaceOf(action.surface, workspace);
        const answer = await person.clickButton({
          in: surface,
          blockId: action.blockId,
          actionId: action.actionId,
          ...(action.value === undefined ? {} : { value: action.value }),
        });
        return answered(answer, placeOf(surface), copy("notice.action_failed", { error: errorOf(answer) }));
      }
      case "select": {
        const surface = surfaceOf(action.surface, workspace);
        const answer = await person.selectOption({
          in: surface,
          blockId: action.blockId,
          actionId: action.actionId,
          value: action.value,
        });
        return answered(answer, placeOf(surface), copy("notice.action_failed", { error: errorOf(answer) }));
      }
      case "enter":
        person.enterValues(action.viewId, action.values);
        return { ok: true };
      case "submit": {
        const answer = await person.submitView(action.viewId, action.values);
        return answered(
          answer,
          { kind: "modal", viewId: action.viewId },
          copy("notice.modal_failed", { error: errorOf(answer) }),
        );
      }
      case "close": {
        const answer = await person.closeView(action.viewId);
        return answer === undefined ? { ok: true } : answered(answer, undefined, undefined);
      }
      case "suggest": {
        const answer = await person.requestOptions(
          action.actionId,
          action.blockId,
          action.value,
          action.viewId,
        );
        return {
          ...answered(
            answer,
            { kind: "modal", viewId: action.viewId },
            copy("notice.modal_failed", { error: errorOf(answer) }),
          ),
          options: answer.options,
        };
      }
      case "set_deactivated": {
        const target = context.personFor(action.person);
        if (target === undefined) throw new SlackClientRefusal(`${action.person} is not in this workspace`);
        return answered(await target.setDeactivated(action.deactivated), undefined, undefined);
      }
    }
  } catch (error) {
    if (error instanceof ViewInputRefusedError)
      return {
        ok: false,
        refusal: "view_input",
        message: error.message,
        fieldErrors: errorsInPageLanguage(error.fieldErrors, context.locale),
      };
    if (error instanceof SlackClientRefusal) return { ok: false, refusal: "client", message: error.message };
    throw error;
  }
}
