// Demo data for the local sandbox (SPEC.md, "Local sandbox"): on the first start of an empty
// database, SAT's public test taxpayers (the RFCs SAT publishes with its test CSD certificates),
// their issuing places and a few portal users, one of them the sandbox's "portal user" person, so
// that /micuenta and the DM password change have an account to show. Every row goes through the
// use cases an admin's change goes through (the same checks, audit events and outbox rows), by the
// system actor `demo-seed`: the welcome emails land in the sandbox's inbox like any other.
// Marked as demo where people look: every razón social ends in "(demo)", the other people's
// emails are at demo.example.
// Only a database nobody has used is seeded. The sandbox seeds only its embedded database, which one
// process holds; a start that dies half-way leaves a partial demo, and the next start seeds nothing.

import { randomUUID } from "node:crypto";
import { addDays } from "../../domain/access-period.ts";
import type { TRequestContext } from "../../domain/actor.ts";
import { submitAccessRequest } from "../access-requests/submit-access-request.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { createCompany } from "../places/create-company.ts";
import { createIssuingPlace } from "../places/create-issuing-place.ts";
import { portalToday } from "../users/access-until.ts";
import { createPortalUser } from "../users/create-portal-user.ts";

export const DEMO_SEED_ACTOR_NAME = "demo-seed";
/** What ends a demo company's razón social. */
export const DEMO_COMPANY_MARK = "(demo)";
export const DEMO_EMAIL_DOMAIN = "demo.example";

export interface TDemoDataOptions {
  /** The sandbox person who holds a portal account: the demo account linked to their Slack user, at their email. */
  readonly accountant: { readonly slackUserId: string; readonly email: string; readonly name: string };
  /** A sandbox person with no account whose access request is left open, for an admin to decide. */
  readonly requester?: { readonly slackUserId: string; readonly email: string; readonly name: string };
}

/** What this call stored: all zero when it seeded nothing. */
export interface TDemoDataOutcome {
  readonly seeded: boolean;
  readonly companies: number;
  readonly places: number;
  readonly users: number;
}

interface TDemoCompany {
  readonly rfc: string;
  readonly legalName: string;
  /** The first is the taxpayer's domicilio fiscal in SAT's test data. */
  readonly places: readonly { readonly postalCode: string; readonly name: string }[];
}

/** SAT's test taxpayers; Ñ and & included, as real RFCs have them. */
export const DEMO_COMPANIES: readonly TDemoCompany[] = [
  {
    rfc: "EKU9003173C9",
    legalName: "ESCUELA KEMPER URGATE",
    places: [
      { postalCode: "42501", name: "Matriz" },
      { postalCode: "06000", name: "Sucursal Centro Histórico" },
      { postalCode: "64000", name: "Sucursal Monterrey" },
    ],
  },
  {
    rfc: "XIA190128J61",
    legalName: "XENON INDUSTRIAL ARTICLES",
    places: [
      { postalCode: "76343", name: "Planta Querétaro" },
      { postalCode: "44100", name: "Oficina Guadalajara" },
    ],
  },
  {
    rfc: "IIA040805DZ4",
    legalName: "INDISTRIA ILUMINADORA DE ALMACENES",
    places: [
      { postalCode: "62661", name: "Matriz" },
      { postalCode: "64000", name: "Almacén Monterrey" },
    ],
  },
  {
    rfc: "H&E951128469",
    legalName: "HERRERIA & ELECTRICOS",
    places: [{ postalCode: "06002", name: "Taller" }],
  },
  {
    rfc: "CACX7605101P8",
    legalName: "XOCHILT CASAS CHAVEZ",
    places: [{ postalCode: "36257", name: "Consultorio" }],
  },
  {
    rfc: "IAÑL750210963",
    legalName: "LUIS IAN ÑUZCO",
    places: [{ postalCode: "30230", name: "Despacho" }],
  },
];

/** A place of the list above: the company's RFC and the place's position among its places. */
type TDemoPlaceReference = readonly [rfc: string, placeIndex: number];

interface TDemoPerson {
  readonly username: string;
  readonly fullName: string;
  readonly places: readonly TDemoPlaceReference[];
  /** Time-bound access: an Acceso hasta this many days after the seed's day. */
  readonly accessDays?: number;
}

/** The demo's other people, at demo.example. */
export const DEMO_PEOPLE: readonly TDemoPerson[] = [
  {
    username: "maria.lopez",
    fullName: "María Fernanda López Hernández",
    places: [
      ["EKU9003173C9", 0],
      ["EKU9003173C9", 1],
      ["EKU9003173C9", 2],
    ],
  },
  {
    username: "jose.ramirez",
    fullName: "José Luis Ramírez Núñez",
    // A contractor: the list and his form show an Acceso hasta four weeks ahead.
    accessDays: 28,
    places: [
      ["XIA190128J61", 0],
      ["XIA190128J61", 1],
    ],
  },
  {
    username: "guadalupe.garcia",
    fullName: "Guadalupe García Ibáñez",
    places: [
      ["IIA040805DZ4", 0],
      ["IIA040805DZ4", 1],
      ["H&E951128469", 0],
    ],
  },
  {
    username: "raul.pena",
    fullName: "Raúl Peña Ortiz",
    places: [
      ["CACX7605101P8", 0],
      ["IAÑL750210963", 0],
    ],
  },
];

/** The accountant's places: two companies, so /micuenta shows places grouped by company. */
const ACCOUNTANT_PLACES: readonly TDemoPlaceReference[] = [
  ["EKU9003173C9", 0],
  ["EKU9003173C9", 1],
  ["XIA190128J61", 0],
];
/** The open demo access request: the places it asks for and its motivo (demo text, as the data is). */
const DEMO_REQUEST_PLACES: readonly TDemoPlaceReference[] = [["EKU9003173C9", 0]];
const DEMO_REQUEST_REASON = "Demo: llevaré la facturación de la sucursal mientras Carla está de vacaciones.";

const NOTHING_SEEDED: TDemoDataOutcome = { seeded: false, companies: 0, places: 0, users: 0 };

export async function seedDemoData(
  dependencies: TUseCaseDependencies,
  options: TDemoDataOptions,
): Promise<TDemoDataOutcome> {
  const prisma = dependencies.database.prisma;
  const [companies, places, users] = await Promise.all([
    prisma.company.count(),
    prisma.issuingPlace.count(),
    prisma.portalUser.count(),
  ]);
  if (companies + places + users > 0) return NOTHING_SEEDED;

  const requestId = randomUUID();
  const context: TRequestContext = { actor: { kind: "system", name: DEMO_SEED_ACTOR_NAME }, requestId };
  const placeIds = new Map<string, string[]>();
  for (const company of DEMO_COMPANIES) {
    const created = await createCompany(dependencies, {
      context,
      fields: { rfc: company.rfc, legalName: `${company.legalName} ${DEMO_COMPANY_MARK}` },
    });
    const ids: string[] = [];
    for (const place of company.places)
      ids.push(
        (await createIssuingPlace(dependencies, { context, companyId: created.id, fields: place })).id,
      );
    placeIds.set(company.rfc, ids);
  }
  const placesOf = (references: readonly TDemoPlaceReference[]) =>
    references
      .map(([rfc, index]) => placeIds.get(rfc)?.[index])
      .filter((id): id is string => id !== undefined);

  await createPortalUser(dependencies, {
    context,
    fields: {
      username: usernameOf(options.accountant.name),
      fullName: options.accountant.name,
      email: options.accountant.email,
      slackUserId: options.accountant.slackUserId,
      placeIds: placesOf(ACCOUNTANT_PLACES),
    },
  });
  for (const person of DEMO_PEOPLE) {
    await createPortalUser(dependencies, {
      context,
      fields: {
        username: person.username,
        fullName: person.fullName,
        email: `${person.username}@${DEMO_EMAIL_DOMAIN}`,
        placeIds: placesOf(person.places),
        ...(person.accessDays === undefined
          ? {}
          : { accessUntil: addDays(portalToday(dependencies.clock()), person.accessDays) }),
      },
    });
  }
  if (options.requester !== undefined)
    await submitAccessRequest(dependencies, {
      context: { actor: { kind: "slack", slackUserId: options.requester.slackUserId }, requestId },
      fields: {
        fullName: options.requester.name,
        email: options.requester.email,
        placeIds: placesOf(DEMO_REQUEST_PLACES),
        reason: DEMO_REQUEST_REASON,
      },
    });
  return {
    seeded: true,
    companies: DEMO_COMPANIES.length,
    places: [...placeIds.values()].flat().length,
    users: DEMO_PEOPLE.length + 1,
  };
}

/** "Carla Contadora" → "carla.contadora": the portal's username shape, accents dropped. */
function usernameOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
