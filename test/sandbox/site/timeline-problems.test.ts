// The developer panel's reading of the timeline: each refusal named by Slack's code and explained,
// in the page's language; an entry that went well has no problem.
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { castWorkspace } from "../../../src/sandbox/cast.ts";
import { createMailbox } from "../../../src/sandbox/mailbox/mailbox.ts";
import { createSandboxSite } from "../../../src/sandbox/site/sandbox-site.ts";
import { problemOf } from "../../../src/sandbox/site/timeline-problems.ts";
import type { TTimelineEntry } from "../../../src/sandbox/slack-records.ts";
import { createSlackWorkspace } from "../../../src/sandbox/slack-workspace.ts";
import { AUDIT_CHANNEL } from "../../support/slack-harness.ts";

function entry(fields: Partial<TTimelineEntry>): TTimelineEntry {
  return {
    sequence: 1,
    at: 0,
    kind: "api_call",
    name: "views.open",
    userId: undefined,
    request: {},
    status: 200,
    response: { ok: true },
    ...fields,
  };
}

describe("problems in the timeline", () => {
  it("names a refused Web API call with Slack's messages", () => {
    const problem = problemOf(
      entry({
        name: "chat.postMessage",
        response: {
          ok: false,
          error: "invalid_blocks",
          response_metadata: { messages: ["[ERROR] too long"] },
        },
      }),
      undefined,
      "en",
    );
    expect(problem).toEqual({
      code: "invalid_blocks",
      explanation:
        "Invalid Block Kit: chat.postMessage answered invalid_blocks — the message breaks a Block Kit limit.",
      details: ["[ERROR] too long"],
    });
  });

  it("names a spent response_url, an app too slow for Slack, an HTTP error and an unknown code", () => {
    const spent = problemOf(
      entry({
        kind: "response_url",
        name: "response_url",
        status: 404,
        response: { ok: false, error: "used_url" },
      }),
      undefined,
      "es",
    );
    expect(spent?.code).toBe("used_url");
    const slow = problemOf(
      entry({ kind: "app_request", name: "slash_command" }),
      ["operation_timeout"],
      "es",
    );
    expect(slow?.explanation).toContain("más de 3 s");
    const failed = problemOf(
      entry({ kind: "app_request", name: "block_actions", status: 500, response: "" }),
      undefined,
      "en",
    );
    expect(failed?.explanation).toBe(
      "The app answered HTTP 500 to block_actions: Slack shows the person an error and drops the answer.",
    );
    expect(
      problemOf(entry({ response: { ok: false, error: "team_frozen" } }), undefined, "en")?.explanation,
    ).toBe("views.open answered team_frozen.");
    expect(problemOf(entry({}), undefined, "es")).toBeUndefined();
  });

  it("speaks English on the page when the bot does", async () => {
    const workspace = createSlackWorkspace(castWorkspace());
    const site = createSandboxSite({
      workspace,
      mailbox: createMailbox(),
      personFor: () => {
        throw new Error("no bot in this test");
      },
      people: [],
      auditChannel: AUDIT_CHANNEL,
      locale: "en",
      demoData: true,
    });
    const server = createServer((request, response) => {
      if (!site.handle(request, response)) response.end("not the page's");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
    const session = (await (await fetch(`${origin}/sandbox/api/session`)).json()) as {
      words: Record<string, string>;
      demoData: boolean;
    };
    const html = await (await fetch(`${origin}/`)).text();
    site.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(session.words["message.ephemeral"]).toBe("Only visible to you");
    expect(session.demoData).toBe(true);
    expect(html).toContain('<html lang="en">');
  });
});
