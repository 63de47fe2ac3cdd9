import { describe, expect, it } from "vitest";
import { createSlackWorkspace, type TWorkspaceChange } from "../../src/sandbox/slack-workspace.ts";
import { ANA, BOT_USER_ID, fakeSlackOptions } from "./sandbox-fixtures.ts";

function postToAna(workspace: ReturnType<typeof createSlackWorkspace>, text: string) {
  return workspace.postMessage({
    channel: ANA.id,
    author: BOT_USER_ID,
    fromApp: true,
    text,
    blocks: [],
    origin: "chat.postMessage",
  });
}

describe("following the workspace", () => {
  it("tells a subscriber of each message posted, as the conversation now shows it", () => {
    const workspace = createSlackWorkspace(fakeSlackOptions());
    const changes: TWorkspaceChange[] = [];
    workspace.subscribe((change) => changes.push(change));

    const posted = postToAna(workspace, "Hola, Ana");

    expect(changes).toEqual([{ kind: "message_posted", message: posted }]);
    expect(posted.channel).toBe(workspace.directMessageChannelOf(ANA.id));
    expect(workspace.messagesIn(ANA.id)).toEqual([posted]);
  });

  it("tells of views and timeline entries too, in the order they happened", () => {
    const workspace = createSlackWorkspace(fakeSlackOptions());
    const changes: TWorkspaceChange[] = [];
    workspace.subscribe((change) => changes.push(change));

    workspace.openModal(ANA.id, { type: "modal", title: { type: "plain_text", text: "Alta" }, blocks: [] });
    const entry = workspace.record({
      kind: "api_call",
      name: "views.open",
      userId: undefined,
      request: {},
      status: 200,
      response: { ok: true },
    });

    expect(changes).toEqual([
      { kind: "views_changed", userId: ANA.id },
      { kind: "timeline_entry", entry },
    ]);
  });

  it("tells an unsubscribed listener nothing more", () => {
    const workspace = createSlackWorkspace(fakeSlackOptions());
    const texts: string[] = [];
    const unsubscribe = workspace.subscribe((change) => {
      if (change.kind === "message_posted") texts.push(change.message.text);
    });

    postToAna(workspace, "primero");
    unsubscribe();
    postToAna(workspace, "segundo");

    expect(texts).toEqual(["primero"]);
    expect(workspace.messagesIn(ANA.id).map((message) => message.text)).toEqual(["primero", "segundo"]);
  });
});
