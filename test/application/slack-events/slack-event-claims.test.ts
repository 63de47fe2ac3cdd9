// Slack's redeliveries of one event, on one replica or several: the event is handled once; a
// delivery whose handling failed, or whose process died, leaves it to the next redelivery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredRecords } from "../../../src/application/housekeeping/purge-expired-records.ts";
import {
  claimSlackEvent,
  completeSlackEvent,
  releaseSlackEvent,
  SLACK_EVENT_LEASE_MS,
  SLACK_EVENT_RETENTION_MS,
} from "../../../src/application/slack-events/slack-event-claims.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestClock, createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`Slack event claims (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  const clock = createTestClock();
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database, { clock });
  });
  afterAll(() => testDatabase.close());

  it("lets the first delivery handle an event and drops every later one", async () => {
    expect(await claimSlackEvent(dependencies, "Ev0001")).toBe(true);
    expect(await claimSlackEvent(dependencies, "Ev0001")).toBe(false);
    await completeSlackEvent(dependencies, "Ev0001");
    clock.advance(SLACK_EVENT_LEASE_MS * 2);
    expect(await claimSlackEvent(dependencies, "Ev0001")).toBe(false);
  });

  it("hands an event whose handling failed to the next redelivery", async () => {
    expect(await claimSlackEvent(dependencies, "Ev0002")).toBe(true);
    await releaseSlackEvent(dependencies, "Ev0002");
    expect(await claimSlackEvent(dependencies, "Ev0002")).toBe(true);
  });

  it("lets a redelivery take the claim of a process that died, once its lease is over", async () => {
    expect(await claimSlackEvent(dependencies, "Ev0003")).toBe(true);
    clock.advance(SLACK_EVENT_LEASE_MS - 1_000);
    expect(await claimSlackEvent(dependencies, "Ev0003")).toBe(false);
    clock.advance(2_000);
    expect(await claimSlackEvent(dependencies, "Ev0003")).toBe(true);
  });

  it("gives ten simultaneous deliveries of one event to exactly one", async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => claimSlackEvent(dependencies, "Ev0004")),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(testDatabaseKind !== "postgresql")(
    "gives an event redelivered to another replica to one of them",
    async () => {
      const other = createTestDependencies(await testDatabase.openAnother(), { clock });
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          claimSlackEvent(index % 2 === 0 ? dependencies : other, "Ev0005"),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    },
  );

  it("forgets claims after a day, in housekeeping", async () => {
    await claimSlackEvent(dependencies, "Ev0006");
    clock.advance(SLACK_EVENT_RETENTION_MS + 1_000);
    const purged = await purgeExpiredRecords(dependencies);
    expect(purged.slackEvents).toBeGreaterThanOrEqual(1);
    expect(
      await testDatabase.database.prisma.processedSlackEvent.count({ where: { eventId: "Ev0006" } }),
    ).toBe(0);
  });
});
