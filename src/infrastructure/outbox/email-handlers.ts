// The outbox's email deliveries. A credentials email (welcome, reset) makes its temporary password
// on its first attempt, sealed in its outbox row until it is delivered, so that a retry sends the
// very same email. A notice email carries everything it says in its payload. Every email of one
// outbox row has one Message-ID and one Date, however often it is tried: a copy is the same message.
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  OutboxKind,
  type TNoticeEmailPayload,
  ZCredentialsEmailPayload,
  ZNoticeEmailPayload,
} from "../../application/outbox/outbox-messages.ts";
import { invitationUrl } from "../../application/users/invitation-links.ts";
import { credentialsForEmail } from "../../application/users/issue-temporary-password.ts";
import { recordCredentialEmailRefusal } from "../../application/users/record-credential-email-refusal.ts";
import { classifyMailError, type MailTransport, type TEmail } from "../email/mail-transport.ts";
import { accessExpiringEmail } from "../email/templates/access-expiring-email.ts";
import { accountLockedEmail } from "../email/templates/account-locked-email.ts";
import { emailChangedEmail } from "../email/templates/email-changed-email.ts";
import type { TRenderedEmail } from "../email/templates/email-layout.ts";
import { passwordChangedEmail } from "../email/templates/password-changed-email.ts";
import { passwordResetEmail } from "../email/templates/password-reset-email.ts";
import { welcomeEmail } from "../email/templates/welcome-email.ts";
import { PermanentDeliveryError, TransientDeliveryError } from "./delivery-errors.ts";
import {
  cancelled,
  delivered,
  parsePayload,
  type TOutboxDelivery,
  type TOutboxFailureHooks,
  type TOutboxHandlers,
} from "./outbox-handler.ts";

export interface TEmailHandlersOptions {
  readonly dependencies: TUseCaseDependencies;
  readonly transport: MailTransport;
  /** The domain of the Message-IDs (MAIL_FROM's). */
  readonly messageIdDomain: string;
  /** SUPPORT_CONTACT: every email ends with it when given. */
  readonly supportContact?: string | undefined;
}

export function createEmailHandlers(options: TEmailHandlersOptions): TOutboxHandlers {
  const { dependencies, transport, supportContact } = options;
  const identity = (delivery: TOutboxDelivery) => ({
    messageId: `<${delivery.id}@${options.messageIdDomain}>`,
    date: delivery.createdAt,
  });

  async function send(email: TEmail, secret?: string): Promise<void> {
    try {
      await transport.send(email);
    } catch (error) {
      throw withoutSecret(classifyMailError(error), secret);
    }
  }

  return {
    [OutboxKind.CREDENTIALS_EMAIL]: async (delivery) => {
      const payload = parsePayload(ZCredentialsEmailPayload, delivery);
      const prepared = await credentialsForEmail(dependencies, {
        userId: payload.userId,
        claim: { outboxMessageId: delivery.id, leasedBy: delivery.leasedBy, attempts: delivery.attempts },
      });
      if (prepared.kind === "cancel") return cancelled(prepared.reason);
      if (prepared.kind === "claim_lost") throw new TransientDeliveryError("the message's lease was lost");
      if (prepared.kind === "send_link") {
        const { invitation } = prepared;
        const url = invitationUrl(dependencies.settings.publicUrl, invitation.token);
        const input = {
          locale: payload.locale,
          invitation: { ...invitation, url },
          portalUrl: dependencies.settings.portalUrl,
          supportContact,
        };
        const email = payload.reason === "welcome" ? welcomeEmail(input) : passwordResetEmail(input);
        await send({ to: invitation.email, ...email, ...identity(delivery) }, invitation.token);
        return delivered;
      }
      const issued = prepared.credentials;
      const input = {
        locale: payload.locale,
        credentials: issued,
        portalUrl: dependencies.settings.portalUrl,
        supportContact,
      };
      const email = payload.reason === "welcome" ? welcomeEmail(input) : passwordResetEmail(input);
      await send({ to: issued.email, ...email, ...identity(delivery) }, issued.password);
      return delivered;
    },
    [OutboxKind.NOTICE_EMAIL]: async (delivery) => {
      const payload = parsePayload(ZNoticeEmailPayload, delivery);
      await send({ to: payload.to, ...noticeEmail(payload, supportContact), ...identity(delivery) });
      return delivered;
    },
  };
}

/** A credential email refused for good marks its account and tells the admin who acted (see the use case). */
export function createEmailFailureHooks(): TOutboxFailureHooks {
  return {
    [OutboxKind.CREDENTIALS_EMAIL]: async (transaction, delivery, { reason, now }) => {
      const payload = ZCredentialsEmailPayload.safeParse(delivery.payload);
      if (!payload.success) return undefined;
      return recordCredentialEmailRefusal(transaction, { payload: payload.data, reason, now });
    },
  };
}

function noticeEmail(payload: TNoticeEmailPayload, supportContact: string | undefined): TRenderedEmail {
  const common = {
    locale: payload.locale,
    fullName: payload.fullName,
    username: payload.username,
    supportContact,
  };
  const occurredAt = new Date(payload.occurredAt);
  switch (payload.template) {
    case "password_changed":
      return passwordChangedEmail({ ...common, changedAt: occurredAt });
    case "email_changed":
      return emailChangedEmail({ ...common, changedAt: occurredAt, maskedNewEmail: payload.detail || "***" });
    case "account_locked":
      return accountLockedEmail({ ...common, lockedUntil: optionalTime(payload.detail) });
    case "access_expiring":
      return accessExpiringEmail({ ...common, accessUntil: payload.detail ?? "" });
  }
}

function optionalTime(text: string | undefined): Date | undefined {
  if (text === undefined || text === "") return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** Belt and braces: an error message that somehow quotes the password never leaves this module with it. */
function withoutSecret(
  error: TransientDeliveryError | PermanentDeliveryError,
  secret: string | undefined,
): TransientDeliveryError | PermanentDeliveryError {
  if (secret === undefined || secret === "" || !error.message.includes(secret)) return error;
  const message = error.message.replaceAll(secret, "[redacted]");
  return error instanceof PermanentDeliveryError
    ? new PermanentDeliveryError(message)
    : new TransientDeliveryError(message);
}
