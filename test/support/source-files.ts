// The bot's source files (src/, without Prisma's generated client) with their text, for the tests
// that hold rules on the source itself (the architecture, the text catalogues).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("../../src", import.meta.url));

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** Each file's path relative to src/, with forward slashes, and its text. */
export const sourceFiles: readonly { readonly file: string; readonly text: string }[] = filesUnder(
  SOURCE,
).map((file) => ({
  file: path.relative(SOURCE, file).split(path.sep).join("/"),
  text: readFileSync(file, "utf8"),
}));
