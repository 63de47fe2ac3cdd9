import { verifySlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { signSlackRequest } from "../../src/sandbox/slack-signature.ts";

// The worked example of Slack's "Verifying requests from Slack" (docs.slack.dev/authentication/verifying-requests-from-slack).
const DOCUMENTED_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const DOCUMENTED_TIMESTAMP = 1531420618;
const DOCUMENTED_BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
  "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
  "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
  "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const DOCUMENTED_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

describe("signSlackRequest", () => {
  it("reproduces the signature of Slack's documented example", () => {
    const headers = signSlackRequest({
      signingSecret: DOCUMENTED_SIGNING_SECRET,
      body: DOCUMENTED_BODY,
      timestamp: DOCUMENTED_TIMESTAMP,
    });

    expect(headers).toEqual({
      "x-slack-signature": DOCUMENTED_SIGNATURE,
      "x-slack-request-timestamp": String(DOCUMENTED_TIMESTAMP),
    });
  });

  it("signs with the current time by default, and Bolt's own verifier accepts it", () => {
    const body = JSON.stringify({ type: "event_callback", event: { type: "app_home_opened" } });
    const headers = signSlackRequest({ signingSecret: "a-secret", body });

    expect(Math.abs(Number(headers["x-slack-request-timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    expect(() =>
      verifySlackRequest({
        signingSecret: "a-secret",
        body,
        headers: {
          "x-slack-signature": headers["x-slack-signature"],
          "x-slack-request-timestamp": Number(headers["x-slack-request-timestamp"]),
        },
      }),
    ).not.toThrow();
  });

  it("gives a signature Bolt refuses when the body or the secret differ", () => {
    const headers = signSlackRequest({ signingSecret: "a-secret", body: "text=hola" });
    const verify = (signingSecret: string, body: string) => () =>
      verifySlackRequest({
        signingSecret,
        body,
        headers: {
          "x-slack-signature": headers["x-slack-signature"],
          "x-slack-request-timestamp": Number(headers["x-slack-request-timestamp"]),
        },
      });

    expect(verify("a-secret", "text=adios")).toThrow(/signature mismatch/);
    expect(verify("another-secret", "text=hola")).toThrow(/signature mismatch/);
  });
});
