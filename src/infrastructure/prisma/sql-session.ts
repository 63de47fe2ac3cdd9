// A plain SQL connection for the few things Prisma's client does not do: migrations at start,
// advisory locks. The embedded database (PGlite) and PostgreSQL (node-postgres) each provide one.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

export interface SqlSession {
  query<TRow extends object>(text: string, parameters?: readonly unknown[]): Promise<TRow[]>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

export function pgliteSession(database: PGlite | Transaction): SqlSession {
  return {
    async query<TRow extends object>(text: string, parameters: readonly unknown[] = []) {
      const result = await database.query<TRow>(text, [...parameters]);
      return result.rows;
    },
    async exec(script) {
      await database.exec(script);
    },
    transaction(work) {
      if (!("transaction" in database)) throw new Error("nested transactions are not supported");
      return database.transaction((transaction) => work(pgliteSession(transaction)));
    },
  };
}

export function postgresSession(client: pg.PoolClient): SqlSession {
  const session: SqlSession = {
    async query<TRow extends object>(text: string, parameters: readonly unknown[] = []) {
      const result = await client.query(text, [...parameters]);
      return result.rows as TRow[];
    },
    async exec(script) {
      await client.query(script);
    },
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const value = await work(session);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return session;
}
