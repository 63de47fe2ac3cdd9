// The "Nueva empresa" / "Editar empresa" form's submission. Field errors are answered inside the
// modal, on the field, in the same request (response_action: errors) and nothing is stored; on
// success the modal closes and the catalogue is refreshed at the page showing the company.
import type { App } from "@slack/bolt";
import type { TCompanyDetails } from "../../../../application/places/company-fields.ts";
import { createCompany } from "../../../../application/places/create-company.ts";
import { updateCompany } from "../../../../application/places/update-company.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { COMPANY_FORM_BLOCK_BY_FIELD, CompanyFormBlockId, PlacesViewId } from "../ids.ts";
import { refreshCatalogue } from "../screens/refresh-catalogue.ts";
import { isGone, refusalNotice } from "../views/catalogue-refusals.ts";
import { companyNotice } from "../views/change-notices.ts";
import { readCompanyForm, readCompanyFormMetadata } from "../views/company-form-modal.ts";

export function registerCompanyFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;

  app.view(PlacesViewId.COMPANY_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readCompanyFormMetadata(view.private_metadata);
    const fields = readCompanyForm(view.state.values);
    const origin = { responseUrl: metadata.responseUrl, state: metadata.state };
    let company: TCompanyDetails;
    try {
      company =
        metadata.companyId === undefined
          ? await createCompany(useCases, { context: requestContext, fields })
          : await updateCompany(useCases, { context: requestContext, companyId: metadata.companyId, fields });
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
        blockIdByField: COMPANY_FORM_BLOCK_BY_FIELD,
        fallbackBlockId: CompanyFormBlockId.RFC,
        requestId: requestContext.requestId,
        logger,
      });
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    await refreshCatalogue(dependencies, requestContext, {
      ...origin,
      notice: companyNotice(metadata.companyId === undefined ? "created" : "updated", company, locale),
      focus: { companyId: company.id },
    });
  });
}
