// Waiting on what the page shows, for vitest: playwright-core has no `expect` of its own (that is
// @playwright/test's), so these poll a locator until it reads as expected, then fail with what it read.
import type { Locator } from "playwright-core";

const DEFAULT_TIMEOUT_MILLISECONDS = 10_000;
const POLL_MILLISECONDS = 50;

async function until(
  description: string,
  read: () => Promise<string>,
  accept: (seen: string) => boolean,
  timeoutMilliseconds = DEFAULT_TIMEOUT_MILLISECONDS,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  let seen = "";
  for (;;) {
    seen = await read().catch(
      (error: unknown) => `(${error instanceof Error ? error.message : String(error)})`,
    );
    if (accept(seen)) return;
    if (Date.now() > deadline)
      throw new Error(`${description}: still reads ${JSON.stringify(seen.slice(0, 2000))}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLISECONDS));
  }
}

export function visible(locator: Locator, timeout = DEFAULT_TIMEOUT_MILLISECONDS): Promise<void> {
  return locator.first().waitFor({ state: "visible", timeout });
}

export function hidden(locator: Locator, timeout = DEFAULT_TIMEOUT_MILLISECONDS): Promise<void> {
  return locator.first().waitFor({ state: "hidden", timeout });
}

export function containsText(
  locator: Locator,
  wanted: string | RegExp,
  timeoutMilliseconds = DEFAULT_TIMEOUT_MILLISECONDS,
): Promise<void> {
  return until(
    `${locator} does not show ${String(wanted)}`,
    // innerText, not textContent: what the person reads, laid out (line breaks between blocks).
    // biome-ignore lint/performance/useDomNodeTextContent: the test reads the text as rendered
    () => locator.innerText({ timeout: 1_000 }),
    (seen) => (typeof wanted === "string" ? seen.includes(wanted) : wanted.test(seen)),
    timeoutMilliseconds,
  );
}

export function hasValue(locator: Locator, wanted: string): Promise<void> {
  return until(
    `${locator} does not hold ${JSON.stringify(wanted)}`,
    () => locator.inputValue({ timeout: 1_000 }),
    (seen) => seen === wanted,
  );
}

export function isFocused(locator: Locator): Promise<void> {
  return until(
    `${locator} is not focused`,
    async () =>
      String(
        await locator.evaluate((element) => element.ownerDocument.activeElement === element, undefined, {
          timeout: 1_000,
        }),
      ),
    (seen) => seen === "true",
  );
}
