// A run of real traffic, as people would make it, against a bot — in-process (the harness) or a
// process of its own: the admin registers a company and a place through /lugares, creates two
// users through the form (one linked to a Slack person), the welcome emails arrive; the linked
// user pastes their temporary password into a DM, then changes it through the DM's modal (once
// wrong); the portal changes the other's password and logs in (once wrong); the admin resets the
// first one's password. Everything a person typed or was emailed as a password is returned, for
// the secrets search (section 7); the trail it leaves is what section 8 verifies.
import type { ParsedMail } from "mailparser";
import { findInteractiveElement, optionsOf } from "../../../src/sandbox/block-kit-reading.ts";
import type { TFakeSlackWebApi } from "../../../src/sandbox/fake-slack-web-api.ts";
import type { TSlackMessage, TSlackView } from "../../../src/sandbox/slack-records.ts";
import type { TSlackUserSimulator } from "../../../src/sandbox/slack-user-simulator.ts";
import {
  AccountActionId,
  PASSWORD_FIELD_ACTION_ID,
  PasswordFormBlockId,
} from "../../../src/slack/features/account/ids.ts";
import { PlacesActionId } from "../../../src/slack/features/places/ids.ts";
import { PLACES_ACTION_ID, UsersActionId } from "../../../src/slack/features/users/ids.ts";
import { AUDIT_CHANNEL, PEOPLE, PORTAL_API_KEY } from "../../support/slack-harness.ts";
import { credentialsIn } from "../../support/smtp-test-server.ts";

export interface TTrafficTarget {
  readonly slack: TFakeSlackWebApi;
  /** `http://127.0.0.1:<port>` of the bot (the portal API's base). */
  readonly baseUrl: string;
  person(slackUserId: string): TSlackUserSimulator;
  /** Every email the SMTP server accepted so far, in order. */
  emails(): readonly ParsedMail[];
  /** Gets the outbox delivered until `done()` holds: the harness drains it, a process polls on its own. */
  deliverUntil(done: () => boolean, description: string): Promise<void>;
}

export interface TTrafficResult {
  /** Every password typed (right or wrong) or emailed during the run. Never print these. */
  readonly passwords: readonly string[];
  readonly usernames: readonly string[];
}

export const CHOSEN_PASSWORD_IN_SLACK = "mi frase secreta de slack: colibrí sobre el volcán";
export const CHOSEN_PASSWORD_IN_PORTAL = "la otra frase secreta, del portal: nopal en la lluvia";
export const WRONG_PASSWORD_IN_SLACK = "esta no es mi contraseña de ahora, lo juro";
export const WRONG_PASSWORD_IN_PORTAL = "tampoco es esta la contraseña del portal";

const PATIENCE = { timeoutMilliseconds: 20_000 } as const;

function acknowledged<TAnswer extends { acknowledged: boolean; status: number }>(
  step: string,
  answer: TAnswer,
): TAnswer {
  if (!answer.acknowledged)
    throw new Error(`${step}: the bot answered HTTP ${answer.status}, not a quick 2xx`);
  return answer;
}

async function modalOpenedBy(
  target: TTrafficTarget,
  person: TSlackUserSimulator,
  sequence: number,
  step: string,
) {
  await target.slack.waitForCall("views.open", { since: sequence, ...PATIENCE });
  const modal = person.openModal();
  if (modal === undefined) throw new Error(`${step}: no modal opened`);
  return modal;
}

async function latestEphemeral(
  target: TTrafficTarget,
  person: TSlackUserSimulator,
  countBefore: number,
  step: string,
) {
  return target.slack.workspace.waitFor(
    () => (person.ephemeralMessages().length > countBefore ? person.lastEphemeral() : undefined),
    { description: step, ...PATIENCE },
  );
}

async function responseUrlPostAfter(target: TTrafficTarget, sequence: number, step: string) {
  await target.slack.workspace.waitFor(
    () => target.slack.timeline(sequence).find((entry) => entry.kind === "response_url"),
    { description: step, ...PATIENCE },
  );
}

function firstOptionValue(view: TSlackView, actionId: string): string {
  const element = findInteractiveElement(view.blocks, { actionId });
  const value = element === undefined ? undefined : optionsOf(element.element)[0]?.value;
  if (typeof value !== "string") throw new Error(`the form offers nothing in ${actionId}`);
  return value;
}

async function portalCall(
  target: TTrafficTarget,
  route: "login" | "password",
  body: object,
): Promise<number> {
  const response = await fetch(`${target.baseUrl}/api/portal/v1/${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}

function expectStatus(step: string, status: number, expected: number): void {
  if (status !== expected) throw new Error(`${step}: HTTP ${status}, expected ${expected}`);
}

export async function runRealTraffic(target: TTrafficTarget): Promise<TTrafficResult> {
  const { workspace } = target.slack;
  const admin = target.person(PEOPLE.admin.id);
  const linked = target.person(PEOPLE.accountant.id);

  // /lugares → Nueva empresa → Agregar lugar.
  let shown = admin.ephemeralMessages().length;
  acknowledged("/lugares", await admin.runSlashCommand("/lugares"));
  const catalogue: TSlackMessage = await latestEphemeral(target, admin, shown, "the /lugares catalogue");
  let answer = acknowledged(
    "Nueva empresa",
    await admin.clickButton({ actionId: PlacesActionId.NEW_COMPANY, in: catalogue }),
  );
  let modal = await modalOpenedBy(target, admin, answer.sequence, "Nueva empresa");
  answer = acknowledged(
    "the company form",
    await admin.submitView(modal.id, {
      rfc: { value: "EKU9003173C9" },
      legal_name: { value: "ESCUELA KEMPER URGATE" },
    }),
  );
  await responseUrlPostAfter(target, answer.sequence, "the catalogue with the company");
  const withCompany = workspace.message(catalogue.channel, catalogue.ts) ?? catalogue;
  answer = acknowledged(
    "Agregar lugar",
    await admin.clickButton({ actionId: PlacesActionId.ADD_PLACE, in: withCompany }),
  );
  modal = await modalOpenedBy(target, admin, answer.sequence, "Agregar lugar");
  answer = acknowledged(
    "the place form",
    await admin.submitView(modal.id, { postal_code: { value: "06000" }, place_name: { value: "Centro" } }),
  );
  await responseUrlPostAfter(target, answer.sequence, "the catalogue with the place");

  // Two users through the form: one linked to a Slack person, one not.
  const users = [
    {
      username: "lucia.mendez",
      fullName: "Lucía Méndez",
      email: "lucia.mendez@cliente.example",
      slackUserId: PEOPLE.accountant.id,
    },
    { username: "jorge.paz", fullName: "Jorge Paz", email: "jorge.paz@cliente.example", slackUserId: null },
  ];
  for (const user of users) {
    answer = acknowledged("/usuarios nuevo", await admin.runSlashCommand("/usuarios", "nuevo"));
    modal = await modalOpenedBy(target, admin, answer.sequence, "/usuarios nuevo");
    const place = firstOptionValue(modal, PLACES_ACTION_ID);
    acknowledged(
      `the form for ${user.username}`,
      await admin.submitView(modal.id, {
        username: { value: user.username },
        full_name: { value: user.fullName },
        email: { value: user.email },
        slack_user: { value: user.slackUserId },
        places: { [PLACES_ACTION_ID]: [place] },
      }),
    );
  }
  await target.deliverUntil(() => target.emails().length >= 2, "the two welcome emails");
  const welcome = new Map(
    target
      .emails()
      .slice(0, 2)
      .map((email) => {
        const credentials = credentialsIn(email);
        return [credentials.username, credentials.password] as const;
      }),
  );
  const firstTemporary = welcome.get("lucia.mendez");
  const secondTemporary = welcome.get("jorge.paz");
  if (firstTemporary === undefined || secondTemporary === undefined)
    throw new Error("a welcome email is missing");

  // The linked user pastes the password into the DM (it must never come back), then uses the modal.
  answer = acknowledged("a DM holding the password", await linked.sendDirectMessage(firstTemporary));
  await target.slack.waitForCall("chat.postMessage", { since: answer.sequence, ...PATIENCE });
  const reply = linked
    .directMessages()
    .filter((message) => message.fromApp)
    .at(-1);
  if (reply === undefined) throw new Error("the bot did not answer the DM");
  answer = acknowledged(
    "Cambiar contraseña",
    await linked.clickButton({ actionId: AccountActionId.CHANGE_PASSWORD, in: reply }),
  );
  modal = await modalOpenedBy(target, linked, answer.sequence, "Cambiar contraseña");
  const passwordFields = (current: string, next: string) => ({
    [PasswordFormBlockId.CURRENT]: { [PASSWORD_FIELD_ACTION_ID]: current },
    [PasswordFormBlockId.NEW]: { [PASSWORD_FIELD_ACTION_ID]: next },
    [PasswordFormBlockId.CONFIRMATION]: { [PASSWORD_FIELD_ACTION_ID]: next },
  });
  acknowledged(
    "a wrong current password",
    await linked.submitView(modal.id, passwordFields(WRONG_PASSWORD_IN_SLACK, CHOSEN_PASSWORD_IN_SLACK)),
  );
  if (Object.keys(linked.openModal()?.errors ?? {}).length === 0)
    throw new Error("a wrong current password was taken");
  acknowledged(
    "the password change",
    await linked.submitView(modal.id, passwordFields(firstTemporary, CHOSEN_PASSWORD_IN_SLACK)),
  );

  // The portal: a password change, a login, a wrong login.
  expectStatus(
    "the portal's password change",
    await portalCall(target, "password", {
      username: "jorge.paz",
      currentPassword: secondTemporary,
      newPassword: CHOSEN_PASSWORD_IN_PORTAL,
    }),
    200,
  );
  expectStatus(
    "the portal's login",
    await portalCall(target, "login", { username: "jorge.paz", password: CHOSEN_PASSWORD_IN_PORTAL }),
    200,
  );
  expectStatus(
    "a wrong login",
    await portalCall(target, "login", { username: "jorge.paz", password: WRONG_PASSWORD_IN_PORTAL }),
    401,
  );

  // The admin resets the first user's password: a new temporary one, emailed.
  shown = admin.ephemeralMessages().length;
  acknowledged("/usuarios restablecer", await admin.runSlashCommand("/usuarios", "restablecer lucia.mendez"));
  const question = await latestEphemeral(target, admin, shown, "¿Restablecer?");
  acknowledged("Sí", await admin.clickButton({ actionId: UsersActionId.CONFIRM_RESET, in: question }));
  const resetTemporaryPassword = () =>
    target
      .emails()
      .map(credentialsOrUndefined)
      .find(
        (credentials) => credentials?.username === "lucia.mendez" && credentials.password !== firstTemporary,
      )?.password;
  await target.deliverUntil(() => resetTemporaryPassword() !== undefined, "the reset email");
  const resetTemporary = resetTemporaryPassword();
  if (resetTemporary === undefined) throw new Error("no temporary password in the reset email");

  // Everything queued is delivered: the reset's audit post, and the notices of both password changes.
  await target.deliverUntil(
    () =>
      target.emails().length >= 5 &&
      target.slack
        .messagesIn(AUDIT_CHANNEL.id)
        .some((message) => message.text.includes("user.password_reset")),
    "the audit post of the reset and the notices of the password changes",
  );
  return {
    passwords: [
      firstTemporary,
      secondTemporary,
      resetTemporary,
      CHOSEN_PASSWORD_IN_SLACK,
      CHOSEN_PASSWORD_IN_PORTAL,
      WRONG_PASSWORD_IN_SLACK,
      WRONG_PASSWORD_IN_PORTAL,
    ],
    usernames: users.map((user) => user.username),
  };
}

function credentialsOrUndefined(email: ParsedMail): { username: string; password: string } | undefined {
  try {
    return credentialsIn(email);
  } catch {
    return undefined;
  }
}
