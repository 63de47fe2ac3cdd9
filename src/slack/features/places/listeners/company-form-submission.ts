// The "Nueva empresa" / "Editar empresa" form's submission. Field errors are answered inside the
// modal, on the field, in the same request (response_action: errors) and nothing is stored; on
// success the modal closes and the catalogue is refreshed at the page showing the company.
import type { App } from "@slack/bolt";
import { createCompany } from "../../../../application/places/create-company.ts";
import { updateCompany } from "../../../../application/places/update-company.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { COMPANY_FORM_BLOCK_BY_FIELD, CompanyFormBlockId, PlacesViewId } from "../ids.ts";
import { answerFormSubmission } from "../screens/answer-form-submission.ts";
import { companyNotice } from "../views/change-notices.ts";
import { readCompanyForm, readCompanyFormMetadata } from "../views/company-form-modal.ts";

export function registerCompanyFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, useCases } = dependencies;

  app.view(PlacesViewId.COMPANY_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readCompanyFormMetadata(view.private_metadata);
    const fields = readCompanyForm(view.state.values);
    const { companyId } = metadata;
    await answerFormSubmission(dependencies, {
      ack,
      requestContext,
      origin: { responseUrl: metadata.responseUrl, state: metadata.state },
      save: () =>
        companyId === undefined
          ? createCompany(useCases, { context: requestContext, fields })
          : updateCompany(useCases, { context: requestContext, companyId, fields }),
      saved: (company) => ({
        notice: companyNotice(companyId === undefined ? "created" : "updated", company, locale),
        focus: { companyId: company.id },
      }),
      blockIdByField: COMPANY_FORM_BLOCK_BY_FIELD,
      fallbackBlockId: CompanyFormBlockId.RFC,
    });
  });
}
