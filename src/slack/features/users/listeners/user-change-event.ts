// Slack's user_change event: a person's profile or account changed. Only a deactivation
// (`user.deleted: true`) matters here — it disables the linked portal account at once; a
// reactivation only takes the list's mark away: the account stays disabled. Redeliveries are dropped by the request-context middleware (the
// event id is claimed in the database). Not a request from the person: the actor is Slack.
import type { App } from "@slack/bolt";
import { z } from "zod";
import {
  clearSlackPersonGoneMark,
  disableForDeactivatedSlackPerson,
} from "../../../../application/users/disable-for-deactivated-slack-person.ts";
import { SLACK_USER_ID_PATTERN } from "../../../../domain/portal-user-rules.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";

const ZUserChangeEvent = z.object({
  user: z.object({ id: z.string().regex(SLACK_USER_ID_PATTERN), deleted: z.boolean().optional() }),
});

export function registerUserChangeEvent(app: App, dependencies: TSlackFeatureDependencies): void {
  const { logger, useCases } = dependencies;
  app.event("user_change", async ({ event, body }) => {
    const parsed = ZUserChangeEvent.safeParse(event);
    if (!parsed.success) {
      logger.warn({ component: "slack", eventId: body.event_id }, "a user_change event without a user id");
      return;
    }
    if (parsed.data.user.deleted !== true) {
      if (await clearSlackPersonGoneMark(useCases, parsed.data.user.id))
        logger.info(
          { component: "slack", slackUserId: parsed.data.user.id },
          "Slack reported a deactivated person active again; the account stays disabled",
        );
      return;
    }
    const outcome = await disableForDeactivatedSlackPerson(useCases, {
      slackUserId: parsed.data.user.id,
      source: "user_change_event",
    });
    logger.info(
      { component: "slack", slackUserId: parsed.data.user.id, outcome },
      "Slack reported a person deactivated",
    );
  });
}
