// Reads the Prisma schema as the schema engine takes it: one file, or a folder of `.prisma` files
// (Prisma's multi-file schemas).
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export interface PrismaSchemaFile {
  readonly path: string;
  readonly content: string;
}

export async function readPrismaSchemaFiles(schemaPath: string): Promise<PrismaSchemaFile[]> {
  const resolved = path.resolve(schemaPath);
  const isFolder = await stat(resolved).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (isFolder) {
    const names = (await readdir(resolved, { recursive: true }))
      .filter((name) => name.endsWith(".prisma"))
      .sort();
    if (names.length === 0) throw new Error(`no .prisma file under ${resolved}`);
    return Promise.all(
      names.map(async (name) => {
        const file = path.join(resolved, name);
        return { path: file, content: await readFile(file, "utf8") };
      }),
    );
  }
  return [{ path: resolved, content: await readFile(resolved, "utf8") }];
}
