// The catalogue of portal accounts (/usuarios): ordered by username, paged, searchable by what a
// service desk is told on the phone — the account, the person's name, the email, a código postal,
// or the company's RFC or razón social — without minding case or accents ("maria" finds "María").
// The account's own fields are searched through a trigram index on a column the database keeps
// folded (see the user_search migration); places and companies are few and read as they are.
import type { TRequestContext } from "../../domain/actor.ts";
import { ValidationError } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { textProblem } from "../../domain/text-rules.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { pagePosition, type TPagePosition } from "../paging.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

const MAXIMUM_QUERY_LENGTH = 254;

export interface TPortalUserPage {
  readonly users: TPortalUserDetails[];
  /** The page shown: the last one when the one asked for is past the end. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly pageCount: number;
}

/** The query as a LIKE pattern that takes `%`, `_` and `\` literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The search text, tidied, or undefined for none; refused when it holds what cannot be searched. */
function searchText(query: string | undefined): string | undefined {
  const text = (query ?? "").normalize("NFKC").trim().slice(0, MAXIMUM_QUERY_LENGTH);
  if (text === "") return undefined;
  const characters = textProblem("query", text);
  if (characters !== undefined) throw new ValidationError([characters]);
  return text;
}

type TPageRequest = { page?: number; pageSize?: number };

/** Every account, a page of them: one count, then the page's ids through the username index. */
async function allAccounts(
  dependencies: TUseCaseDependencies,
  request: TPageRequest,
): Promise<{ position: TPagePosition; ids: string[] }> {
  const prisma = dependencies.database.prisma;
  const position = pagePosition(request, await prisma.portalUser.count());
  const rows = await prisma.portalUser.findMany({
    orderBy: { username: "asc" },
    skip: position.skip,
    take: position.pageSize,
    select: { id: true },
  });
  return { position, ids: rows.map((row) => row.id) };
}

/** The matching accounts, a page of them with their count, in one query. */
async function matchingAccounts(
  dependencies: TUseCaseDependencies,
  request: TPageRequest,
  text: string,
): Promise<{ position: TPagePosition; ids: string[] }> {
  const prisma = dependencies.database.prisma;
  const pattern = containsPattern(text);
  const wanted = pagePosition(request, Number.MAX_SAFE_INTEGER);
  // The accounts whose own fields match (an index lookup) and those holding a matching place.
  const pageAt = (skip: number) => prisma.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT id, count(*) OVER () AS total FROM (
      SELECT u.id, u.username FROM portal_users u
       WHERE u.search_text LIKE premiumone_fold(${pattern})
      UNION
      SELECT u.id, u.username FROM issuing_places p
        JOIN companies c ON c.id = p.company_id
        JOIN portal_user_places up ON up.place_id = p.id
        JOIN portal_users u ON u.id = up.user_id
       WHERE premiumone_fold(p.postal_code || ' ' || c.rfc || ' ' || c.legal_name) LIKE premiumone_fold(${pattern})
    ) AS matches
    ORDER BY username LIMIT ${wanted.pageSize} OFFSET ${skip}`;
  let rows = await pageAt(wanted.skip);
  // A page past the end (the list shrank meanwhile) shows the last page.
  if (rows.length === 0 && wanted.skip > 0) {
    const total = Number((await pageAt(0))[0]?.total ?? 0);
    const last = pagePosition(request, total);
    rows = await pageAt(last.skip);
  }
  const position = pagePosition(request, Number(rows[0]?.total ?? 0));
  return { position, ids: rows.map((row) => row.id) };
}

export async function listPortalUsers(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; query?: string; page?: number; pageSize?: number },
): Promise<TPortalUserPage> {
  await requirePermission(dependencies, options.context, Permission.USERS_READ, { action: "user.list" });
  const text = searchText(options.query);
  const { position, ids } =
    text === undefined
      ? await allAccounts(dependencies, options)
      : await matchingAccounts(dependencies, options, text);
  const rows =
    ids.length === 0
      ? []
      : await dependencies.database.prisma.portalUser.findMany({
          where: { id: { in: ids } },
          select: portalUserDetailsSelect,
        });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const now = dependencies.clock();
  return {
    users: ids.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [toPortalUserDetails(row, now)];
    }),
    page: position.page,
    pageSize: position.pageSize,
    total: position.total,
    pageCount: position.pageCount,
  };
}
