// The password modal: Contraseña actual, Nueva contraseña, Confirmar nueva contraseña, and the
// warning that Slack does not mask what is typed. Nothing typed here is ever echoed back.
import { z } from "zod";
import type { TLocale } from "../../../../i18n/locale.ts";
import { context, input, type ModalView, modal, section, textInput } from "../../../ui/blocks.ts";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { accountCopy } from "../copy.ts";
import { AccountViewId, PASSWORD_FIELD_ACTION_ID, PasswordFormBlockId } from "../ids.ts";

/**
 * The form; `errors` (block id → message) are shown under their fields when the answer came after
 * the submission was acknowledged, where Slack's own field errors can no longer be given.
 */
export function passwordFormModal(options: {
  locale: TLocale;
  minimumLength: number;
  errors?: Readonly<Record<string, string>>;
}): ModalView {
  const copy = accountCopy(options.locale);
  const errorUnder = (blockId: string) => {
    const message = options.errors?.[blockId];
    return message === undefined ? [] : [context(`⚠️ ${message}`)];
  };
  return modal({
    callbackId: AccountViewId.PASSWORD_FORM,
    title: copy("form.title"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    blocks: [
      context(copy("form.warning", { minimum: options.minimumLength })),
      input(
        PasswordFormBlockId.CURRENT,
        copy("form.current"),
        textInput(PASSWORD_FIELD_ACTION_ID, { maxLength: 128 }),
      ),
      ...errorUnder(PasswordFormBlockId.CURRENT),
      input(
        PasswordFormBlockId.NEW,
        copy("form.new"),
        textInput(PASSWORD_FIELD_ACTION_ID, { maxLength: 512 }),
      ),
      ...errorUnder(PasswordFormBlockId.NEW),
      input(
        PasswordFormBlockId.CONFIRMATION,
        copy("form.confirmation"),
        textInput(PASSWORD_FIELD_ACTION_ID, { maxLength: 512 }),
      ),
      ...errorUnder(PasswordFormBlockId.CONFIRMATION),
    ],
  });
}

/** Shown at once when the check would keep Slack waiting; views.update then shows the outcome. */
export function passwordCheckingModal(locale: TLocale): ModalView {
  const copy = accountCopy(locale);
  return modal({
    callbackId: `${AccountViewId.PASSWORD_FORM}.checking`,
    title: copy("form.title"),
    close: copy("form.close_done"),
    blocks: [section(copy("form.checking"))],
  });
}

export function passwordChangedModal(locale: TLocale): ModalView {
  const copy = accountCopy(locale);
  return modal({
    callbackId: `${AccountViewId.PASSWORD_FORM}.done`,
    title: copy("form.done_title"),
    close: copy("form.close_done"),
    blocks: [section(copy("form.done"))],
  });
}

const readValues = submittedValuesReader({ value: z.string().nullish() });

export function readPasswordForm(values: unknown): {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
} {
  const blocks = readValues(values);
  const value = (blockId: string) => blocks[blockId]?.[PASSWORD_FIELD_ACTION_ID]?.value ?? "";
  return {
    currentPassword: value(PasswordFormBlockId.CURRENT),
    newPassword: value(PasswordFormBlockId.NEW),
    confirmation: value(PasswordFormBlockId.CONFIRMATION),
  };
}
