// `npm run db:backup` and `npm run db:restore` as an operator runs them: a round trip of the
// embedded database (users, places, the audit chain), the refusals (PostgreSQL, the bot holding
// the folder, a database in the way, a file that is no backup), the old folder kept aside.
import { existsSync } from "node:fs";
import { readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import type { Database } from "../../src/infrastructure/prisma/open-database.ts";
import { recordTestAuditEvent } from "../support/audit-events.ts";
import { seedBasics } from "../support/seed.ts";
import { createCommandDatabase, runCommand, type TCommandDatabase, withOpenDatabase } from "./run-command.ts";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** What must come back intact: the accounts with their places, the places, the audit trail. */
async function contentsOf(database: Database) {
  return {
    users: await database.prisma.portalUser.findMany({
      orderBy: { username: "asc" },
      include: { places: { select: { placeId: true }, orderBy: { placeId: "asc" } } },
    }),
    places: await database.prisma.issuingPlace.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
    auditChain: await verifyAuditChain(database.prisma),
  };
}

/** A ustar archive of one file, as any tar tool writes it. */
function tarWithOneFile(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write("0000644\0", 100);
  header.write(`${Buffer.byteLength(content).toString(8).padStart(11, "0")}\0`, 124);
  header.write("ustar\0", 257);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512);
  body.write(content);
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

async function addUser(database: Database, username: string, placeIds: string[]): Promise<void> {
  await database.prisma.portalUser.create({
    data: {
      username,
      fullName: `Usuaria ${username}`,
      email: `${username}@example.com`,
      emailNormalized: `${username}@example.com`,
      passwordHash: "$2b$12$abcdefghijklmnopqrstuuJ3pY8b1y9yQdQ2m1cM2fHx8B6W3pU1e",
      places: { create: placeIds.map((placeId) => ({ placeId })) },
    },
  });
  await recordTestAuditEvent(database, {
    action: "user.created",
    targetLabel: username,
    changes: { after: { username, places: placeIds.length } },
  });
}

describe.skipIf(onPostgres)("npm run db:backup / db:restore (embedded database)", () => {
  let database: TCommandDatabase;
  let before: Awaited<ReturnType<typeof contentsOf>>;
  const backupFile = () => path.join(database.workingDirectory, "premiumone.tar.gz");
  const command = (script: "db-backup" | "db-restore", args: string[]) =>
    runCommand(`src/cli/${script}.ts`, {
      args,
      environment: database.environment,
      workingDirectory: database.workingDirectory,
    });

  beforeAll(async () => {
    database = await createCommandDatabase();
    before = await withOpenDatabase(database, async (opened) => {
      const places = await seedBasics(opened);
      await addUser(opened, "maria.nunez", [places.kemperCentro, places.kemperNorte]);
      await addUser(opened, "jose.ibarra", [places.xenonMatriz]);
      return contentsOf(opened);
    });
    expect(before).toMatchObject({ auditChain: { ok: true, rows: 2 } });
    expect(before.users).toHaveLength(2);
    expect(before.places).toHaveLength(3);
  });
  afterAll(() => database.close());

  it("writes a .tar.gz readable by its owner only, and says what it holds", async () => {
    const run = await command("db-backup", ["--output", backupFile()]);
    expect(run).toMatchObject({ exitCode: 0, stderr: "" });
    expect(run.stdout).toMatch(
      /^backup written: .*premiumone\.tar\.gz \(\d+\.\d MB; 2 users, 3 places, 2 audit events, audit chain OK\)\n$/,
    );
    expect((await stat(backupFile())).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(database.dataDirectory, "db", "postmaster.pid"))).toBe(false);
  });

  it("writes under DATA_DIR/backups by default, and never over a file without --force", async () => {
    const run = await command("db-backup", []);
    expect(run.exitCode).toBe(0);
    const [written] = await readdir(path.join(database.dataDirectory, "backups"));
    expect(written).toMatch(/^premiumone-db-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/);
    const again = await command("db-backup", ["--output", backupFile()]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toBe(`${backupFile()} exists: pass --force to replace it\n`);
  });

  it("refuses to restore over a database without --force", async () => {
    const run = await command("db-restore", [backupFile()]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `${path.join(database.dataDirectory, "db")} already holds a database: pass --force to replace it (it is kept aside, not deleted)\n`,
    );
  });

  it("restores with --force: users, places and the audit chain as they were, the replaced folder kept aside", async () => {
    // A change after the backup, which the restore takes back.
    await withOpenDatabase(database, async (opened) => {
      const [place] = before.places;
      await addUser(opened, "intrusa", place === undefined ? [] : [place.id]);
    });
    const run = await command("db-restore", [backupFile(), "--force"]);
    expect(run).toMatchObject({ exitCode: 0, stderr: "" });
    expect(run.stdout).toMatch(
      /^restored .*premiumone\.tar\.gz into .*\/data\/db \(2 users, 3 places, 2 audit events, audit chain OK\); the database before it is kept in .*\/data\/db\.before-restore-[0-9T-]+Z\n$/,
    );
    expect(await withOpenDatabase(database, contentsOf)).toEqual(before);

    const aside = (await readdir(database.dataDirectory)).filter((name) =>
      name.startsWith("db.before-restore-"),
    );
    expect(aside).toHaveLength(1);
    expect((await readdir(database.dataDirectory)).some((name) => name.includes(".restoring-"))).toBe(false);

    // audit:verify, as an operator would run it after a restore.
    const verified = await runCommand("src/cli/audit-verify.ts", {
      environment: database.environment,
      workingDirectory: database.workingDirectory,
    });
    expect(verified).toMatchObject({ exitCode: 0, stdout: "audit chain OK: 2 rows\n" });
  });

  it("restores into a DATA_DIR that has no database yet", async () => {
    const elsewhere = path.join(database.workingDirectory, "new-data");
    const run = await runCommand("src/cli/db-restore.ts", {
      args: [backupFile()],
      environment: { DATA_DIR: elsewhere },
      workingDirectory: database.workingDirectory,
    });
    expect(run).toMatchObject({ exitCode: 0, stderr: "" });
    expect(run.stdout).not.toContain("kept in");
    expect(await readdir(elsewhere)).toEqual(["db"]);
  });

  it("refuses a file that is no backup, and leaves the database as it was", async () => {
    const notes = path.join(database.workingDirectory, "notes.txt");
    await writeFile(notes, "not a tarball at all\n");
    const otherTar = path.join(database.workingDirectory, "other.tar.gz");
    await writeFile(otherTar, gzipSync(tarWithOneFile("README.md", "hola\n")));
    const brokenGzip = path.join(database.workingDirectory, "broken.tar.gz");
    await writeFile(brokenGzip, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    for (const file of [notes, otherTar, brokenGzip]) {
      const run = await command("db-restore", [file, "--force"]);
      expect(run, file).toMatchObject({
        exitCode: 2,
        stderr: `${file} is not a backup of the embedded database (no PostgreSQL data folder in it)\n`,
      });
    }
    expect(await withOpenDatabase(database, contentsOf)).toEqual(before);
    expect((await readdir(database.dataDirectory)).some((name) => name.includes(".restoring-"))).toBe(false);
  });

  it("refuses to back up or restore while another process (the bot) holds the folder", async () => {
    await withOpenDatabase(database, async () => {
      for (const [script, args] of [
        ["db-backup", ["--output", path.join(database.workingDirectory, "while-open.tar.gz")]],
        ["db-restore", [backupFile(), "--force"]],
      ] as const) {
        const run = await command(script, [...args]);
        expect(run.exitCode, script).toBe(2);
        expect(run.stderr, script).toMatch(/^the embedded database in .* is open .*: stop the bot first/);
      }
    });
  });
});

describe("npm run db:backup / db:restore on PostgreSQL", () => {
  let database: TCommandDatabase;
  beforeAll(async () => {
    database = await createCommandDatabase();
  });
  afterAll(() => database.close());

  it("refuses with one line pointing to pg_dump / pg_restore", async () => {
    const environment = {
      ...database.environment,
      DATABASE_URL: "postgresql://bot@db.invalid:5432/premiumone",
    };
    const backup = await runCommand("src/cli/db-backup.ts", {
      environment,
      workingDirectory: database.workingDirectory,
    });
    expect(backup).toMatchObject({
      exitCode: 2,
      stderr:
        "DATABASE_URL is set: back up PostgreSQL with pg_dump (npm run db:backup is for the embedded database)\n",
    });
    const restore = await runCommand("src/cli/db-restore.ts", {
      args: ["backup.tar.gz"],
      environment,
      workingDirectory: database.workingDirectory,
    });
    expect(restore).toMatchObject({
      exitCode: 2,
      stderr:
        "DATABASE_URL is set: restore PostgreSQL with pg_restore (npm run db:restore is for the embedded database)\n",
    });
  });
});
