// Fills a migrated database straight through SQL (no use case, no audit rows): SAT's public test
// taxpayers and their issuing places, `count` portal users with Spanish names made inside the
// database by generate_series (seconds for 100,000), and the accounts the password burst uses,
// whose password hash the bot accepts. Only columns every migration has are written; columns the
// database keeps itself (a search column, say) are left to it.
import type { SqlSession } from "../../src/infrastructure/prisma/sql-session.ts";
import { EMAIL_DOMAINS, FIRST_NAMES, folded, LAST_NAMES, RARE_LAST_NAME } from "./spanish-names.ts";

export const SEED_COMPANIES = [
  {
    rfc: "EKU9003173C9",
    legalName: "ESCUELA KEMPER URGATE",
    places: [
      ["42000", "Matriz Pachuca"],
      ["42080", "Sucursal Plaza Juárez"],
      ["42184", "Bodega Mineral de la Reforma"],
    ],
  },
  {
    rfc: "XIA190128J61",
    legalName: "XENON INDUSTRIAL ARTICLES",
    places: [
      ["76000", "Querétaro Centro"],
      ["76120", "Parque Industrial Benito Juárez"],
      ["76900", "Corregidora"],
    ],
  },
  {
    rfc: "CACX7605101P8",
    legalName: "XOCHILT CASAS CHAVEZ",
    places: [
      ["01000", "Álvaro Obregón"],
      ["03100", "Benito Juárez"],
      ["06600", "Cuauhtémoc"],
      ["44100", "Guadalajara Centro"],
    ],
  },
] as const;

export interface TSeedAccount {
  readonly username: string;
  readonly email: string;
  /** Linked accounts only. */
  readonly slackUserId: string | undefined;
}

export interface TSeededCatalogue {
  readonly users: number;
  /** An account of the catalogue: its username and email are "taken" in a refused create form. */
  readonly existing: TSeedAccount;
  /** Accounts linked to Slack users (the Slack modal's password burst). */
  readonly slackAccounts: readonly TSeedAccount[];
  /** Unlinked accounts (the portal API's password burst). */
  readonly portalAccounts: readonly TSeedAccount[];
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlText).join(", ")}]::text[]`;
}

const two = (index: number) => String(index).padStart(2, "0");

export function burstAccounts(count: number): { slack: TSeedAccount[]; portal: TSeedAccount[] } {
  const slack = Array.from({ length: count }, (_, index) => ({
    username: `bench.clave${two(index + 1)}`,
    email: `bench.clave${two(index + 1)}@premiumone.example`,
    slackUserId: `U0CLAVE${two(index + 1)}`,
  }));
  const portal = Array.from({ length: count }, (_, index) => ({
    username: `bench.portal${two(index + 1)}`,
    email: `bench.portal${two(index + 1)}@premiumone.example`,
    slackUserId: undefined,
  }));
  return { slack, portal };
}

export async function seedCatalogue(
  session: SqlSession,
  options: { users: number; passwordHash: string; burstAccounts: number },
): Promise<TSeededCatalogue> {
  for (const company of SEED_COMPANIES) {
    const [row] = await session.query<{ id: string }>(
      `INSERT INTO companies (id, rfc, legal_name, updated_at) VALUES (gen_random_uuid(), $1, $2, now())
       ON CONFLICT (rfc) DO UPDATE SET legal_name = EXCLUDED.legal_name RETURNING id`,
      [company.rfc, company.legalName],
    );
    for (const [postalCode, name] of company.places) {
      await session.query(
        `INSERT INTO issuing_places (id, company_id, postal_code, name, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, now()) ON CONFLICT DO NOTHING`,
        [row?.id, postalCode, name],
      );
    }
  }

  const firstCount = FIRST_NAMES.length;
  const lastCount = LAST_NAMES.length;
  // User n: first name n mod 30, first surname (n div 30) mod 30, second surname scattered; the
  // username carries n, so it is unique. One user in 10,000 has the rare second surname.
  await session.query(
    `WITH names AS (
       SELECT ${sqlArray(FIRST_NAMES)} AS first_names, ${sqlArray(FIRST_NAMES.map(folded))} AS first_folded,
              ${sqlArray(LAST_NAMES)} AS last_names, ${sqlArray(LAST_NAMES.map(folded))} AS last_folded,
              ${sqlArray(EMAIL_DOMAINS)} AS domains
     ), people AS (
       SELECT g.n,
              first_names[1 + g.n % ${firstCount}] AS first_name,
              last_names[1 + (g.n / ${firstCount}) % ${lastCount}] AS last_name,
              CASE WHEN g.n % 10000 = 777 THEN ${sqlText(RARE_LAST_NAME)}
                   ELSE last_names[1 + (g.n * 7 + g.n / ${firstCount * lastCount}) % ${lastCount}] END AS second_name,
              first_folded[1 + g.n % ${firstCount}] || '.' || last_folded[1 + (g.n / ${firstCount}) % ${lastCount}] || g.n
                AS username,
              domains[1 + g.n % ${EMAIL_DOMAINS.length}] AS domain
       FROM generate_series(1, $1::int) AS g(n), names
     )
     INSERT INTO portal_users (id, username, full_name, email, email_normalized, password_hash,
                               password_is_temporary, password_changed_at, updated_at)
     SELECT gen_random_uuid(), username, first_name || ' ' || last_name || ' ' || second_name,
            username || '@' || domain, username || '@' || domain, $2, false, now(), now()
     FROM people`,
    [options.users, options.passwordHash],
  );

  const accounts = burstAccounts(options.burstAccounts);
  for (const [index, account] of [...accounts.slack, ...accounts.portal].entries()) {
    await session.query(
      `INSERT INTO portal_users (id, username, full_name, email, email_normalized, slack_user_id,
                                 password_hash, password_is_temporary, password_changed_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $3, $4, $5, false, now(), now())`,
      [
        account.username,
        `${FIRST_NAMES[index % firstCount]} ${LAST_NAMES[(index * 7) % lastCount]} Benchmark`,
        account.email,
        account.slackUserId ?? null,
        options.passwordHash,
      ],
    );
  }

  // One issuing place each, a second one for every third user.
  await session.query(
    `WITH places AS (
       SELECT id, row_number() OVER (ORDER BY postal_code, name) - 1 AS k, count(*) OVER () AS total
       FROM issuing_places
     ), users AS (
       SELECT u.id, row_number() OVER (ORDER BY u.username) AS r FROM portal_users u
       WHERE NOT EXISTS (SELECT 1 FROM portal_user_places a WHERE a.user_id = u.id)
     )
     INSERT INTO portal_user_places (user_id, place_id)
     SELECT users.id, places.id FROM users JOIN places ON places.k = users.r % places.total
     UNION ALL
     SELECT users.id, places.id FROM users JOIN places ON places.k = (users.r + 1) % places.total
     WHERE users.r % 3 = 0`,
  );
  await session.exec("ANALYZE");

  const [existing] = await session.query<{ username: string; email: string }>(
    "SELECT username, email FROM portal_users ORDER BY username LIMIT 1",
  );
  if (existing === undefined) throw new Error("the seeded catalogue is empty");
  return {
    users: options.users + accounts.slack.length + accounts.portal.length,
    existing: { ...existing, slackUserId: undefined },
    slackAccounts: accounts.slack,
    portalAccounts: accounts.portal,
  };
}
