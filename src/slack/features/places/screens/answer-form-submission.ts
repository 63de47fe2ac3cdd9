// How a company or place form's submission is answered: refused on its fields in the same request
// (nothing stored), or — saved, or its company or place removed meanwhile — the modal closes and the
// catalogue it was opened from is refreshed with what happened on top.
import type { AckFn, ViewResponseAction } from "@slack/bolt";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import type { TCatalogueState } from "../catalogue-state.ts";
import { isGone, refusalNotice } from "../views/catalogue-refusals.ts";
import { refreshCatalogue } from "./refresh-catalogue.ts";

/** A view submission's ack, as Bolt gives it to the listener. */
type TAck = AckFn<void> | AckFn<ViewResponseAction>;

export async function answerFormSubmission<TSaved>(
  dependencies: TSlackFeatureDependencies,
  options: {
    ack: TAck;
    requestContext: TRequestContext;
    origin: { responseUrl: string | undefined; state: TCatalogueState | undefined };
    save: () => Promise<TSaved>;
    /** What the catalogue says on top once saved, and which company (and place) it shows. */
    saved: (saved: TSaved) => { notice: string; focus: { companyId: string; placeId?: string } };
    blockIdByField: Readonly<Record<string, string>>;
    fallbackBlockId: string;
  },
): Promise<void> {
  const { locale, logger } = dependencies;
  const { ack, requestContext, origin } = options;
  let outcome: TSaved;
  try {
    outcome = await options.save();
  } catch (error) {
    if (isGone(error) && origin.responseUrl !== undefined) {
      // Edited while someone removed it: close the form and say so calmly above the catalogue.
      await ack();
      await refreshCatalogue(dependencies, requestContext, {
        ...origin,
        notice: refusalNotice(error, locale, requestContext.requestId, logger),
      });
      return;
    }
    const errors = submissionErrors(error, {
      locale,
      blockIdByField: options.blockIdByField,
      fallbackBlockId: options.fallbackBlockId,
      requestId: requestContext.requestId,
      logger,
    });
    await ack({ response_action: "errors", errors });
    return;
  }
  await ack();
  await refreshCatalogue(dependencies, requestContext, { ...origin, ...options.saved(outcome) });
}
