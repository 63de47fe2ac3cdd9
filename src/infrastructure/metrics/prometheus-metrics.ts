// The operator's numbers in Prometheus's text format (GET /metrics), with prom-client on a registry
// of the bot's own (two bots in one test process do not share counters). Requests by surface and
// outcome, how long each HTTP answer took (on /slack/events that is Slack's acknowledgement),
// the outbox's depth and oldest age by kind (read from the database at each scrape, so every
// replica reports the shared queue), delivery failures, logins and lockouts.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../../application/ports/database.ts";
import type { Metrics, TLoginOutcome } from "../../application/ports/metrics.ts";

export interface TPrometheusMetrics extends Metrics {
  /** One HTTP answer: its route (the path of a known route, else "other"), method, status and duration. */
  httpAnswered(route: string, method: string, status: number, seconds: number): void;
  /** One failed outbox attempt: `permanent` when the message will not be delivered. */
  deliveryFailed(kind: string, permanent: boolean): void;
  readonly contentType: string;
  /** The exposition text. */
  render(): Promise<string>;
}

const PREFIX = "premiumone_";

export function createPrometheusMetrics(options: { readonly database: Database }): TPrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "Time to answer an HTTP request, by route, method and status (on /slack/events: Slack's acknowledgement)",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const slackRequests = new Counter({
    name: `${PREFIX}slack_requests_total`,
    help: "Slack requests handled, by kind (slash_command, block_actions, view_submission …) and outcome",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: `${PREFIX}outbox_delivery_failures_total`,
    help: "Failed outbox delivery attempts, by kind; permanent=true when the message will not be delivered",
    labelNames: ["kind", "permanent"] as const,
    registers: [registry],
  });
  const logins = new Counter({
    name: `${PREFIX}portal_logins_total`,
    help: "Portal logins answered, by outcome (accepted, refused, locked, disabled, expired)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const lockouts = new Counter({
    name: `${PREFIX}account_lockouts_total`,
    help: "Accounts locked by wrong passwords",
    registers: [registry],
  });

  const outboxRows = () =>
    options.database.prisma.$queryRaw<{ kind: string; pending: bigint; oldest: Date | null }[]>`
      SELECT kind, COUNT(*) AS pending, MIN(created_at) AS oldest
      FROM outbox_messages WHERE status = 'PENDING' GROUP BY kind`;
  new Gauge({
    name: `${PREFIX}outbox_pending_messages`,
    help: "Messages waiting in the outbox, by kind",
    labelNames: ["kind"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await outboxRows()) this.set({ kind: row.kind }, Number(row.pending));
    },
  });
  new Gauge({
    name: `${PREFIX}outbox_oldest_pending_age_seconds`,
    help: "Age of the oldest message waiting in the outbox, by kind",
    labelNames: ["kind"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const now = Date.now();
      for (const row of await outboxRows()) {
        if (row.oldest !== null)
          this.set({ kind: row.kind }, Math.max(0, (now - row.oldest.getTime()) / 1000));
      }
    },
  });

  return {
    httpAnswered: (route, method, status, seconds) =>
      httpDuration.observe({ route, method, status: String(status) }, seconds),
    slackRequestHandled: (kind, outcome) => slackRequests.inc({ kind, outcome }),
    deliveryFailed: (kind, permanent) => deliveryFailures.inc({ kind, permanent: String(permanent) }),
    loginAnswered: (outcome: TLoginOutcome) => logins.inc({ outcome }),
    accountLocked: () => lockouts.inc(),
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
