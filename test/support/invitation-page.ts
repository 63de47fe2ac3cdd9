// What a test does with an invitation link (CREDENTIAL_DELIVERY=link): read it from the email,
// open its page, post its form as a browser would (a plain urlencoded form), and check the headers
// every answer of the page carries.
import { createHash } from "node:crypto";
import { expect } from "vitest";

/** The one link `<base>/acceso/<token>` of a welcome or reset email's text. */
export function invitationLinkIn(message: { readonly text?: string | undefined }): string {
  const links = [...(message.text ?? "").matchAll(/https?:\/\/\S+\/acceso\/[A-Za-z0-9_-]{43}/g)].map(
    (match) => match[0],
  );
  expect(links, "the email carries one invitation link").toHaveLength(1);
  return links[0] ?? "";
}

export interface TPageAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

async function answerOf(response: Response): Promise<TPageAnswer> {
  return { status: response.status, headers: response.headers, html: await response.text() };
}

export async function openInvitationPage(url: string): Promise<TPageAnswer> {
  return answerOf(await fetch(url, { redirect: "manual" }));
}

/** The hidden form key of a form page. */
export function formKeyIn(html: string): string {
  const key = /name="formKey" value="([^"]*)"/.exec(html)?.[1];
  if (key === undefined) throw new Error("the page has no form key");
  return key;
}

/** Posts the form as the page's own browser does (same-origin, Origin: null under no-referrer). */
export async function postInvitationForm(
  url: string,
  fields: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>> = { "sec-fetch-site": "same-origin", origin: "null" },
): Promise<TPageAnswer> {
  return answerOf(
    await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** The text of the element with this id (an error under its field), tags removed. */
export function textOfId(html: string, id: string): string | undefined {
  const match = new RegExp(`<[a-z0-9]+ [^>]*id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return match?.[1]?.replaceAll(/<[^>]+>/g, "").trim();
}

/** The headers of every answer of the page, and a CSP whose one style is the page's own inline one. */
export function expectHardenedHeaders(answer: TPageAnswer): void {
  const { headers, html } = answer;
  expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("referrer-policy")).toBe("no-referrer");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  const policy = headers.get("content-security-policy") ?? "";
  const directives = new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  expect(directives.has("script-src")).toBe(false);
  expect(policy).not.toContain("unsafe-inline");
  expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? "");
  expect(styles).toHaveLength(1);
  const hash = createHash("sha256")
    .update(styles[0] ?? "")
    .digest("base64");
  expect(directives.get("style-src")).toEqual([`'sha256-${hash}'`]);
}
