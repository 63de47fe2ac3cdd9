// The composition root: configuration → adapters → use cases → surfaces (HTTP, Slack) → start.
// main.ts calls it for the real process; the end-to-end tests call it with their own environment.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { expireAccessRequests } from "./application/access-requests/expire-access-requests.ts";
import type { TUseCaseDependencies } from "./application/dependencies.ts";
import { purgeExpiredRecords } from "./application/housekeeping/purge-expired-records.ts";
import type { Clock } from "./application/ports/clock.ts";
import { systemClock } from "./application/ports/clock.ts";
import type { Database } from "./application/ports/database.ts";
import type { Logger } from "./application/ports/logger.ts";
import { bootstrapRoles } from "./application/roles/bootstrap-roles.ts";
import { expireAccess } from "./application/users/expire-access.ts";
import type { TEnvironment } from "./config/environment.ts";
import { checkHealth } from "./http/health.ts";
import { createHttpServer, sendJson, type TRequestHandler, type TRoute } from "./http/http-server.ts";
import { createInvitationPageHandler } from "./http/invitation-page/invitation-page-handler.ts";
import { createMetricsRoute } from "./http/metrics-endpoint.ts";
import { createPortalApiRoutes } from "./http/portal-api/portal-api-routes.ts";
import { checkReadiness, type TSlackReadiness } from "./http/readiness.ts";
import { createMailTransport, type TMessageReceiver } from "./infrastructure/email/mail-transport.ts";
import { createPrometheusMetrics } from "./infrastructure/metrics/prometheus-metrics.ts";
import { createEmailFailureHooks, createEmailHandlers } from "./infrastructure/outbox/email-handlers.ts";
import { createOutboxWorker, type OutboxWorker } from "./infrastructure/outbox/outbox-worker.ts";
import { MIGRATIONS_DIRECTORY, readMigrationsFolder } from "./infrastructure/prisma/migrations-folder.ts";
import { databaseLocation, openDatabase } from "./infrastructure/prisma/open-database.ts";
import { createPeriodicTask } from "./infrastructure/scheduling/periodic-task.ts";
import { createBcryptPasswordHasher } from "./infrastructure/security/password-hasher.ts";
import { createSecretSealer, sealingKey } from "./infrastructure/security/secret-sealer.ts";
import { generateTemporaryPassword } from "./infrastructure/security/temporary-password-generator.ts";
import { createZxcvbnCommonPasswordChecker } from "./infrastructure/security/zxcvbn-common-password-checker.ts";
import { createSlackApp, type TSlackApp } from "./slack/create-slack-app.ts";
import { createSlackDeliveryClient } from "./slack/delivery/slack-delivery-client.ts";
import { createSlackOutboxHandlers } from "./slack/delivery/slack-outbox-handlers.ts";
import { createSlackReconciliation } from "./slack/offboarding/slack-reconciliation-task.ts";
import { createSlackConnection, SlackCredentialsRefused } from "./slack/slack-connection.ts";

export interface TRunningBot {
  readonly port: number;
  readonly dependencies: TUseCaseDependencies;
  readonly outboxWorker: OutboxWorker;
  readonly slack: TSlackApp | undefined;
  stop(): Promise<void>;
}

export interface TStartOptions {
  readonly environment: TEnvironment;
  readonly logger: Logger;
  /** Tests: a clock they move, a cheaper bcrypt cost, a faster outbox poll. */
  readonly clock?: Clock;
  readonly bcryptCost?: number;
  readonly outboxPollIntervalMs?: number;
  readonly host?: string;
  /** Tests: an already migrated database (the caller closes it). */
  readonly database?: Database;
  /** main.ts: the database being opened while this module loaded (the bot closes it). */
  readonly openingDatabase?: Promise<Database>;
  /** The sandbox's mailbox: every email goes there instead of SMTP_URL or DATA_DIR/mail. */
  readonly mailbox?: TMessageReceiver;
  /** The sandbox: its page and its stand-in for Slack's Web API, served on the bot's own port. */
  readonly requestHandlers?: readonly TRequestHandler[];
  /** The sandbox stands in for Slack: /readyz says so. */
  readonly slackIsSandbox?: boolean;
  /**
   * Slack refused a token after the start (it was unreachable when the bot started): main.ts exits 2.
   * A refusal during the start rejects startBot itself.
   */
  readonly onSlackRefused?: (error: SlackCredentialsRefused) => void;
}

/** How long a stop lets requests in flight be answered, then the outbox's deliveries finish. */
const STOP_GRACE_MS = { requests: 5_000, outbox: 3_000 } as const;

export async function startBot(options: TStartOptions): Promise<TRunningBot> {
  const { environment, logger } = options;
  const location = databaseLocation(environment);
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await (options.openingDatabase ?? openDatabase(location)));
  logger.info(
    {
      database: database.kind,
      ...(ownsDatabase && location.kind === "embedded" ? { directory: location.directory } : {}),
      ...(database.migrationsAtStart === undefined
        ? {}
        : {
            migrationsApplied: database.migrationsAtStart.applied,
            migrationsAlreadyApplied: database.migrationsAtStart.alreadyApplied,
          }),
    },
    "database ready",
  );

  let localAddress = localAddressOf(options.host, environment.PORT);
  const serverKey = await sealingKey({ pepper: environment.PASSWORD_PEPPER, dataDir: environment.DATA_DIR });
  const commonPasswordChecker = createZxcvbnCommonPasswordChecker();
  const metrics = createPrometheusMetrics({ database });
  const dependencies: TUseCaseDependencies = {
    metrics,
    database,
    passwordHasher: createBcryptPasswordHasher({
      pepper: environment.PASSWORD_PEPPER,
      ...(options.bcryptCost === undefined ? {} : { cost: options.bcryptCost }),
    }),
    commonPasswordChecker,
    generateTemporaryPassword,
    secretSealer: createSecretSealer(serverKey),
    clock: options.clock ?? systemClock,
    logger,
    settings: {
      locale: environment.BOT_LOCALE,
      temporaryPasswordTtlHours: environment.TEMP_PASSWORD_TTL_HOURS,
      passwordMinimumLength: environment.PASSWORD_MIN_LENGTH,
      portalUrl: environment.PORTAL_URL,
      auditChannelId: environment.AUDIT_CHANNEL_ID,
      credentialDelivery: environment.CREDENTIAL_DELIVERY,
      // Without PUBLIC_URL (allowed only where the sandbox runs) the links point at this very
      // server, whose port is known once it listens.
      get publicUrl() {
        return withTrailingSlash(environment.PUBLIC_URL ?? localAddress);
      },
      accessRequestsChannelId: environment.ACCESS_REQUESTS_CHANNEL_ID,
      accessRequestTtlDays: environment.ACCESS_REQUEST_TTL_DAYS,
    },
  };

  const granted = await bootstrapRoles(dependencies, {
    adminSlackUserIds: environment.ADMIN_SLACK_USER_IDS,
    supportSlackUserIds: environment.SUPPORT_SLACK_USER_IDS,
  });
  if (granted.length > 0)
    logger.info(
      { granted: granted.map((holder) => holder.slackUserId) },
      "roles granted from the environment",
    );

  const slackBotToken = environment.SLACK_BOT_TOKEN;
  const slack: TSlackApp | undefined =
    slackBotToken === undefined
      ? undefined
      : createSlackApp(
          { ...environment, SLACK_BOT_TOKEN: slackBotToken },
          {
            useCases: dependencies,
            locale: environment.BOT_LOCALE,
            logger,
            supportContact: environment.SUPPORT_CONTACT,
          },
        );
  const slackConnection =
    slack === undefined
      ? undefined
      : createSlackConnection({
          client: slack.app.client,
          appToken: environment.SLACK_APP_TOKEN,
          logger: logger.child({ component: "slack" }),
        });
  if (slack === undefined) {
    logger.warn(
      {},
      "Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): only the HTTP API and email run",
    );
  }

  const mailTransport = createMailTransport({
    mailbox: options.mailbox,
    smtpUrl: environment.SMTP_URL,
    dataDir: environment.DATA_DIR,
    from: environment.MAIL_FROM,
    logger,
  });
  const outboxWorker = createOutboxWorker({
    database,
    handlers: {
      ...createEmailHandlers({
        dependencies,
        transport: mailTransport,
        messageIdDomain: messageIdDomainOf(environment.MAIL_FROM),
        supportContact: environment.SUPPORT_CONTACT,
      }),
      ...(slackBotToken === undefined
        ? {}
        : createSlackOutboxHandlers({
            dependencies,
            client: createSlackDeliveryClient({
              token: slackBotToken,
              slackApiUrl: environment.SLACK_API_URL,
              logger,
            }),
            locale: environment.BOT_LOCALE,
          })),
    },
    failureHooks: createEmailFailureHooks(),
    logger: logger.child({ component: "outbox" }),
    clock: dependencies.clock,
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    batchSize: 20,
    pollIntervalMs: options.outboxPollIntervalMs ?? 2_000,
    leaseMs: 120_000,
    auditChannelId: environment.AUDIT_CHANNEL_ID,
    onDeliveryFailure: metrics.deliveryFailed,
    onPermanentFailure: (message) =>
      logger.error(
        { outboxId: message.id, kind: message.kind, reason: message.reason },
        "a message will not be delivered",
      ),
  });

  const housekeeping = createPeriodicTask({
    name: "housekeeping",
    intervalMs: 10 * 60_000,
    firstDelayMs: 60_000,
    run: async () => {
      await purgeExpiredRecords(dependencies);
      // Access requests past ACCESS_REQUEST_TTL_DAYS: marked expired, the requester told.
      await expireAccessRequests(dependencies);
    },
    logger: logger.child({ component: "housekeeping" }),
  });

  // Time-bound access: warnings 3 days before an Acceso hasta, and the accounts past it disabled
  // (one replica at a time on its lease row; every 5 minutes, so an access ends within minutes).
  const accessExpiry = createPeriodicTask({
    name: "access-expiry",
    intervalMs: 5 * 60_000,
    firstDelayMs: 60_000,
    run: () =>
      expireAccess(dependencies, {
        workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        leaseMs: 5 * 60_000,
      }),
    logger: logger.child({ component: "access-expiry" }),
  });

  // Offboarding: the daily users.info check of the linked accounts (one replica at a time).
  const slackReconciliation =
    slackBotToken === undefined
      ? undefined
      : createSlackReconciliation({
          dependencies,
          client: createSlackDeliveryClient({
            token: slackBotToken,
            slackApiUrl: environment.SLACK_API_URL,
            logger,
          }),
          workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        });

  const slackReadiness = (): TSlackReadiness => {
    const connection = slackConnection?.current();
    if (connection === undefined) return { state: "not_configured" };
    switch (connection.state) {
      case "connected":
        return { state: options.slackIsSandbox === true ? "sandbox" : "connected" };
      case "unreachable":
        return { state: "unreachable", detail: connection.lastError };
      case "refused":
        return { state: "refused", detail: `${connection.variable}: ${connection.error}` };
      default:
        return { state: "checking" };
    }
  };

  const routes: TRoute[] = [
    {
      method: "GET",
      path: "/healthz",
      handler: async (_request, response) => {
        const health = await checkHealth(database);
        sendJson(response, health.status, health.body);
      },
    },
    {
      method: "GET",
      path: "/readyz",
      handler: async (_request, response) => {
        const readiness = await checkReadiness({
          database,
          expectedMigrations: async () =>
            ((await readMigrationsFolder(MIGRATIONS_DIRECTORY))?.migrations ?? []).map(
              (migration) => migration.name,
            ),
          outboxRunning: () => outboxWorker.isRunning(),
          slack: slackReadiness,
        });
        sendJson(response, readiness.status, readiness.body);
      },
    },
    createMetricsRoute({ metrics, token: environment.METRICS_TOKEN }),
    ...(slack?.route === undefined ? [] : [slack.route]),
    ...createPortalApiRoutes({
      dependencies,
      apiKey: environment.PORTAL_API_KEY,
      logger: logger.child({ component: "portal-api" }),
    }),
  ];
  const httpServer = createHttpServer(routes, logger, {
    handlers: [
      // GET/POST /acceso/<token>: the invitation links' page (CREDENTIAL_DELIVERY=link).
      createInvitationPageHandler({
        dependencies,
        serverKey,
        logger: logger.child({ component: "invitation-page" }),
      }),
      ...(options.requestHandlers ?? []),
    ],
    observe: metrics.httpAnswered,
  });
  const port = await httpServer.listen(environment.PORT, options.host);
  localAddress = localAddressOf(options.host, port);
  // Email goes out whatever Slack does: the outbox starts before Slack is reached.
  outboxWorker.start();
  housekeeping.start();
  accessExpiry.start();
  slackReconciliation?.start();
  if (slack !== undefined && slackConnection !== undefined) {
    try {
      const first = await slackConnection.firstAttempt();
      if (first.state === "connected") await slack.start();
      // Unreachable: the bot serves (the portal API, the outbox) and /readyz says 503 until Slack answers.
      else
        slackConnection
          .check()
          .then(() => slack.start())
          .then(
            () => logger.info({ component: "slack" }, "Slack reached: the Slack surface is on"),
            (error: unknown) => {
              if (error instanceof SlackCredentialsRefused) options.onSlackRefused?.(error);
              else logger.error({ component: "slack", err: error }, "the Slack app did not start");
            },
          );
    } catch (error) {
      // Refused credentials: nothing is left running behind the failed start.
      slackConnection.stop();
      await httpServer.close();
      await outboxWorker.stop();
      await housekeeping.stop();
      await accessExpiry.stop();
      await slackReconciliation?.stop();
      await commonPasswordChecker.close();
      mailTransport.close();
      if (ownsDatabase) await database.close();
      throw error;
    }
  }
  logger.info({ port }, "listening");

  return {
    port,
    dependencies,
    outboxWorker,
    slack,
    async stop() {
      await httpServer.close({ graceMs: STOP_GRACE_MS.requests });
      slackConnection?.stop();
      await slack?.stop();
      await outboxWorker.stop({ drainMs: STOP_GRACE_MS.outbox });
      await housekeeping.stop();
      await accessExpiry.stop();
      await slackReconciliation?.stop();
      await commonPasswordChecker.close();
      mailTransport.close();
      if (ownsDatabase) await database.close();
    },
  };
}

/** The domain of MAIL_FROM's address ("PremiumOne <no-reply@example.com>" → "example.com"). */
function messageIdDomainOf(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "premiumone.invalid";
}

/** The address a browser on this machine reaches the server at (a wildcard host is reached as localhost). */
function localAddressOf(host: string | undefined, port: number): string {
  const reachable =
    host === undefined || host === "" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}/`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
