// The only reader of process.env. One zod schema for the whole environment of SPEC.md; a bad
// start lists every problem, one line each, naming the variable and what it expects. Messages are
// written here and never include the value, so that a secret cannot leak through them.
import { z } from "zod";
import { LOCALES } from "../i18n/locale.ts";

const slackUserIdPattern = /^[UW][A-Z0-9]{2,}$/;
const slackChannelIdPattern = /^[CGD][A-Z0-9]{2,}$/;

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string())
  .optional()
  .transform((value) => (value === "" ? undefined : value));

function urlWithProtocols(protocols: readonly string[], expectation: string) {
  return z
    .string({ error: `expected ${expectation}` })
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `expected ${expectation}`);
}

function integerInRange(minimum: number, maximum: number, fallback: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(fallback) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `expected a whole number from ${minimum} to ${maximum}`)
        .transform(Number)
        .pipe(
          z
            .number()
            .min(minimum, `expected a whole number from ${minimum} to ${maximum}`)
            .max(maximum, `expected a whole number from ${minimum} to ${maximum}`),
        ),
    );
}

function idList(pattern: RegExp, expectation: string) {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    )
    .pipe(z.array(z.string().regex(pattern, `expected ${expectation}`)));
}

/** A secret's problems, said as they are: a wrong prefix and a value too short are different mistakes. */
function secret(options: { prefix?: string; minimumLength: number; what: string }) {
  const { prefix, minimumLength, what } = options;
  return optionalText.pipe(
    z
      .string()
      .superRefine((value, context) => {
        if (prefix !== undefined && !value.startsWith(prefix)) {
          context.addIssue({ code: "custom", message: `expected ${what} starting with ${prefix}` });
        } else if (value.length < minimumLength) {
          context.addIssue({
            code: "custom",
            message: `is too short: ${value.length} characters where ${what} has at least ${minimumLength}`,
          });
        }
      })
      .optional(),
  );
}

export const ZEnvironment = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_BOT_TOKEN: secret({ prefix: "xoxb-", minimumLength: 20, what: "a bot token" }),
  SLACK_SIGNING_SECRET: secret({ minimumLength: 16, what: "the app's signing secret" }),
  SLACK_APP_TOKEN: secret({ prefix: "xapp-", minimumLength: 20, what: "an app-level token (Socket Mode)" }),
  SLACK_API_URL: optionalText.pipe(urlWithProtocols(["http:", "https:"], "an http(s) URL").optional()),
  PORT: integerInRange(0, 65535, 3000),
  DATABASE_URL: optionalText.pipe(
    urlWithProtocols(["postgres:", "postgresql:"], "a postgresql:// URL").optional(),
  ),
  DATA_DIR: optionalText.transform((value) => value ?? "./data"),
  SMTP_URL: optionalText.pipe(urlWithProtocols(["smtp:", "smtps:"], "an smtp:// or smtps:// URL").optional()),
  MAIL_FROM: optionalText
    .transform((value) => value ?? "PremiumOne <no-reply@premiumone.invalid>")
    .pipe(
      z
        .string()
        .regex(
          /^(.*<)?[^\s@<>]+@[^\s@<>]+>?$/,
          "expected an address, e.g. PremiumOne <no-reply@example.com>",
        ),
    ),
  PORTAL_URL: optionalText
    .transform((value) => value ?? "http://localhost:3000/")
    .pipe(urlWithProtocols(["http:", "https:"], "the portal's http(s) URL")),
  PORTAL_API_KEY: secret({ minimumLength: 32, what: "a random key" }),
  AUDIT_CHANNEL_ID: optionalText.pipe(
    z.string().regex(slackChannelIdPattern, "expected a Slack channel id such as C0123456789").optional(),
  ),
  ADMIN_SLACK_USER_IDS: idList(slackUserIdPattern, "comma-separated Slack user ids such as U0123456789"),
  SUPPORT_SLACK_USER_IDS: idList(slackUserIdPattern, "comma-separated Slack user ids such as U0123456789"),
  BOT_LOCALE: optionalText
    .transform((value) => value ?? "es")
    .pipe(z.enum(LOCALES, { error: "expected es or en" })),
  TEMP_PASSWORD_TTL_HOURS: integerInRange(1, 720, 72),
  PASSWORD_MIN_LENGTH: integerInRange(15, 128, 15),
  PASSWORD_PEPPER: secret({ minimumLength: 32, what: "a random pepper" }),
  SUPPORT_CONTACT: optionalText,
  METRICS_TOKEN: secret({ minimumLength: 16, what: "a random token" }),
  SANDBOX: optionalText
    .transform((value) => value ?? "auto")
    .pipe(z.enum(["auto", "on", "off"], { error: "expected auto, on or off" })),
  CREDENTIAL_DELIVERY: optionalText
    .transform((value) => value ?? "password")
    .pipe(z.enum(["password", "link"], { error: "expected password or link" })),
  PUBLIC_URL: optionalText.pipe(
    urlWithProtocols(["http:", "https:"], "the bot's public http(s) URL").optional(),
  ),
  // Access requests (Solicitar acceso): where they are posted for approval, and how long they stay open.
  ACCESS_REQUESTS_CHANNEL_ID: optionalText.pipe(
    z.string().regex(slackChannelIdPattern, "expected a Slack channel id such as C0123456789").optional(),
  ),
  ACCESS_REQUEST_TTL_DAYS: integerInRange(1, 365, 14),
});

export type TEnvironment = z.infer<typeof ZEnvironment>;

/** Rules between variables, checked on what is present, so that they are listed with every other problem. */
function crossVariableProblems(source: NodeJS.ProcessEnv, sandboxed: boolean): string[] {
  const present = (name: string) => (source[name] ?? "").trim() !== "";
  const problems: string[] = [];
  if (present("SLACK_BOT_TOKEN") && !present("SLACK_SIGNING_SECRET") && !present("SLACK_APP_TOKEN")) {
    problems.push(
      "SLACK_SIGNING_SECRET: expected the app's signing secret when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if (!present("SLACK_BOT_TOKEN") && (present("SLACK_SIGNING_SECRET") || present("SLACK_APP_TOKEN"))) {
    problems.push(
      "SLACK_BOT_TOKEN: expected a bot token starting with xoxb- when the other Slack variables are set",
    );
  }
  const sandboxOn = sandboxed || (source.SANDBOX ?? "").trim() === "on";
  if (!sandboxed && sandboxOn && present("SLACK_BOT_TOKEN")) {
    problems.push(
      "SANDBOX: must not be on beside a real SLACK_BOT_TOKEN (the sandbox signs with a secret of its own)",
    );
  }
  // The links of the emails point at the bot itself; the sandbox's bot knows its own local address.
  const sandboxMode = (source.SANDBOX ?? "").trim();
  const sandboxServed =
    sandboxOn ||
    ((sandboxMode === "" || sandboxMode === "auto") &&
      !present("SLACK_BOT_TOKEN") &&
      (source.NODE_ENV ?? "").trim() !== "production");
  if (!sandboxServed && (source.CREDENTIAL_DELIVERY ?? "").trim() === "link" && !present("PUBLIC_URL")) {
    problems.push(
      "PUBLIC_URL: is required when CREDENTIAL_DELIVERY=link (the emails' links point at <PUBLIC_URL>/acceso/…)",
    );
  }
  if ((source.NODE_ENV ?? "").trim() === "production") {
    // The sandbox in production is a deliberate demo install: it needs no Slack token and no SMTP.
    const required = sandboxOn
      ? ["PORTAL_API_KEY", "PASSWORD_PEPPER", "PORTAL_URL"]
      : ["SLACK_BOT_TOKEN", "PORTAL_API_KEY", "PASSWORD_PEPPER", "SMTP_URL", "PORTAL_URL"];
    for (const name of required) {
      if (!present(name)) problems.push(`${name}: is required when NODE_ENV=production`);
    }
  }
  return problems;
}

/** The process's variables as they are, for a start that reads them again with its own on top (the sandbox). */
export function processVariables(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/**
 * Whether `npm start` serves the browser sandbox: `SANDBOX=on`, or left at `auto` with no Slack
 * token outside production.
 */
export function sandboxWanted(environment: TEnvironment): boolean {
  if (environment.SANDBOX !== "auto") return environment.SANDBOX === "on";
  return environment.SLACK_BOT_TOKEN === undefined && environment.NODE_ENV !== "production";
}

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

/**
 * Reads and checks the environment; throws ConfigurationError listing every problem. `sandboxed`:
 * the environment of the bot inside the sandbox, whose Slack variables are the stand-in's and whose
 * mail goes to the sandbox's inbox (no SMTP_URL needed in production).
 */
export function readEnvironment(
  source: NodeJS.ProcessEnv = process.env,
  options: { readonly sandboxed?: boolean } = {},
): TEnvironment {
  const result = ZEnvironment.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const variable = issue.path[0] === undefined ? "environment" : String(issue.path[0]);
        // zod's own wording for a wrong type never includes the value; custom messages never do.
        return `${variable}: ${issue.message}`;
      });
  problems.push(...crossVariableProblems(source, options.sandboxed === true));
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigurationError([...new Set(problems)]);
}
