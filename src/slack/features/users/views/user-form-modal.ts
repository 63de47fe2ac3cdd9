// The create / edit form of SPEC.md: Cuenta del usuario, Nombre de la persona, Correo electrónico,
// Usuario de Slack (optional) and Lugares de expedición grouped by company — a static select up to
// 100 places, a searchable external select beyond — and the optional Acceso hasta (a date picker;
// emptied, the access has no end).
import { z } from "zod";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import type { TPlaceChoices } from "../../../../application/users/prepare-portal-user-change.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  datePicker,
  input,
  type ModalView,
  modal,
  multiExternalSelect,
  multiStaticSelect,
  option,
  optionGroup,
  type TOption,
  textInput,
  usersSelect,
} from "../../../ui/blocks.ts";
import { decodeJson, encodeJson } from "../../../ui/json-values.ts";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { usersCopy } from "../copy.ts";
import { FIELD_ACTION_ID, PLACES_ACTION_ID, UserFormBlockId, UsersViewId } from "../ids.ts";
import { ZListState } from "../list-state.ts";

export const ZUserFormMetadata = z.object({
  userId: z.uuid().optional(),
  responseUrl: z.url().optional(),
  state: ZListState.optional(),
});
export type TUserFormMetadata = z.infer<typeof ZUserFormMetadata>;

/** The form's metadata; undefined when it cannot be read (then nothing says whether it is an edit). */
export function readUserFormMetadata(raw: string): TUserFormMetadata | undefined {
  return decodeJson(ZUserFormMetadata, raw);
}

export function placeOption(place: { id: string; label: string }): TOption {
  return option(place.label, place.id);
}

/** A new account's first values (an access request being approved); an edit starts from `user`. */
export interface TUserFormDraft {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly places: readonly { readonly id: string; readonly label: string }[];
}

export function userFormModal(options: {
  user?: TPortalUserDetails;
  draft?: TUserFormDraft;
  placeChoices: TPlaceChoices;
  metadata: TUserFormMetadata;
  locale: TLocale;
}): ModalView {
  const { user, locale } = options;
  const copy = usersCopy(locale);
  const draft = user === undefined ? options.draft : undefined;
  const initialPlaces = (user?.places ?? draft?.places ?? []).map(placeOption);
  const placesElement =
    options.placeChoices.kind === "listed"
      ? multiStaticSelect(
          PLACES_ACTION_ID,
          options.placeChoices.companies
            .filter((company) => company.places.length > 0)
            .map((company) =>
              optionGroup(`${company.legalName} (${company.rfc})`, company.places.map(placeOption)),
            ),
          { initialOptions: initialPlaces, placeholder: copy("form.places_placeholder") },
        )
      : multiExternalSelect(PLACES_ACTION_ID, {
          initialOptions: initialPlaces,
          placeholder: copy("form.places_placeholder"),
        });
  return modal({
    callbackId: UsersViewId.USER_FORM,
    title: copy(user === undefined ? "form.title_new" : "form.title_edit"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    privateMetadata: encodeJson(options.metadata),
    blocks: [
      input(
        UserFormBlockId.USERNAME,
        copy("form.username"),
        textInput(FIELD_ACTION_ID, {
          initialValue: user?.username ?? draft?.username ?? "",
          maxLength: 32,
          placeholder: "maria.lopez",
        }),
        { hint: copy("form.username_hint") },
      ),
      input(
        UserFormBlockId.FULL_NAME,
        copy("form.full_name"),
        textInput(FIELD_ACTION_ID, { initialValue: user?.fullName ?? draft?.fullName ?? "", maxLength: 120 }),
      ),
      input(
        UserFormBlockId.EMAIL,
        copy("form.email"),
        textInput(FIELD_ACTION_ID, {
          initialValue: user?.email ?? draft?.email ?? "",
          maxLength: 254,
          placeholder: "nombre@empresa.com",
        }),
        { hint: copy("form.email_hint") },
      ),
      input(
        UserFormBlockId.SLACK_USER,
        copy("form.slack_user"),
        usersSelect(FIELD_ACTION_ID, { initialUser: user?.slackUserId ?? null }),
        {
          optional: true,
          hint: copy("form.slack_user_hint"),
        },
      ),
      input(UserFormBlockId.PLACES, copy("form.places"), placesElement, { hint: copy("form.places_hint") }),
      input(
        UserFormBlockId.ACCESS_UNTIL,
        copy("form.access_until"),
        datePicker(FIELD_ACTION_ID, {
          initialDate: user?.accessUntil ?? null,
          placeholder: copy("form.access_until_placeholder"),
        }),
        { optional: true, hint: copy("form.access_until_hint") },
      ),
    ],
  });
}

/** Reads the submitted form; unknown shapes give empty fields, which the use case then refuses on the field. */
export function readUserForm(values: unknown): {
  username: string;
  fullName: string;
  email: string;
  slackUserId: string | undefined;
  placeIds: string[];
  accessUntil: string | undefined;
} {
  const blocks = readValues(values);
  const text = (blockId: string) => blocks[blockId]?.[FIELD_ACTION_ID]?.value ?? "";
  const places = blocks[UserFormBlockId.PLACES]?.[PLACES_ACTION_ID]?.selected_options ?? [];
  return {
    username: text(UserFormBlockId.USERNAME),
    fullName: text(UserFormBlockId.FULL_NAME),
    email: text(UserFormBlockId.EMAIL),
    slackUserId: blocks[UserFormBlockId.SLACK_USER]?.[FIELD_ACTION_ID]?.selected_user ?? undefined,
    placeIds: places.map((selected) => selected.value),
    accessUntil: submittedDate(blocks[UserFormBlockId.ACCESS_UNTIL]?.[FIELD_ACTION_ID]?.selected_date),
  };
}

const readValues = submittedValuesReader({
  value: z.string().nullish(),
  selected_user: z.string().nullish(),
  // Any type, so that a forged one is refused on the date's own field, not as an unreadable form.
  selected_date: z.unknown().optional(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

/** A date picker's value: the text as sent (the use case checks it), undefined when empty. */
function submittedDate(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
