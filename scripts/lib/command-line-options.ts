// The command-line options of the db:new and db:check scripts: `--flag value` / `--flag=value` with an
// environment variable as fallback, positional arguments, and the schema and migrations paths.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_DIRECTORY } from "../../src/infrastructure/prisma/migrations-folder.ts";

/** The schema prisma.config.ts names. */
export const DEFAULT_SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export const PATH_FLAGS = ["--schema", "--migrations"] as const;

/** The value of `--flag value`, `--flag=value`, or else of the environment variable (if not empty). */
export function optionValue(args: readonly string[], flag: string, envName: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    if (arg === flag) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
      return value;
    }
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  const fromEnv = process.env[envName];
  return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
}

/** Arguments that are neither `--flag value` nor `--flag=value` of a known flag; throws on unknown flags. */
export function positionalArgs(args: readonly string[], flagsWithValue: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    if (flagsWithValue.includes(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith("-")) {
      if (flagsWithValue.some((flag) => arg.startsWith(`${flag}=`))) continue;
      throw new Error(`unknown option ${arg} (known: ${flagsWithValue.join(", ")})`);
    }
    result.push(arg);
  }
  return result;
}

export interface ResolvedPaths {
  schemaPath: string;
  migrationsDir: string;
}

/** `--schema PATH` / SCHEMA_PATH and `--migrations DIR` / MIGRATIONS_DIR, defaulting to prisma.config.ts's. */
export function resolvePaths(args: readonly string[]): ResolvedPaths {
  const schema = optionValue(args, "--schema", "SCHEMA_PATH");
  const migrations = optionValue(args, "--migrations", "MIGRATIONS_DIR");
  return {
    schemaPath: schema === undefined ? DEFAULT_SCHEMA_PATH : path.resolve(schema),
    migrationsDir: migrations === undefined ? MIGRATIONS_DIRECTORY : path.resolve(migrations),
  };
}
