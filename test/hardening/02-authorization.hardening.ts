// Section 2 of issue 7: every admin action — each slash command and verb, each button, each modal
// submission and the options request — built as the admin's client sends it (from the message,
// form or Home tab the bot showed the admin, naming real accounts, companies and places), then
// replayed as a support agent, a portal user (a linked account) and a stranger, also with crafted
// button values, private_metadata and state (another account, the sender's own account, the sender
// made ADMIN…). Each replay is a correctly signed request from that person. What must hold:
//
// - refused: the person is told "No tienes permiso…" (in the ack, on the form, through their
//   response_url, or in their DM for the Home tab's button, which has none), no form is opened, exactly one access.denied audit row is written for the
//   request (actor, attempted action and target as named), with its one audit-channel post;
// - nothing changed: every other table as it was (audit_events and outbox_messages are checked by
//   hand instead: one access.denied row and its post are what a refusal writes by design);
// - what SPEC lets a support agent do (list and search users and roles, read the catalogue and the
//   audit trail, page through them, search places) is answered without a refusal, without an
//   admin's button, and changes nothing at all — not even an audit row.
//
// The private_metadata of a replayed form carries a response_url issued to the sender rather than
// the admin's, so that anything the bot posted would show up as said to the sender.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitAccessRequest } from "../../src/application/access-requests/submit-access-request.ts";
import { createPortalUser } from "../../src/application/users/create-portal-user.ts";
import { disablePortalUser } from "../../src/application/users/disable-portal-user.ts";
import { AuditAction } from "../../src/domain/audit-actions.ts";
import { ErrorCode } from "../../src/domain/errors.ts";
import { errorMessage } from "../../src/i18n/translate.ts";
import { interactiveElementsOf, visibleTextOf } from "../../src/sandbox/block-kit-reading.ts";
import { castPerson } from "../../src/sandbox/cast.ts";
import { deliverToApp } from "../../src/sandbox/deliver-to-app.ts";
import { isJsonObject, type TJsonObject, type TJsonValue } from "../../src/sandbox/json.ts";
import {
  buildAction,
  buildBlockActionsPayload,
  buildBlockSuggestionPayload,
  buildSlashCommandFields,
  buildViewSubmissionPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  encodeForm,
  encodeInteraction,
  type TEncodedRequest,
} from "../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import {
  AccessRequestsActionId,
  RejectionFormBlockId,
} from "../../src/slack/features/access-requests/ids.ts";
import { AuditActionId } from "../../src/slack/features/audit/ids.ts";
import {
  CompanyFormBlockId,
  FIELD_ACTION_ID as PLACES_FIELD_ACTION_ID,
  PlaceFormBlockId,
  PlacesActionId,
} from "../../src/slack/features/places/ids.ts";
import {
  GrantRoleBlockId,
  FIELD_ACTION_ID as ROLES_FIELD_ACTION_ID,
  RolesActionId,
} from "../../src/slack/features/roles/ids.ts";
import {
  PLACES_ACTION_ID,
  FIELD_ACTION_ID as USERS_FIELD_ACTION_ID,
  UserFormBlockId,
  UsersActionId,
} from "../../src/slack/features/users/ids.ts";
import { slackContext } from "../support/seed.ts";
import { PEOPLE, SIGNING_SECRET, startSlackHarness, type TSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { openModalThrough, settleOutbox } from "./support/bad-input-steps.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import { textInputState } from "./support/modal-properties.ts";
import { withRecordedRow } from "./support/results-table.ts";

const SECTION = "2. Authorisation";
const ADMIN = PEOPLE.admin;
const REFUSAL = errorMessage("es", ErrorCode.ACCESS_DENIED);
/** How long to wait for what the bot does after its ack: generous on a loaded machine, never asserted. */
const PATIENCE = { timeoutMilliseconds: 15_000 } as const;

interface TIdentity {
  readonly label: string;
  readonly user: TSlackUser;
  /** May do what SPEC gives support agents: read users, roles, places and the audit trail. */
  readonly mayRead: boolean;
}

const SUPPORT: TIdentity = { label: "support agent", user: PEOPLE.support, mayRead: true };
/** U0CONTA001 is linked to the portal account carla.conta below, and holds no role. */
const PORTAL_USER: TIdentity = { label: "portal user", user: PEOPLE.accountant, mayRead: false };
const STRANGER: TIdentity = { label: "stranger", user: PEOPLE.nobody, mayRead: false };
const NON_ADMINS: readonly TIdentity[] = [SUPPORT, PORTAL_USER, STRANGER];
/** Issue 12: a person with no account whose access request is open, posted to the admin's DM. */
const REQUESTER = castPerson("U0PIDE0001", "pedro", "Pedro Pide");

/** Buttons only an admin may be shown: a support agent's read-only answers must carry none. */
const ADMIN_ONLY_ACTION_IDS: ReadonlySet<string> = new Set([
  UsersActionId.NEW_USER,
  UsersActionId.EDIT,
  UsersActionId.ASK_DELETE,
  UsersActionId.CONFIRM_DELETE,
  UsersActionId.ASK_RESET,
  UsersActionId.CONFIRM_RESET,
  UsersActionId.DISABLE,
  UsersActionId.ENABLE,
  UsersActionId.UNLOCK,
  RolesActionId.GRANT,
  RolesActionId.ASK_REVOKE,
  RolesActionId.CONFIRM_REVOKE,
  PlacesActionId.NEW_COMPANY,
  PlacesActionId.EDIT_COMPANY,
  PlacesActionId.ASK_REMOVE_COMPANY,
  PlacesActionId.CONFIRM_REMOVE_COMPANY,
  PlacesActionId.ADD_PLACE,
  PlacesActionId.EDIT_PLACE,
  PlacesActionId.ASK_REMOVE_PLACE,
  PlacesActionId.CONFIRM_REMOVE_PLACE,
  AccessRequestsActionId.APPROVE,
  AccessRequestsActionId.REJECT,
]);

type TRequestKind = "command" | "block_actions" | "view_submission" | "block_suggestion";

interface TBuiltRequest {
  readonly kind: TRequestKind;
  readonly request: TEncodedRequest;
  /** The bot answers a button after its ack, through this person's response_url: wait for it. */
  readonly answersThroughResponseUrl: boolean;
  /** A Home-tab button has no response_url: the bot answers in the person's DM, after its ack. */
  readonly answersByDirectMessage?: boolean;
}

interface TVariant {
  /** "as sent", or what was crafted. */
  readonly name: string;
  readonly build: (sender: TSlackUser) => TBuiltRequest;
  /** The account, company or place the refusal's audit row must name (its label), when it names one. */
  readonly targetLabel?: () => string;
}

interface TScenario {
  readonly name: string;
  /** The audit action code a refusal records as attempted. */
  readonly attempted: string;
  /** A read SPEC gives support agents: answered for them, refused for the others. */
  readonly supportMayDo: boolean;
  readonly variants: readonly TVariant[];
}

/** What the admin was shown, captured in beforeAll: the surfaces every replay is built from. */
interface TAdminSurfaces {
  usersList: TSlackMessage;
  deleteQuestion: TSlackMessage;
  resetQuestion: TSlackMessage;
  createForm: TSlackView;
  editForm: TSlackView;
  home: TSlackView;
  rolesList: TSlackMessage;
  revokeQuestion: TSlackMessage;
  grantForm: TSlackView;
  catalogue: TSlackMessage;
  removeCompanyQuestion: TSlackMessage;
  removePlaceQuestion: TSlackMessage;
  newCompanyForm: TSlackView;
  editCompanyForm: TSlackView;
  newPlaceForm: TSlackView;
  editPlaceForm: TSlackView;
  auditList: TSlackMessage;
  /** Issue 12: the open access request in the admin's DM, and the forms its Aprobar and Rechazar open. */
  accessRequestMessage: TSlackMessage;
  approvalForm: TSlackView;
  rejectionForm: TSlackView;
}

interface TIds {
  ana: string;
  beto: string;
  carla: string;
  dario: string;
  kemper: string;
  xenon: string;
  centro: string;
  monterrey: string;
  accessRequest: string;
}

describe(`${SECTION}: every admin action replayed by non-admins (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let fingerprinter: TFingerprinter;
  let admin: TAdminSurfaces;
  const ids: TIds = {
    ana: "",
    beto: "",
    carla: "",
    dario: "",
    kemper: "",
    xenon: "",
    centro: "",
    monterrey: "",
    accessRequest: "",
  };
  /** The last audit row before the first replay, and the replays since that must have been refused. */
  let auditIdBeforeReplays = 0n;
  let refusalsExpected = 0;

  const prisma = () => harness.testDatabase.database.prisma;
  const workspace = () => harness.slack.workspace;

  beforeAll(async () => {
    harness = await startSlackHarness({ morePeople: [REQUESTER] });
    const database = prisma();
    const kemper = await database.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    // No place: its Eliminar asks Sí / No (a company with places is refused before asking).
    const xenon = await database.company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    const centro = await database.issuingPlace.create({
      data: { companyId: kemper.id, postalCode: "06000", name: "Centro" },
    });
    const monterrey = await database.issuingPlace.create({
      data: { companyId: kemper.id, postalCode: "64000", name: "Monterrey" },
    });
    Object.assign(ids, { kemper: kemper.id, xenon: xenon.id, centro: centro.id, monterrey: monterrey.id });

    // The accounts, created by the admin (audited like any create): twelve, so that the list pages.
    const create = (username: string, fullName: string, placeId: string, slackUserId?: string) =>
      createPortalUser(harness.bot.dependencies, {
        context: slackContext(ADMIN.id),
        fields: {
          username,
          fullName,
          email: `${username}@cliente.example`,
          placeIds: [placeId],
          ...(slackUserId === undefined ? {} : { slackUserId }),
        },
      });
    ids.ana = (await create("ana.ruiz", "Ana Ruiz", centro.id)).id;
    ids.beto = (await create("beto.diaz", "Beto Díaz", monterrey.id)).id;
    ids.carla = (await create("carla.conta", "Carla Contadora", centro.id, PORTAL_USER.user.id)).id;
    ids.dario = (await create("dario.mora", "Darío Mora", monterrey.id)).id;
    for (let index = 1; index <= 8; index += 1) await create(`zeta.0${index}`, `Zeta ${index}`, centro.id);
    ids.accessRequest = (
      await submitAccessRequest(harness.bot.dependencies, {
        context: slackContext(REQUESTER.id),
        fields: {
          fullName: REQUESTER.realName,
          email: REQUESTER.email,
          placeIds: [centro.id],
          reason: "Facturo para la sucursal Centro",
        },
      })
    ).id;
    // Posted to the admin's DM before Darío's lock: a welcome email delivered would lift it.
    await settleOutbox(harness);
    // Beto disabled (the list offers Habilitar), Darío locked out (it offers Desbloquear).
    await disablePortalUser(harness.bot.dependencies, {
      context: slackContext(ADMIN.id),
      user: { id: ids.beto },
    });
    await database.portalUser.update({
      where: { id: ids.dario },
      data: { failedPasswordAttempts: 5, lockedUntil: new Date(Date.now() + 24 * 60 * 60 * 1000) },
    });

    admin = await captureAdminSurfaces();
    // The admin's forms stay open in their client; nothing more is sent for them.
    workspace().clearModals(ADMIN.id);
    fingerprinter = await createFingerprinter(harness.testDatabase.database, {
      // A refusal writes one access.denied row and its audit-channel post by design; both are
      // checked by hand for each replay (exactly those, nothing else).
      exclude: ["audit_events", "outbox_messages"],
    });
    await settleOutbox(harness);
    auditIdBeforeReplays = await lastAuditId();
  });
  afterAll(() => harness?.stop());

  async function lastAuditId(): Promise<bigint> {
    const last = await prisma().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    return last?.id ?? 0n;
  }

  // ---- what the admin was shown -------------------------------------------------------------

  /** `command text` as the admin: the message answered in the ack. */
  async function adminMessage(command: string, text: string): Promise<TSlackMessage> {
    const person = harness.as(ADMIN.id);
    const before = person.ephemeralMessages().length;
    const answer = await person.runSlashCommand(command, text);
    if (answer.status !== 200) throw new Error(`${command} ${text}: HTTP ${answer.status}`);
    return workspace().waitFor(
      () => (person.ephemeralMessages().length > before ? person.lastEphemeral() : undefined),
      { description: `the admin's answer to ${command} ${text}`, ...PATIENCE },
    );
  }

  /** The admin clicks a button of `surface`; the message as the bot replaced it. */
  async function adminClick(surface: TSlackMessage, actionId: string, containing: string) {
    const element = elementOn(surface, actionId, containing);
    const value = typeof element.element.value === "string" ? element.element.value : undefined;
    const answer = await harness
      .as(ADMIN.id)
      .clickButton({ actionId, in: surface, ...(value === undefined ? {} : { value }) });
    if (answer.status !== 200) throw new Error(`${actionId}: HTTP ${answer.status}`);
    await workspace().waitFor(
      () =>
        harness.slack
          .timeline(answer.sequence)
          .find((entry) => entry.kind === "response_url" && entry.userId === ADMIN.id),
      { description: `the answer to the admin's ${actionId}`, ...PATIENCE },
    );
    const replaced = workspace().message(surface.channel, surface.ts);
    if (replaced === undefined) throw new Error(`the message of ${actionId} is gone`);
    return replaced;
  }

  /** The admin clicks a button of `surface` that opens a form; the form the bot opened. */
  async function adminFormByClick(surface: TSlackMessage, actionId: string, containing: string) {
    const element = elementOn(surface, actionId, containing);
    const value = typeof element.element.value === "string" ? element.element.value : undefined;
    workspace().clearModals(ADMIN.id);
    const person = harness.as(ADMIN.id);
    const answer = await person.clickButton({
      actionId,
      in: surface,
      ...(value === undefined ? {} : { value }),
    });
    if (answer.status !== 200) throw new Error(`${actionId}: HTTP ${answer.status}`);
    await harness.slack.waitForCall("views.open", { since: answer.sequence, ...PATIENCE });
    const view = person.openModal();
    if (view === undefined) throw new Error(`${actionId} opened no form`);
    return view;
  }

  async function captureAdminSurfaces(): Promise<TAdminSurfaces> {
    const usersList = await adminMessage("/usuarios", "");
    const deleteQuestion = await adminMessage("/usuarios", "eliminar ana.ruiz");
    const resetQuestion = await adminMessage("/usuarios", "restablecer ana.ruiz");
    const createForm = await openModalThrough(harness, ADMIN.id, "/usuarios", "nuevo");
    workspace().clearModals(ADMIN.id);
    const editForm = await openModalThrough(harness, ADMIN.id, "/usuarios", "editar ana.ruiz");
    workspace().clearModals(ADMIN.id);
    const opened = await harness.as(ADMIN.id).openAppHome();
    await harness.slack.waitForCall("views.publish", { since: opened.sequence, ...PATIENCE });
    const home = harness.as(ADMIN.id).home();
    if (home === undefined) throw new Error("the admin's Home tab was not published");

    const rolesList = await adminMessage("/usuarios", "roles");
    const grantForm = await adminFormByClick(rolesList, RolesActionId.GRANT, "");
    workspace().clearModals(ADMIN.id);
    const revokeQuestion = await adminClick(
      await adminMessage("/usuarios", "roles"),
      RolesActionId.ASK_REVOKE,
      PEOPLE.support.id,
    );

    const catalogue = await adminMessage("/lugares", "");
    const newCompanyForm = await adminFormByClick(catalogue, PlacesActionId.NEW_COMPANY, "");
    const editCompanyForm = await adminFormByClick(catalogue, PlacesActionId.EDIT_COMPANY, ids.kemper);
    const newPlaceForm = await adminFormByClick(catalogue, PlacesActionId.ADD_PLACE, ids.kemper);
    const editPlaceForm = await adminFormByClick(catalogue, PlacesActionId.EDIT_PLACE, ids.centro);
    workspace().clearModals(ADMIN.id);
    const removeCompanyQuestion = await adminClick(
      await adminMessage("/lugares", ""),
      PlacesActionId.ASK_REMOVE_COMPANY,
      ids.xenon,
    );
    const removePlaceQuestion = await adminClick(
      await adminMessage("/lugares", ""),
      PlacesActionId.ASK_REMOVE_PLACE,
      ids.centro,
    );
    const auditList = await adminMessage("/auditoria", "");
    const accessRequestMessage = harness
      .as(ADMIN.id)
      .directMessages()
      .find((message) => message.fromApp && visibleTextOf(message.blocks).includes(REQUESTER.realName));
    if (accessRequestMessage === undefined) throw new Error("the access request was not posted to the admin");
    const approvalForm = await adminFormByClick(
      accessRequestMessage,
      AccessRequestsActionId.APPROVE,
      ids.accessRequest,
    );
    const rejectionForm = await adminFormByClick(
      accessRequestMessage,
      AccessRequestsActionId.REJECT,
      ids.accessRequest,
    );
    workspace().clearModals(ADMIN.id);
    return {
      accessRequestMessage,
      approvalForm,
      rejectionForm,
      usersList,
      deleteQuestion,
      resetQuestion,
      createForm,
      editForm,
      home,
      rolesList,
      revokeQuestion,
      grantForm,
      catalogue,
      removeCompanyQuestion,
      removePlaceQuestion,
      newCompanyForm,
      editCompanyForm,
      newPlaceForm,
      editPlaceForm,
      auditList,
    };
  }

  // ---- the requests, as the admin's client would send them, from another sender -----------------

  function elementOn(surface: TSlackMessage | TSlackView, actionId: string, containing: string) {
    const element = interactiveElementsOf(surface.blocks).find(
      (candidate) =>
        candidate.actionId === actionId &&
        (containing === "" || String(candidate.element.value ?? "").includes(containing)),
    );
    if (element === undefined)
      throw new Error(`the admin was shown no ${actionId}${containing === "" ? "" : ` for ${containing}`}`);
    return element;
  }

  function dmChannelOf(sender: TSlackUser) {
    return { id: workspace().directMessageChannelOf(sender.id), name: DIRECT_MESSAGE_CHANNEL_NAME };
  }

  function responseUrlFor(sender: TSlackUser): string {
    return workspace().issueResponseUrl({
      userId: sender.id,
      channelId: workspace().directMessageChannelOf(sender.id),
      source: { kind: "command" },
    }).url;
  }

  function slashCommand(command: string, text: string): TVariant["build"] {
    return (sender) =>
      ({
        kind: "command",
        answersThroughResponseUrl: false,
        request: encodeForm(
          buildSlashCommandFields({
            app: workspace().app,
            user: sender,
            channel: dmChannelOf(sender),
            command,
            text,
            triggerId: workspace().issueTrigger(sender.id),
            responseUrl: responseUrlFor(sender),
          }),
        ),
      }) satisfies TBuiltRequest;
  }

  /**
   * A click on the admin's button `actionId` (the one whose value contains `containing`), sent by
   * `sender`; `value` crafts the button's value from the one the admin was shown.
   */
  function click(
    surface: () => TSlackMessage | TSlackView,
    actionId: string,
    options: {
      containing?: string;
      value?: (shown: TJsonObject) => TJsonObject;
      /** Sent as another button than the one shown (one the admin is shown elsewhere): a crafted action_id. */
      asActionId?: string;
    } = {},
  ): TVariant["build"] {
    return (sender) => {
      const shown = surface();
      const element = elementOn(shown, actionId, options.containing ?? "");
      const action = buildAction(
        element,
        undefined,
        workspace().identifiers.messageTimestamp(workspace().now()),
      );
      if (options.value !== undefined) {
        const parsed: TJsonValue = JSON.parse(String(element.element.value ?? "{}"));
        action.value = JSON.stringify(options.value(isJsonObject(parsed) ? parsed : {}));
      }
      if (options.asActionId !== undefined) action.action_id = options.asActionId;
      const isMessage = "ts" in shown;
      return {
        kind: "block_actions",
        answersThroughResponseUrl: isMessage,
        answersByDirectMessage: !isMessage,
        request: encodeInteraction(
          buildBlockActionsPayload({
            app: workspace().app,
            user: sender,
            triggerId: workspace().issueTrigger(sender.id),
            container: isMessage
              ? {
                  kind: "message",
                  message: shown,
                  channel: { id: shown.channel, name: DIRECT_MESSAGE_CHANNEL_NAME },
                  responseUrl: responseUrlFor(sender),
                }
              : { kind: "view", view: shown },
            actions: [action],
            stateValues: {},
          }),
        ),
      };
    };
  }

  /** The admin's form as a tampered client shows it to `sender` (private_metadata crafted or not), submitted. */
  function forgedCopy(sender: TSlackUser, view: TSlackView, metadata?: (shown: TJsonObject) => TJsonObject) {
    const parsed: TJsonValue = view.privateMetadata === "" ? {} : JSON.parse(view.privateMetadata);
    const shown = isJsonObject(parsed) ? parsed : {};
    const crafted = metadata === undefined ? { ...shown } : metadata(shown);
    if (crafted.responseUrl !== undefined) crafted.responseUrl = responseUrlFor(sender);
    return workspace().openModal(sender.id, {
      ...view.definition,
      private_metadata: JSON.stringify(crafted),
    });
  }

  function submit(
    view: () => TSlackView,
    state: (sender: TSlackUser) => TViewStateValues,
    metadata?: (shown: TJsonObject) => TJsonObject,
  ): TVariant["build"] {
    return (sender) => ({
      kind: "view_submission",
      answersThroughResponseUrl: false,
      request: encodeInteraction(
        buildViewSubmissionPayload({
          app: workspace().app,
          user: sender,
          triggerId: workspace().issueTrigger(sender.id),
          view: forgedCopy(sender, view(), metadata),
          stateValues: state(sender),
        }),
      ),
    });
  }

  function suggest(view: () => TSlackView, typed: string): TVariant["build"] {
    return (sender) => ({
      kind: "block_suggestion",
      answersThroughResponseUrl: false,
      request: encodeInteraction(
        buildBlockSuggestionPayload({
          app: workspace().app,
          user: sender,
          actionId: PLACES_ACTION_ID,
          blockId: UserFormBlockId.PLACES,
          value: typed,
          container: { kind: "view", view: forgedCopy(sender, view()) },
        }),
      ),
    });
  }

  const text = (value: string) => ({ [USERS_FIELD_ACTION_ID]: textInputState(value) });
  const placesState = (...placeIds: string[]) => ({
    [PLACES_ACTION_ID]: {
      type: "multi_static_select",
      selected_options: placeIds.map((id) => ({ text: { type: "plain_text", text: "lugar" }, value: id })),
    },
  });
  const userFormState =
    (fields: {
      username: string;
      fullName: string;
      email: string;
      linkSender?: boolean;
      placeIds: () => string[];
    }) =>
    (sender: TSlackUser): TViewStateValues => ({
      [UserFormBlockId.USERNAME]: text(fields.username),
      [UserFormBlockId.FULL_NAME]: text(fields.fullName),
      [UserFormBlockId.EMAIL]: text(fields.email),
      [UserFormBlockId.SLACK_USER]: {
        [USERS_FIELD_ACTION_ID]: {
          type: "users_select",
          selected_user: fields.linkSender ? sender.id : null,
        },
      },
      [UserFormBlockId.PLACES]: placesState(...fields.placeIds()),
    });
  const grantState =
    (whom: (sender: TSlackUser) => string, role: "ADMIN" | "SUPPORT") =>
    (sender: TSlackUser): TViewStateValues => ({
      [GrantRoleBlockId.SLACK_USER]: {
        [ROLES_FIELD_ACTION_ID]: { type: "users_select", selected_user: whom(sender) },
      },
      [GrantRoleBlockId.ROLE]: {
        [ROLES_FIELD_ACTION_ID]: {
          type: "static_select",
          selected_option: { text: { type: "plain_text", text: role }, value: role },
        },
      },
    });
  const placeFieldText = (value: string) => ({ [PLACES_FIELD_ACTION_ID]: textInputState(value) });
  const companyState = (rfc: string, legalName: string) => (): TViewStateValues => ({
    [CompanyFormBlockId.RFC]: placeFieldText(rfc),
    [CompanyFormBlockId.LEGAL_NAME]: placeFieldText(legalName),
  });
  const placeState = (postalCode: string, name: string) => (): TViewStateValues => ({
    [PlaceFormBlockId.POSTAL_CODE]: placeFieldText(postalCode),
    [PlaceFormBlockId.PLACE_NAME]: placeFieldText(name),
  });

  const asSent = (build: TVariant["build"], targetLabel?: () => string): TVariant => ({
    name: "as sent",
    build,
    ...(targetLabel === undefined ? {} : { targetLabel }),
  });
  const ana = () => "ana.ruiz";
  const beto = () => "beto.diaz";
  const carla = () => "carla.conta";
  const supportId = () => PEOPLE.support.id;
  const requester = () => REQUESTER.realName;
  const adminId = () => ADMIN.id;

  const scenarios: readonly TScenario[] = [
    // /usuarios: the command and its verbs.
    {
      name: "/usuarios (the list)",
      attempted: "user.list",
      supportMayDo: true,
      variants: [asSent(slashCommand("/usuarios", ""))],
    },
    {
      name: "/usuarios buscar <texto>",
      attempted: "user.list",
      supportMayDo: true,
      variants: [asSent(slashCommand("/usuarios", "buscar ana"))],
    },
    {
      name: "/usuarios nuevo",
      attempted: AuditAction.USER_CREATED,
      supportMayDo: false,
      variants: [asSent(slashCommand("/usuarios", "nuevo"))],
    },
    {
      name: "/usuarios editar <cuenta>",
      attempted: AuditAction.USER_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(slashCommand("/usuarios", "editar ana.ruiz"), ana),
        {
          name: "the portal user's own account",
          build: slashCommand("/usuarios", "editar carla.conta"),
          targetLabel: carla,
        },
      ],
    },
    {
      name: "/usuarios restablecer <cuenta>",
      attempted: AuditAction.USER_PASSWORD_RESET,
      supportMayDo: false,
      variants: [asSent(slashCommand("/usuarios", "restablecer ana.ruiz"), ana)],
    },
    {
      name: "/usuarios eliminar <cuenta>",
      attempted: AuditAction.USER_DELETED,
      supportMayDo: false,
      variants: [
        asSent(slashCommand("/usuarios", "eliminar ana.ruiz"), ana),
        { name: "in capitals", build: slashCommand("/usuarios", "eliminar ANA.RUIZ"), targetLabel: ana },
      ],
    },
    {
      name: "/usuarios roles",
      attempted: "role.list",
      supportMayDo: true,
      variants: [asSent(slashCommand("/usuarios", "roles"))],
    },
    // /usuarios: the list's buttons, the Sí / No questions and the Home tab's quick action.
    {
      name: "users.page.next (▶ of the list)",
      attempted: "user.list",
      supportMayDo: true,
      variants: [
        asSent(click(() => admin.usersList, `${UsersActionId.PAGE}.next`)),
        {
          name: "value crafted: a search and page 2",
          build: click(() => admin.usersList, `${UsersActionId.PAGE}.next`, {
            value: () => ({ q: "zeta", p: 2 }),
          }),
        },
      ],
    },
    {
      name: "users.cancel (No)",
      attempted: "user.list",
      supportMayDo: true,
      variants: [asSent(click(() => admin.deleteQuestion, UsersActionId.CANCEL))],
    },
    {
      name: "users.new (Nuevo usuario)",
      attempted: AuditAction.USER_CREATED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.usersList, UsersActionId.NEW_USER)),
        // No response_url on a Home tab: the refusal is told in the person's DM.
        { name: "from the admin's Home tab", build: click(() => admin.home, UsersActionId.NEW_USER) },
      ],
    },
    {
      name: "users.edit (Editar)",
      attempted: AuditAction.USER_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.EDIT, { containing: ids.ana }),
          ana,
        ),
        {
          name: "value crafted: the portal user's own account",
          build: click(() => admin.usersList, UsersActionId.EDIT, {
            containing: ids.ana,
            value: (shown) => ({ ...shown, userId: ids.carla }),
          }),
          targetLabel: carla,
        },
      ],
    },
    {
      name: "users.delete.ask (Eliminar)",
      attempted: AuditAction.USER_DELETED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.ASK_DELETE, { containing: ids.ana }),
          ana,
        ),
      ],
    },
    {
      name: "users.reset.ask (Restablecer contraseña)",
      attempted: AuditAction.USER_PASSWORD_RESET,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.ASK_RESET, { containing: ids.ana }),
          ana,
        ),
      ],
    },
    {
      name: "users.delete.yes (Sí on ¿Eliminar?)",
      attempted: AuditAction.USER_DELETED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.deleteQuestion, UsersActionId.CONFIRM_DELETE),
          ana,
        ),
        {
          name: "value crafted: another account, a new confirmation id",
          build: click(() => admin.deleteQuestion, UsersActionId.CONFIRM_DELETE, {
            value: (shown) => ({ ...shown, userId: ids.beto, confirmation: randomUUID() }),
          }),
          targetLabel: beto,
        },
      ],
    },
    {
      name: "users.reset.yes (Sí on ¿Restablecer?)",
      attempted: AuditAction.USER_PASSWORD_RESET,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.resetQuestion, UsersActionId.CONFIRM_RESET),
          ana,
        ),
        {
          name: "value crafted: the portal user's own account",
          build: click(() => admin.resetQuestion, UsersActionId.CONFIRM_RESET, {
            value: (shown) => ({ ...shown, userId: ids.carla, confirmation: randomUUID() }),
          }),
          targetLabel: carla,
        },
      ],
    },
    {
      name: "users.disable (Deshabilitar)",
      attempted: AuditAction.USER_DISABLED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.DISABLE, { containing: ids.ana }),
          ana,
        ),
      ],
    },
    {
      name: "users.enable (Habilitar)",
      attempted: AuditAction.USER_ENABLED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.ENABLE, { containing: ids.beto }),
          beto,
        ),
      ],
    },
    {
      name: "users.unlock (Desbloquear)",
      attempted: AuditAction.USER_UNLOCKED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.usersList, UsersActionId.UNLOCK, { containing: ids.dario }),
          () => "dario.mora",
        ),
      ],
    },
    // /usuarios: the form's submissions and its options request.
    {
      name: "users.form submitted (create)",
      attempted: AuditAction.USER_CREATED,
      supportMayDo: false,
      variants: [
        asSent(
          submit(
            () => admin.createForm,
            userFormState({
              username: "intruso",
              fullName: "Intruso",
              email: "intruso@cliente.example",
              placeIds: () => [ids.centro],
            }),
          ),
        ),
        {
          name: "state crafted: linked to the sender, every place",
          build: submit(
            () => admin.createForm,
            userFormState({
              username: "intrusa",
              fullName: "Intrusa",
              email: "intrusa@cliente.example",
              linkSender: true,
              placeIds: () => [ids.centro, ids.monterrey],
            }),
          ),
        },
      ],
    },
    {
      name: "users.form submitted (edit)",
      attempted: AuditAction.USER_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(
          submit(
            () => admin.editForm,
            userFormState({
              username: "ana.ruiz",
              fullName: "Ana Cambiada",
              email: "ana.cambiada@cliente.example",
              placeIds: () => [ids.centro, ids.monterrey],
            }),
          ),
          ana,
        ),
        {
          name: "private_metadata crafted: the portal user's own account, linked to the sender",
          build: submit(
            () => admin.editForm,
            userFormState({
              username: "carla.conta",
              fullName: "Carla Contadora",
              email: "carla.nueva@cliente.example",
              linkSender: true,
              placeIds: () => [ids.centro, ids.monterrey],
            }),
            (shown) => ({ ...shown, userId: ids.carla }),
          ),
          targetLabel: carla,
        },
      ],
    },
    {
      name: "users.form: edit form with its userId left out (a create)",
      attempted: AuditAction.USER_CREATED,
      supportMayDo: false,
      variants: [
        {
          name: "private_metadata crafted",
          build: submit(
            () => admin.editForm,
            userFormState({
              username: "ana.copia",
              fullName: "Ana Copia",
              email: "ana.copia@cliente.example",
              placeIds: () => [ids.centro],
            }),
            ({ userId: _left, ...rest }) => rest,
          ),
        },
      ],
    },
    {
      name: "block_suggestion users.places (places search)",
      attempted: "place.search",
      // A support agent may read the catalogue, and so search it.
      supportMayDo: true,
      variants: [
        asSent(suggest(() => admin.createForm, "Centro")),
        { name: "value crafted: empty (everything)", build: suggest(() => admin.editForm, "") },
      ],
    },
    // Roles (/usuarios roles).
    {
      name: "roles.grant (Otorgar rol)",
      attempted: AuditAction.ROLE_GRANTED,
      supportMayDo: false,
      variants: [asSent(click(() => admin.rolesList, RolesActionId.GRANT))],
    },
    {
      name: "roles.grant_form submitted",
      attempted: AuditAction.ROLE_GRANTED,
      supportMayDo: false,
      variants: [
        asSent(
          submit(
            () => admin.grantForm,
            grantState(() => PEOPLE.nobody.id, "SUPPORT"),
          ),
          () => PEOPLE.nobody.id,
        ),
        {
          name: "state crafted: the sender made ADMIN",
          build: submit(
            () => admin.grantForm,
            grantState((sender) => sender.id, "ADMIN"),
          ),
        },
      ],
    },
    {
      name: "roles.revoke.ask (Quitar)",
      attempted: AuditAction.ROLE_REVOKED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.rolesList, RolesActionId.ASK_REVOKE, { containing: PEOPLE.support.id }),
          supportId,
        ),
        {
          name: "value crafted: the admin's ADMIN role",
          build: click(() => admin.rolesList, RolesActionId.ASK_REVOKE, {
            containing: PEOPLE.support.id,
            value: () => ({ u: ADMIN.id, r: "ADMIN" }),
          }),
          targetLabel: adminId,
        },
      ],
    },
    {
      name: "roles.revoke.yes (Sí on ¿Quitar?)",
      attempted: AuditAction.ROLE_REVOKED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.revokeQuestion, RolesActionId.CONFIRM_REVOKE),
          supportId,
        ),
        {
          name: "value crafted: the admin's ADMIN role",
          build: click(() => admin.revokeQuestion, RolesActionId.CONFIRM_REVOKE, {
            value: () => ({ u: ADMIN.id, r: "ADMIN" }),
          }),
          targetLabel: adminId,
        },
      ],
    },
    {
      name: "roles.cancel (No on ¿Quitar?)",
      attempted: "role.list",
      supportMayDo: true,
      variants: [asSent(click(() => admin.revokeQuestion, RolesActionId.CANCEL))],
    },
    // /lugares.
    {
      name: "/lugares (the catalogue)",
      attempted: "place.list",
      supportMayDo: true,
      variants: [asSent(slashCommand("/lugares", ""))],
    },
    {
      name: "places.page.next / places.cancel",
      attempted: "place.list",
      supportMayDo: true,
      variants: [
        {
          // The catalogue holds one page; ▶ is what an admin with more companies is shown.
          name: "▶ crafted (page 2)",
          build: click(() => admin.catalogue, PlacesActionId.NEW_COMPANY, {
            asActionId: PlacesActionId.PAGE_NEXT,
            value: () => ({ p: 2 }),
          }),
        },
        asSent(click(() => admin.removePlaceQuestion, PlacesActionId.CANCEL)),
      ],
    },
    {
      name: "places.company.new (Nueva empresa)",
      attempted: AuditAction.COMPANY_CREATED,
      supportMayDo: false,
      variants: [asSent(click(() => admin.catalogue, PlacesActionId.NEW_COMPANY))],
    },
    {
      name: "places.company.edit (Editar empresa)",
      attempted: AuditAction.COMPANY_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.catalogue, PlacesActionId.EDIT_COMPANY, { containing: ids.kemper })),
      ],
    },
    {
      name: "places.company.remove.ask (Eliminar empresa)",
      attempted: AuditAction.COMPANY_REMOVED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.catalogue, PlacesActionId.ASK_REMOVE_COMPANY, { containing: ids.xenon })),
      ],
    },
    {
      name: "places.company.remove.yes (Sí on ¿Eliminar empresa?)",
      attempted: AuditAction.COMPANY_REMOVED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.removeCompanyQuestion, PlacesActionId.CONFIRM_REMOVE_COMPANY)),
        {
          name: "value crafted: the company with places",
          build: click(() => admin.removeCompanyQuestion, PlacesActionId.CONFIRM_REMOVE_COMPANY, {
            value: (shown) => ({ ...shown, companyId: ids.kemper }),
          }),
        },
      ],
    },
    {
      name: "places.place.new (Agregar lugar)",
      attempted: AuditAction.PLACE_CREATED,
      supportMayDo: false,
      variants: [asSent(click(() => admin.catalogue, PlacesActionId.ADD_PLACE, { containing: ids.kemper }))],
    },
    {
      name: "places.place.edit (Editar lugar)",
      attempted: AuditAction.PLACE_UPDATED,
      supportMayDo: false,
      variants: [asSent(click(() => admin.catalogue, PlacesActionId.EDIT_PLACE, { containing: ids.centro }))],
    },
    {
      name: "places.place.remove.ask (Eliminar lugar)",
      attempted: AuditAction.PLACE_REMOVED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.catalogue, PlacesActionId.ASK_REMOVE_PLACE, { containing: ids.centro })),
      ],
    },
    {
      name: "places.place.remove.yes (Sí on ¿Eliminar lugar?)",
      attempted: AuditAction.PLACE_REMOVED,
      supportMayDo: false,
      variants: [
        asSent(click(() => admin.removePlaceQuestion, PlacesActionId.CONFIRM_REMOVE_PLACE)),
        {
          name: "value crafted: a million holders agreed, another place",
          build: click(() => admin.removePlaceQuestion, PlacesActionId.CONFIRM_REMOVE_PLACE, {
            value: (shown) => ({ ...shown, placeId: ids.monterrey, agreedHolders: 1_000_000 }),
          }),
        },
      ],
    },
    {
      name: "places.company_form submitted",
      attempted: AuditAction.COMPANY_CREATED,
      supportMayDo: false,
      variants: [
        asSent(submit(() => admin.newCompanyForm, companyState("CACX7605101P8", "XOCHILT CASAS CHAVEZ"))),
      ],
    },
    {
      name: "places.company_form submitted (edit)",
      attempted: AuditAction.COMPANY_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(submit(() => admin.editCompanyForm, companyState("EKU9003173C9", "KEMPER CAMBIADA"))),
        {
          name: "private_metadata crafted: another company",
          build: submit(
            () => admin.editCompanyForm,
            companyState("XIA190128J61", "XENON CAMBIADA"),
            (shown) => ({ ...shown, companyId: ids.xenon }),
          ),
        },
      ],
    },
    {
      name: "places.place_form submitted",
      attempted: AuditAction.PLACE_CREATED,
      supportMayDo: false,
      variants: [
        asSent(submit(() => admin.newPlaceForm, placeState("76000", "Querétaro"))),
        {
          name: "private_metadata crafted: another company",
          build: submit(
            () => admin.newPlaceForm,
            placeState("76000", "Querétaro"),
            (shown) => ({ ...shown, companyId: ids.xenon }),
          ),
        },
      ],
    },
    {
      name: "places.place_form submitted (edit)",
      attempted: AuditAction.PLACE_UPDATED,
      supportMayDo: false,
      variants: [
        asSent(submit(() => admin.editPlaceForm, placeState("06000", "Centro Cambiado"))),
        {
          name: "private_metadata crafted: another place",
          build: submit(
            () => admin.editPlaceForm,
            placeState("64000", "Monterrey Cambiado"),
            (shown) => ({ ...shown, placeId: ids.monterrey }),
          ),
        },
      ],
    },
    // Issue 12: access requests — the list, Aprobar and Rechazar, and the forms they open.
    {
      name: "/usuarios solicitudes",
      attempted: "access_request.list",
      supportMayDo: false,
      variants: [asSent(slashCommand("/usuarios", "solicitudes"))],
    },
    {
      name: "access_requests.approve (Aprobar)",
      attempted: AuditAction.ACCESS_REQUEST_APPROVED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.accessRequestMessage, AccessRequestsActionId.APPROVE),
          requester,
        ),
      ],
    },
    {
      name: "access_requests.reject (Rechazar)",
      attempted: AuditAction.ACCESS_REQUEST_REJECTED,
      supportMayDo: false,
      variants: [
        asSent(
          click(() => admin.accessRequestMessage, AccessRequestsActionId.REJECT),
          requester,
        ),
      ],
    },
    {
      name: "access_requests.approval_form (Aprobar's create form)",
      attempted: AuditAction.ACCESS_REQUEST_APPROVED,
      supportMayDo: false,
      variants: [
        asSent(
          submit(
            () => admin.approvalForm,
            userFormState({
              username: "pedro.pide",
              fullName: "Pedro Pide",
              email: "pedro@empresa.example",
              placeIds: () => [ids.centro],
            }),
          ),
          requester,
        ),
        {
          name: "metadata crafted: another request id",
          build: submit(
            () => admin.approvalForm,
            userFormState({
              username: "pedro.pide",
              fullName: "Pedro Pide",
              email: "pedro@empresa.example",
              placeIds: () => [ids.centro],
            }),
            (shown) => ({ ...shown, accessRequestId: randomUUID() }),
          ),
        },
      ],
    },
    {
      name: "access_requests.rejection_form (Rechazar's reason form)",
      attempted: AuditAction.ACCESS_REQUEST_REJECTED,
      supportMayDo: false,
      variants: [
        asSent(
          submit(
            () => admin.rejectionForm,
            () => ({ [RejectionFormBlockId.NOTE]: text("No trabaja con nosotros") }),
          ),
          requester,
        ),
      ],
    },
    // /auditoria.
    {
      name: "/auditoria and /auditoria <cuenta>",
      attempted: "audit.list",
      supportMayDo: true,
      variants: [
        asSent(slashCommand("/auditoria", "")),
        { name: "filtered by account", build: slashCommand("/auditoria", "ana.ruiz"), targetLabel: ana },
      ],
    },
    {
      name: "audit.page.next (▶ of the trail)",
      attempted: "audit.list",
      supportMayDo: true,
      variants: [
        asSent(click(() => admin.auditList, AuditActionId.PAGE_NEXT)),
        {
          name: "value crafted: another account's page 2",
          build: click(() => admin.auditList, AuditActionId.PAGE_NEXT, {
            value: () => ({ a: "ana.ruiz", p: 2 }),
          }),
          targetLabel: ana,
        },
      ],
    },
  ];

  // ---- one replay, and what it did --------------------------------------------------------------

  interface TReplayOutcome {
    readonly refused: boolean;
    /** What made it count as changed (for a refusal) or wrong (for an allowed read). */
    readonly problems: readonly string[];
    readonly changedSomething: boolean;
    readonly auditedTwice: boolean;
  }

  /** What the person was told: the ack's text, blocks and field errors, and any response_url post to them. */
  function whatWasShown(body: TJsonValue, sequence: number, sender: TSlackUser) {
    const texts: string[] = [];
    const blocks: TJsonValue[] = [];
    const read = (value: TJsonValue) => {
      if (!isJsonObject(value)) {
        if (typeof value === "string") texts.push(value);
        return;
      }
      if (typeof value.text === "string") texts.push(value.text);
      if (Array.isArray(value.blocks)) {
        blocks.push(...value.blocks);
        texts.push(visibleTextOf(value.blocks));
      }
      if (isJsonObject(value.errors)) texts.push(...Object.values(value.errors).map(String));
    };
    read(body);
    const elsewhere: string[] = [];
    const toSender = new Set([sender.id, workspace().directMessageChannelOf(sender.id)]);
    for (const entry of harness.slack.timeline(sequence)) {
      if (entry.kind === "response_url") {
        if (entry.userId === sender.id) read(entry.request);
        else elsewhere.push(`a response_url post to ${entry.userId}`);
      }
      if (entry.kind !== "api_call") continue;
      // A DM to the sender is how a Home-tab click is answered; any other call is something done.
      const channel = isJsonObject(entry.request) ? entry.request.channel : undefined;
      if (entry.name === "chat.postMessage" && typeof channel === "string" && toSender.has(channel))
        read(entry.request);
      else elsewhere.push(`Slack ${entry.name}`);
    }
    const options = isJsonObject(body)
      ? [
          ...(Array.isArray(body.options) ? body.options : []),
          ...(Array.isArray(body.option_groups)
            ? body.option_groups.flatMap((group) =>
                isJsonObject(group) && Array.isArray(group.options) ? group.options : [],
              )
            : []),
        ].length
      : 0;
    const adminButtons = interactiveElementsOf(blocks)
      .map((element) => element.actionId)
      .filter((actionId) => ADMIN_ONLY_ACTION_IDS.has(actionId));
    return { text: texts.join("\n"), adminButtons, options, elsewhere };
  }

  async function replay(
    scenario: TScenario,
    variant: TVariant,
    identity: TIdentity,
  ): Promise<TReplayOutcome> {
    const sender = identity.user;
    const mayDo = scenario.supportMayDo && identity.mayRead;
    const before = await fingerprinter.take();
    const auditId = await lastAuditId();
    const outboxBefore = await prisma().outboxMessage.count();
    const logsBefore = harness.logs.length;
    const built = variant.build(sender);
    const sequence = workspace().lastSequence();
    const answer = await deliverToApp({
      appUrl: harness.appUrl,
      signingSecret: SIGNING_SECRET,
      request: built.request,
    });
    const problems: string[] = [];
    if (answer.status !== 200) problems.push(`answered HTTP ${answer.status}`);
    if (built.answersThroughResponseUrl && answer.status === 200) {
      await workspace()
        .waitFor(
          () =>
            harness.slack
              .timeline(sequence)
              .find((entry) => entry.kind === "response_url" && entry.userId === sender.id),
          { description: `the answer to ${sender.id} through the response_url`, ...PATIENCE },
        )
        .catch(() => problems.push("no answer through the response_url"));
    }
    if (built.answersByDirectMessage === true && answer.status === 200) {
      await harness.slack
        .waitForCall("chat.postMessage", { since: sequence, ...PATIENCE })
        .catch(() => problems.push("no answer in the DM"));
    }
    workspace().clearModals(sender.id);
    // A refusal is an answer, not a failure: the bot logs no error for it.
    for (const log of harness.logs.slice(logsBefore))
      if (log.level === "error")
        problems.push(`logged an error: ${log.message ?? ""} ${JSON.stringify(log.object).slice(0, 160)}`);

    const shown = whatWasShown(answer.body, sequence, sender);
    const newRows = await prisma().auditEvent.findMany({
      where: { id: { gt: auditId } },
      orderBy: { id: "asc" },
    });
    const outboxAfter = await prisma().outboxMessage.count();
    const postsOfNewRows = await prisma().outboxMessage.findMany({
      where: { auditEventId: { in: newRows.map((row) => row.id) } },
      select: { kind: true },
    });
    const tables = changedTables(before, await fingerprinter.take());
    const denied = newRows.filter((row) => row.action === AuditAction.ACCESS_DENIED);
    const otherRows = newRows.filter((row) => row.action !== AuditAction.ACCESS_DENIED);

    // Whatever the verdict, nothing but a refusal's own row and post may have been written.
    const changes = [
      ...tables,
      ...otherRows.map((row) => `an audit row ${row.action}`),
      ...(outboxAfter - outboxBefore !== denied.length ||
      postsOfNewRows.some((post) => post.kind !== "slack.audit_post")
        ? [`${outboxAfter - outboxBefore} outbox rows for ${denied.length} refusals`]
        : []),
      ...shown.elsewhere,
    ];

    if (mayDo) {
      if (shown.text.includes(REFUSAL)) problems.push("refused a read SPEC allows support");
      if (denied.length > 0) problems.push(`${denied.length} access.denied rows for an allowed read`);
      if (shown.adminButtons.length > 0)
        problems.push(`shown admin buttons ${shown.adminButtons.join(", ")}`);
      if (built.kind === "block_suggestion" && shown.options === 0) problems.push("no place offered");
      problems.push(...changes);
      return { refused: false, problems, changedSomething: changes.length > 0, auditedTwice: false };
    }

    const refusalShown =
      built.kind === "block_suggestion" ? shown.options === 0 : shown.text.includes(REFUSAL);
    if (!refusalShown)
      problems.push(
        built.kind === "block_suggestion"
          ? `offered ${shown.options} places`
          : `not told the refusal (shown ${JSON.stringify(shown.text.slice(0, 120))})`,
      );
    if (shown.adminButtons.length > 0) problems.push(`shown admin buttons ${shown.adminButtons.join(", ")}`);
    const [row] = denied;
    if (denied.length !== 1) problems.push(`${denied.length} access.denied rows`);
    if (row !== undefined) {
      const attempted = (row.changes as { attempted?: unknown } | null)?.attempted;
      if (row.actorId !== sender.id) problems.push(`audited as ${row.actorId}`);
      if (row.result !== "denied") problems.push(`result ${row.result}`);
      if (attempted !== scenario.attempted)
        problems.push(`attempted ${String(attempted)}, not ${scenario.attempted}`);
      const label = variant.targetLabel?.();
      if (label !== undefined && row.targetLabel !== label)
        problems.push(`target ${String(row.targetLabel)}, not ${label}`);
    }
    problems.push(...changes);
    const refused = denied.length >= 1 && refusalShown;
    return {
      refused,
      problems,
      changedSomething: refused && changes.length > 0,
      auditedTwice: denied.length > 1,
    };
  }

  for (const scenario of scenarios) {
    const who = scenario.supportMayDo
      ? "refused to portal users and strangers, answered for support"
      : "refused to all three";
    it(`${scenario.name}: ${who}, audited once, nothing changed`, async () => {
      await withRecordedRow({ section: SECTION, scenario: scenario.name }, async (tally) => {
        const failures: string[] = [];
        for (const variant of scenario.variants) {
          for (const identity of NON_ADMINS) {
            const outcome = await replay(scenario, variant, identity);
            tally.tried += 1;
            if (!(scenario.supportMayDo && identity.mayRead)) refusalsExpected += 1;
            if (outcome.refused) tally.refused += 1;
            if (outcome.changedSomething) tally.changed += 1;
            if (outcome.auditedTwice) tally.duplicated += 1;
            for (const problem of outcome.problems)
              failures.push(`${identity.label}, ${variant.name}: ${problem}`);
          }
        }
        const crafted = scenario.variants.filter((variant) => variant.name !== "as sent").length;
        tally.note = [
          scenario.supportMayDo ? "support may read it: answered, nothing written" : undefined,
          crafted > 0 ? `${crafted} crafted variant${crafted === 1 ? "" : "s"}` : undefined,
        ]
          .filter(Boolean)
          .join("; ");
        expect(failures, failures[0]).toEqual([]);
      });
    });
  }

  it("each refused request has exactly one access.denied row, also late, and the admin's data is intact", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "every refusal audited once (by request id), after all replays" },
      async (tally) => {
        // A late second row would land after the replay that caused it was checked: counted here.
        const rows = await prisma().auditEvent.findMany({
          where: { id: { gt: auditIdBeforeReplays } },
          select: { action: true, requestId: true },
        });
        const perRequest = new Map<string, number>();
        for (const row of rows) perRequest.set(row.requestId, (perRequest.get(row.requestId) ?? 0) + 1);
        const twice = [...perRequest.values()].filter((count) => count > 1).length;
        tally.tried = refusalsExpected;
        tally.refused = rows.filter((row) => row.action === AuditAction.ACCESS_DENIED).length;
        tally.duplicated = twice;
        tally.changed = rows.filter((row) => row.action !== AuditAction.ACCESS_DENIED).length;
        tally.note = `${perRequest.size} request ids among the audit rows written since the first replay`;
        expect(rows.every((row) => row.action === AuditAction.ACCESS_DENIED)).toBe(true);
        expect(twice).toBe(0);
        expect(rows.length).toBe(refusalsExpected);
        const accounts = await prisma().portalUser.findMany({ orderBy: { username: "asc" } });
        expect(accounts.map((account) => account.username)).toContain("ana.ruiz");
        expect(accounts.find((account) => account.username === "ana.ruiz")?.fullName).toBe("Ana Ruiz");
        const roles = await prisma().roleAssignment.findMany({ where: { revokedAt: null } });
        expect(roles.map((role) => `${role.slackUserId} ${role.role}`).sort()).toEqual([
          `${ADMIN.id} ADMIN`,
          `${PEOPLE.support.id} SUPPORT`,
        ]);
      },
    );
  });
});
