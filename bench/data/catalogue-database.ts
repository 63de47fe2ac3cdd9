// The databases the bot is started on: an embedded (PGlite) data folder, opened and migrated with
// the bot's own openDatabase *before* the bot starts (one process at a time on a PGlite folder),
// or a new database on the PostgreSQL server of BENCH_DATABASE_URL, dropped at the end.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import type { TCleanup } from "../cleanup.ts";
import { seedCatalogue, type TSeededCatalogue } from "./seed-catalogue.ts";

export interface TSeedOptions {
  readonly users: number;
  readonly passwordHash: string;
  readonly burstAccounts: number;
}

export interface TSeedResult {
  readonly catalogue: TSeededCatalogue;
  readonly seedMilliseconds: number;
}

async function seedThrough(
  location: Parameters<typeof openDatabase>[0],
  options: TSeedOptions,
): Promise<TSeedResult> {
  const started = performance.now();
  const database = await openDatabase(location, { poolSize: 1 });
  try {
    const catalogue = await database.withSql((session) => seedCatalogue(session, options));
    return { catalogue, seedMilliseconds: performance.now() - started };
  } finally {
    await database.close();
  }
}

/** Migrates and seeds `<dataDirectory>/db`, the folder the bot opens when DATABASE_URL is unset. */
export function seedEmbedded(dataDirectory: string, options: TSeedOptions): Promise<TSeedResult> {
  return seedThrough({ kind: "embedded", directory: path.join(dataDirectory, "db") }, options);
}

/** A new, empty database on the server of `serverUrl`, dropped by the cleanup; its URL. */
export async function createPostgresDatabase(serverUrl: string, cleanup: TCleanup): Promise<string> {
  const name = `premiumone_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanup.add(`drop PostgreSQL database ${name}`, async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function seedPostgres(databaseUrl: string, options: TSeedOptions): Promise<TSeedResult> {
  return seedThrough({ kind: "postgresql", url: databaseUrl }, options);
}
