// `.env` in the working folder, read once at start with Node's own `process.loadEnvFile`. Node
// never replaces a variable that is already set (checked on Node 20.20, an empty one included), so
// the real environment wins. Node's parser takes any text without complaint (a stray line becomes
// part of the next variable's name), so the file is checked first; a bad line is named by its
// number only, never by its content, which may hold a secret.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigurationError } from "./environment.ts";

export const ENVIRONMENT_FILE_NAME = ".env";

export type TEnvironmentFileOutcome =
  | { readonly loaded: true; readonly file: string }
  /** No `.env` there: the environment alone configures the process. */
  | { readonly loaded: false; readonly file: string };

const assignment = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(.*)$/;
const quotes = ['"', "'", "`"];

/**
 * Reads `.env` from `directory` (the working folder by default) into the process's variables,
 * leaving every variable already set as it is. Throws ConfigurationError (one line) when the file
 * cannot be read or a line is not `NAME=value`.
 */
export function loadEnvironmentFile(options: { directory?: string } = {}): TEnvironmentFileOutcome {
  const file = path.resolve(options.directory ?? process.cwd(), ENVIRONMENT_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown error";
    if (code === "ENOENT") return { loaded: false, file };
    throw new ConfigurationError([`${ENVIRONMENT_FILE_NAME}: could not be read (${code}) at ${file}`]);
  }
  const problem = environmentFileProblem(text);
  if (problem !== undefined) {
    throw new ConfigurationError([`${ENVIRONMENT_FILE_NAME} line ${problem.line}: ${problem.message}`]);
  }
  process.loadEnvFile(file);
  return { loaded: true, file };
}

/** The first line Node would read as something else than the operator meant, if any. */
export function environmentFileProblem(text: string): { line: number; message: string } | undefined {
  if (text.startsWith("\uFEFF")) {
    return { line: 1, message: "starts with a byte order mark: save the file as UTF-8 without BOM" };
  }
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const match = assignment.exec(line);
    if (match === null) return { line: index + 1, message: "expected NAME=value (or a # comment)" };
    const value = (match[1] ?? "").trimStart();
    const quote = quotes.find((candidate) => value.startsWith(candidate));
    if (quote === undefined || value.indexOf(quote, 1) !== -1) continue;
    // A quoted value may go on over the next lines, up to its closing quote.
    const closing = lines.findIndex((later, laterIndex) => laterIndex > index && later.includes(quote));
    if (closing === -1) return { line: index + 1, message: `the value's opening ${quote} is never closed` };
    index = closing;
  }
  return undefined;
}
