// GET /readyz: 200 only when every part the bot needs is up — the database answers, every
// migration of prisma/migrations is applied, the outbox worker runs, Slack answers with valid
// credentials (or the sandbox stands in for it) — else 503 naming each failing part. /healthz
// stays liveness: the process is alive and its database answers.
import type { Database } from "../application/ports/database.ts";

/** Where Slack stands, as the readiness check reads it. */
export type TSlackReadiness =
  | { readonly state: "connected" }
  | { readonly state: "sandbox" }
  | { readonly state: "checking" }
  | { readonly state: "unreachable"; readonly detail: string }
  | { readonly state: "refused"; readonly detail: string }
  | { readonly state: "not_configured" };

export interface TReadinessParts {
  readonly database: Database;
  /** The names of the migrations the build ships (prisma/migrations). */
  readonly expectedMigrations: () => Promise<readonly string[]>;
  readonly outboxRunning: () => boolean;
  readonly slack: () => TSlackReadiness;
}

export interface TReadiness {
  readonly status: 200 | 503;
  readonly body: {
    readonly ok: boolean;
    readonly checks: Readonly<Record<"database" | "migrations" | "outbox" | "slack", string>>;
    /** The failing parts, by name. */
    readonly failing: readonly string[];
  };
}

export async function checkReadiness(parts: TReadinessParts): Promise<TReadiness> {
  const [database, migrations] = await Promise.all([databaseCheck(parts), migrationsCheck(parts)]);
  const slack = parts.slack();
  const checks = {
    database,
    migrations,
    outbox: parts.outboxRunning() ? "running" : "stopped",
    slack:
      slack.state === "unreachable" || slack.state === "refused"
        ? `${slack.state}: ${slack.detail}`
        : slack.state,
  };
  const healthy: Record<keyof typeof checks, boolean> = {
    database: database === "ok",
    migrations: migrations === "applied",
    outbox: checks.outbox === "running",
    slack: slack.state === "connected" || slack.state === "sandbox",
  };
  const failing = (Object.keys(healthy) as (keyof typeof checks)[]).filter((part) => !healthy[part]);
  return { status: failing.length === 0 ? 200 : 503, body: { ok: failing.length === 0, checks, failing } };
}

async function databaseCheck(parts: TReadinessParts): Promise<string> {
  try {
    await parts.database.prisma.$queryRaw`SELECT 1`;
    return "ok";
  } catch {
    return "unavailable";
  }
}

async function migrationsCheck(parts: TReadinessParts): Promise<string> {
  try {
    const applied = await parts.database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const names = new Set(applied.map((row) => row.migration_name));
    const missing = (await parts.expectedMigrations()).filter((name) => !names.has(name));
    return missing.length === 0 ? "applied" : `missing: ${missing.join(", ")}`;
  } catch {
    return "unknown (the database did not answer)";
  }
}
