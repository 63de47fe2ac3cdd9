// The page's mrkdwn reader (a browser module, pure): Slack's formatting becomes a tree the page
// renders as DOM nodes, and nothing in the text can become markup or a script link.
import { describe, expect, it } from "vitest";
import { parseMrkdwn } from "../../../src/sandbox/site/assets/mrkdwn.js";

describe("the page's mrkdwn", () => {
  it("reads bold, italic, strike and code, and keeps words with markers inside as text", () => {
    expect(parseMrkdwn("*Cuenta:* _ana_ ~vieja~ `ana.lopez` snake_case_word 2*3*4")).toEqual([
      { type: "bold", children: [{ type: "text", text: "Cuenta:" }] },
      { type: "text", text: " " },
      { type: "italic", children: [{ type: "text", text: "ana" }] },
      { type: "text", text: " " },
      { type: "strike", children: [{ type: "text", text: "vieja" }] },
      { type: "text", text: " " },
      { type: "code", text: "ana.lopez" },
      { type: "text", text: " snake_case_word 2*3*4" },
    ]);
  });

  it("reads links, mentions, specials, entities and line breaks", () => {
    expect(
      parseMrkdwn(
        "<https://example.com/a?b=1&amp;c=2|el portal> <@U0ADMIN01> <#C0AUDIT01|auditoria>\nA &amp; B &lt;x&gt; <!here>",
      ),
    ).toEqual([
      { type: "link", url: "https://example.com/a?b=1&c=2", children: [{ type: "text", text: "el portal" }] },
      { type: "text", text: " " },
      { type: "user", id: "U0ADMIN01", label: "" },
      { type: "text", text: " " },
      { type: "channel", id: "C0AUDIT01", label: "auditoria" },
      { type: "break" },
      { type: "text", text: "A & B <x> " },
      { type: "special", text: "@here" },
    ]);
  });

  it("never turns escaped text or a script URL into markup or a link", () => {
    expect(parseMrkdwn("&lt;img src=x onerror=alert(1)&gt; <javascript:alert(1)|clic>")).toEqual([
      { type: "text", text: "<img src=x onerror=alert(1)> " },
      { type: "text", text: "clic" },
    ]);
  });

  it("reads code blocks as written and quotes line by line", () => {
    expect(parseMrkdwn("antes\n```\n*no* <@U1>\n```\n> citado\nfin")).toEqual([
      { type: "text", text: "antes" },
      { type: "pre", text: "*no* @U1\n" },
      { type: "quote", children: [{ type: "text", text: "citado" }] },
      { type: "break" },
      { type: "text", text: "fin" },
    ]);
  });
});
