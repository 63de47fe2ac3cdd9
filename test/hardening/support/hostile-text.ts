// What an attacker (or a clumsy paste) types into a text field, as fast-check arbitraries: the
// Unicode edge cases (NUL, lone UTF-16 surrogates, C0/C1 controls, bidi overrides, zero-width
// characters, combining marks, emoji), huge, empty and blank values, SQL, HTML and Slack mrkdwn
// injection — mixed with ordinary values, so that many submissions get past the first check.
// And the oracle: which text no field may accept (`mustBeRefused`).
import fc from "fast-check";

/** Characters no single-line field may keep: they mean nothing there, and PostgreSQL or JSON cannot hold some. */
export const FORBIDDEN_CHARACTER_SAMPLES = {
  nul: "\u0000",
  c0: "\u0001\u0007\u0008\u001b\u001f",
  del: "\u007f",
  c1: "\u0080\u0085\u009b\u009f",
  bidiOverride: "\u202a\u202b\u202c\u202d\u202e",
  bidiIsolate: "\u2066\u2067\u2068\u2069",
  loneHighSurrogate: "\ud800",
  loneLowSurrogate: "\udfff",
} as const;

/** Tokens Slack turns into a ping or a link when they reach mrkdwn unescaped. */
export const MRKDWN_INJECTIONS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S0EVIL0001>",
  "<https://evil.example|click>",
  "<http://evil.example/login>",
  "<mailto:boss@evil.example|jefe>",
  "<@U0ADMIN01>",
  "<#C0AUDIT01>",
  "*bold*",
  "_italic_",
  "~strike~",
  "`code`",
  "> quoted",
  "&lt;!channel&gt;",
  // Full-width brackets: NFKC turns them into < and >.
  "\uff1c!channel\uff1e",
] as const;

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE portal_users; --",
  '"; DELETE FROM audit_events; --',
  "\\",
  "%_%",
  "$1",
  "' UNION SELECT password_hash FROM portal_users --",
] as const;

export const HTML_INJECTIONS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="https://evil.example">portal</a>',
  "&amp;&lt;&gt;",
  "]]><!--",
] as const;

const UNICODE_ODDITIES = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u200e",
  "\u200f",
  "e\u0301",
  "\u0301",
  `Z${"\u0300\u0301\u0302\u0303\u0304".repeat(12)}`,
  "😀",
  "👩🏽‍💻",
  "🇲🇽",
  "Ñandú & Peña",
  "ｍａｒｉａ",
  "\u00a0",
  "\u3000",
  "\u2028",
  "\ud83d\ude00",
] as const;

/** Every lone surrogate, in a string that is otherwise well formed. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// JavaScript's \s: what the bot's trim and whitespace collapsing take away before any check.
const JAVASCRIPT_WHITESPACE = /\s/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The oracle of issue 7's second and third faults: text that still holds a NUL, a lone surrogate,
 * a C0/C1 control or a bidi override/isolate once the whitespace the bot trims or collapses is
 * set aside. Every single-line field (names, accounts, emails, RFCs, places) must refuse it.
 * Conservative on purpose: a tab or a newline, which the bot turns into a space, is not counted.
 */
export function mustBeRefused(text: string): boolean {
  const withoutWhitespace = text.replace(JAVASCRIPT_WHITESPACE, "");
  return FORBIDDEN.test(withoutWhitespace) || LONE_SURROGATE.test(withoutWhitespace);
}

/** Names the first forbidden thing in `text`, for messages: "U+0000 at 3". */
export function describeForbidden(text: string): string {
  const withoutWhitespace = text.replace(JAVASCRIPT_WHITESPACE, "");
  const match = FORBIDDEN.exec(withoutWhitespace) ?? LONE_SURROGATE.exec(withoutWhitespace);
  if (match === null) return "nothing forbidden";
  const code = match[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

const forbiddenCharacter = fc.constantFrom(
  ...Object.values(FORBIDDEN_CHARACTER_SAMPLES).flatMap((sample) => [...sample]),
  "\ud83d",
  "\ude00",
);

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** Short fragments of every kind, to be glued together. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 6 }) },
  { weight: 3, arbitrary: forbiddenCharacter },
  { weight: 3, arbitrary: fc.constantFrom(...MRKDWN_INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...SQL_INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_ODDITIES) },
  { weight: 1, arbitrary: fc.constantFrom(" ", "  ", "\t", "\n", "\r\n") },
);

/** Blank and huge values. */
const extremeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "   ", "\t", "\n", "\u00a0", "\u3000", " \u200b "),
  fc
    .tuple(fc.constantFrom("a", "Ñ", "😀", "<!here>", "\u0000", "ä"), fc.integer({ min: 100, max: 4_000 }))
    .map(([unit, times]) => unit.repeat(times)),
);

/**
 * Text for any field: `plausible` (a value the field would take: a username, an email…) alone,
 * wrapped in hostile fragments, or hostile text alone.
 */
export function hostileText(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.array(fragment, { maxLength: 2 }), plausible, fc.array(fragment, { maxLength: 2 }))
        .map(([before, value, after]) => [...before, value, ...after].join("")),
    },
    {
      weight: 3,
      arbitrary: fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: extremeText },
  );
}

/** A plausible username: `[a-z0-9._-]{3,32}`. */
export const plausibleUsername = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,20}$/);

/** A plausible person's name, accents and all. */
export const plausibleName = fc
  .tuple(
    fc.constantFrom("María", "José", "Ana", "Ñoño", "Zoë", "Jürgen", "O'Brien", "Lucía", "李"),
    fc.constantFrom("López", "Pérez", "de la Peña", "Martínez-Ruiz", "Nguyễn", "Smith"),
    fc.integer({ min: 0, max: 9999 }),
  )
  .map(([first, last, number]) => `${first} ${last} ${number}`);

/** A plausible email address, unique enough across a run. */
export const plausibleEmail = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}$/), fc.integer({ min: 0, max: 1_000_000 }))
  .map(
    ([local, number]) =>
      `${local.replace(/\.+$/, "").replace(/\.\./g, ".")}${number}@cliente${number % 7}.example`,
  );

/** A JSON value of any type but a string (what a tampered client puts where text is expected). */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/**
 * A submission whose fields are mostly what a person would type, with none, one, or a few of them
 * (chosen at random) hostile: a refusal then names one field at a time, and a good share of
 * submissions is accepted — so that what is stored and shown gets checked too. fast-check shrinks
 * towards fewer hostile fields.
 */
export function withSomeFieldsHostile<TFields extends object>(
  plausible: { readonly [TKey in keyof TFields]: fc.Arbitrary<TFields[TKey]> },
  hostile: { readonly [TKey in keyof TFields]: fc.Arbitrary<TFields[TKey]> },
): fc.Arbitrary<TFields> {
  const keys = Object.keys(plausible) as (keyof TFields & string)[];
  const chosen = fc.oneof(
    { weight: 3, arbitrary: fc.constant<(keyof TFields & string)[]>([]) },
    { weight: 6, arbitrary: fc.constantFrom(...keys).map((key) => [key]) },
    { weight: 2, arbitrary: fc.subarray(keys, { minLength: 2 }) },
  );
  return fc.tuple(fc.record(plausible), fc.record(hostile), chosen).map(([good, bad, hostileKeys]) => {
    const fields: TFields = { ...good };
    for (const key of hostileKeys) fields[key] = bad[key];
    return fields;
  });
}
