// What an operator reads: /readyz names each part and 503s on the failing one; /metrics gives the
// Prometheus text after real traffic (a slash command through Bolt, portal logins that lock an
// account), behind METRICS_TOKEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortalApiPath } from "../../../src/http/portal-api/portal-api-paths.ts";
import {
  PEOPLE,
  PORTAL_API_KEY,
  startSlackHarness,
  type TMailboxSlackHarness,
} from "../../support/slack-harness.ts";

const METRICS_TOKEN = "metrics-token-0123456789abcdef";

describe("readiness and metrics", () => {
  let harness: TMailboxSlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({
      mail: "sandbox mailbox",
      environment: { METRICS_TOKEN, PORTAL_API_KEY },
    });
  });
  afterAll(() => harness.stop());

  it("is ready when the database, its migrations, the outbox worker and the Slack stand-in are", async () => {
    const answer = await fetch(`${harness.baseUrl}/readyz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      ok: true,
      checks: { database: "ok", migrations: "applied", outbox: "running", slack: "sandbox" },
      failing: [],
    });
  });

  it("says 503 and names the outbox when its worker is stopped", async () => {
    await harness.bot.outboxWorker.stop();
    try {
      const answer = await fetch(`${harness.baseUrl}/readyz`);
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({
        ok: false,
        checks: { outbox: "stopped" },
        failing: ["outbox"],
      });
    } finally {
      harness.bot.outboxWorker.start();
    }
  });

  it("refuses /metrics without the token and counts real traffic with it", async () => {
    expect((await fetch(`${harness.baseUrl}/metrics`)).status).toBe(401);
    expect(
      (
        await fetch(`${harness.baseUrl}/metrics`, {
          headers: { authorization: "Bearer wrong-token-0123456789" },
        })
      ).status,
    ).toBe(401);

    await harness.as(PEOPLE.admin.id).runSlashCommand("/usuarios", "ayuda");
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await fetch(`${harness.baseUrl}${PortalApiPath.LOGIN}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${PORTAL_API_KEY}` },
        body: JSON.stringify({ username: "nadie.aqui", password: "not-the-password-at-all" }),
      });
    }

    const answer = await fetch(`${harness.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    expect(text).toMatch(/premiumone_slack_requests_total\{kind="slash_command",outcome="handled"\} [1-9]/);
    expect(text).toMatch(/premiumone_portal_logins_total\{outcome="refused"\} 2/);
    expect(text).toMatch(
      /premiumone_http_request_duration_seconds_count\{route="\/slack\/events",method="POST",status="200"\} [1-9]/,
    );
    expect(text).toContain("premiumone_outbox_pending_messages");
    expect(text).toContain("premiumone_account_lockouts_total 0");
    expect(text).toContain("premiumone_process_resident_memory_bytes");
    expect(text).not.toContain(PORTAL_API_KEY);
  });
});
