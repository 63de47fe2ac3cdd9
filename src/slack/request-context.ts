// Who sent a Slack request, read from the signed body itself — never from a value a view carried.
import { randomUUID } from "node:crypto";
import type { TRequestContext } from "../domain/actor.ts";

const REQUEST_CONTEXT_KEY = "premiumoneRequest";

interface TSlackBodyShape {
  readonly user_id?: unknown;
  readonly team_id?: unknown;
  readonly user?: { readonly id?: unknown; readonly team_id?: unknown };
  readonly team?: { readonly id?: unknown } | null;
  readonly event?: { readonly user?: unknown };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The Slack user and team of a command, interaction, options request or event; undefined for neither. */
export function slackActorOf(body: unknown): { slackUserId: string; teamId: string | undefined } | undefined {
  const shape = (body ?? {}) as TSlackBodyShape;
  const slackUserId = text(shape.user_id) ?? text(shape.user?.id) ?? text(shape.event?.user);
  if (slackUserId === undefined) return undefined;
  const teamId = text(shape.team_id) ?? text(shape.user?.team_id) ?? text(shape.team?.id);
  return { slackUserId, teamId };
}

export function createRequestContext(body: unknown): TRequestContext | undefined {
  const actor = slackActorOf(body);
  if (actor === undefined) return undefined;
  return {
    actor: { kind: "slack", slackUserId: actor.slackUserId, teamId: actor.teamId },
    requestId: randomUUID(),
  };
}

export function attachRequestContext(
  context: Record<string, unknown>,
  requestContext: TRequestContext,
): void {
  context[REQUEST_CONTEXT_KEY] = requestContext;
}

/** The request's context, set by the request-context middleware before any listener runs. */
export function requestContextOf(context: Record<string, unknown>): TRequestContext {
  const value = findRequestContext(context);
  if (value === undefined) throw new Error("the request-context middleware did not run");
  return value;
}

/** The request's context, or undefined for a request that names no Slack user. */
export function findRequestContext(context: Record<string, unknown>): TRequestContext | undefined {
  return context[REQUEST_CONTEXT_KEY] as TRequestContext | undefined;
}
