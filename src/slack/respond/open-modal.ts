// Opens a modal right after the ack, while the trigger_id is fresh (Slack gives it 3 seconds).
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../application/ports/logger.ts";

export async function openModal(
  client: WebClient,
  triggerId: string,
  view: ModalView,
  logger: Logger,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    // An expired trigger (a slow network) loses only the form; the user presses the button again.
    logger.warn({ err: error }, "could not open the modal");
    return false;
  }
}
