// Test data through the database directly, for what a test is not about: roles, companies, places.
import { randomUUID } from "node:crypto";
import type { Database } from "../../src/application/ports/database.ts";
import type { TRequestContext } from "../../src/domain/actor.ts";
import type { TRole } from "../../src/domain/roles.ts";

export const ADMIN_SLACK_ID = "U0ADMIN01";
export const SUPPORT_SLACK_ID = "U0SUPPORT1";
export const NOBODY_SLACK_ID = "U0NOBODY01";

export function slackContext(slackUserId: string): TRequestContext {
  return { actor: { kind: "slack", slackUserId, teamId: "T0TEAM001" }, requestId: randomUUID() };
}

export const adminContext = (): TRequestContext => slackContext(ADMIN_SLACK_ID);
export const supportContext = (): TRequestContext => slackContext(SUPPORT_SLACK_ID);
export const nobodyContext = (): TRequestContext => slackContext(NOBODY_SLACK_ID);

export async function grantRoleDirectly(database: Database, slackUserId: string, role: TRole): Promise<void> {
  await database.prisma.roleAssignment.upsert({
    where: { slackUserId_role: { slackUserId, role } },
    create: { slackUserId, role, grantedBy: "test" },
    update: { revokedAt: null, revokedBy: null },
  });
}

export interface TSeededPlaces {
  readonly kemperCentro: string;
  readonly kemperNorte: string;
  readonly xenonMatriz: string;
}

/** SAT's public test taxpayers with a few issuing places, and an admin and a support agent. */
export async function seedBasics(database: Database): Promise<TSeededPlaces> {
  await grantRoleDirectly(database, ADMIN_SLACK_ID, "ADMIN");
  await grantRoleDirectly(database, SUPPORT_SLACK_ID, "SUPPORT");
  const kemper = await database.prisma.company.create({
    data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
  });
  const xenon = await database.prisma.company.create({
    data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
  });
  const place = (companyId: string, postalCode: string, name: string) =>
    database.prisma.issuingPlace
      .create({ data: { companyId, postalCode, name } })
      .then((created) => created.id);
  return {
    kemperCentro: await place(kemper.id, "06000", "Centro"),
    kemperNorte: await place(kemper.id, "64000", "Monterrey Norte"),
    xenonMatriz: await place(xenon.id, "26015", "Matriz"),
  };
}
