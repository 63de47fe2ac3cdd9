// The catalogue of portal accounts (/usuarios): ordered by username, paged, searchable by what a
// service desk is told on the phone — the account, the person's name, the email, a código postal,
// or the company's RFC or razón social.
import type { TRequestContext } from "../../domain/actor.ts";
import { ValidationError } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { textProblem } from "../../domain/text-rules.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { pagePosition } from "../paging.ts";
import type { Prisma } from "../ports/database.ts";
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

/** Prisma's `contains` becomes a LIKE pattern unescaped (prisma/orm#19506): `%` and `_` are taken literally here. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function searchFilter(query: string | undefined): Prisma.PortalUserWhereInput {
  const text = (query ?? "").normalize("NFKC").trim().slice(0, MAXIMUM_QUERY_LENGTH);
  if (text === "") return {};
  const characters = textProblem("query", text);
  if (characters !== undefined) throw new ValidationError([characters]);
  const contains = { contains: likeLiteral(text), mode: "insensitive" } as const;
  return {
    OR: [
      { username: contains },
      { fullName: contains },
      { email: contains },
      {
        places: {
          some: {
            place: {
              OR: [
                { postalCode: contains },
                { company: { OR: [{ rfc: contains }, { legalName: contains }] } },
              ],
            },
          },
        },
      },
    ],
  };
}

export async function listPortalUsers(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; query?: string; page?: number; pageSize?: number },
): Promise<TPortalUserPage> {
  await requirePermission(dependencies, options.context, Permission.USERS_READ, { action: "user.list" });
  const prisma = dependencies.database.prisma;
  const where = searchFilter(options.query);
  const position = pagePosition(options, await prisma.portalUser.count({ where }));
  const rows = await prisma.portalUser.findMany({
    where,
    orderBy: { username: "asc" },
    skip: position.skip,
    take: position.pageSize,
    select: portalUserDetailsSelect,
  });
  const now = dependencies.clock();
  return {
    users: rows.map((row) => toPortalUserDetails(row, now)),
    page: position.page,
    pageSize: position.pageSize,
    total: position.total,
    pageCount: position.pageCount,
  };
}
