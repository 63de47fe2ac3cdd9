// `.env` read at start, each case in a child process of its own: loading a file changes the
// process's variables, which this test process must keep as they are (vitest.config.ts).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { environmentFileProblem } from "../../src/config/env-file.ts";

const ENV_FILE_MODULE = pathToFileURL(
  fileURLToPath(new URL("../../src/config/env-file.ts", import.meta.url)),
);
const TSX_LOADER = pathToFileURL(
  fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url)),
);

// Loads the working folder's .env, then prints what it found and the variables asked for.
const PROGRAM = `
const { loadEnvironmentFile } = await import(${JSON.stringify(ENV_FILE_MODULE.href)});
const { ConfigurationError } = await import(${JSON.stringify(new URL("environment.ts", ENV_FILE_MODULE).href)});
const names = JSON.parse(process.argv[1]);
const values = () => Object.fromEntries(names.map((name) => [name, process.env[name] ?? null]));
try {
  const outcome = loadEnvironmentFile();
  console.log(JSON.stringify({ loaded: outcome.loaded, values: values() }));
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  console.log(JSON.stringify({ problems: error.problems, values: values() }));
}`;

interface TChildAnswer {
  readonly loaded?: boolean;
  readonly values?: Record<string, string | null>;
  readonly problems?: string[];
}

function loadIn(
  directory: string,
  names: string[],
  environment: Record<string, string> = {},
): Promise<TChildAnswer> {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...environment };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", TSX_LOADER.href, "--input-type=module", "--eval", PROGRAM, JSON.stringify(names)],
      { cwd: directory, env },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as TChildAnswer);
      },
    );
  });
}

describe("loadEnvironmentFile", () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "premiumone-env-file-"));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it("reads .env from the working folder", async () => {
    await writeFile(
      path.join(directory, ".env"),
      '# the embedded database\nDATA_DIR=/srv/premiumone\nexport BOT_LOCALE=en\nMAIL_FROM="PremiumOne <bot@example.com>"\n',
    );
    expect(await loadIn(directory, ["DATA_DIR", "BOT_LOCALE", "MAIL_FROM"])).toEqual({
      loaded: true,
      values: { DATA_DIR: "/srv/premiumone", BOT_LOCALE: "en", MAIL_FROM: "PremiumOne <bot@example.com>" },
    });
  });

  it("lets the real environment win, an empty variable included", async () => {
    await writeFile(path.join(directory, ".env"), "PORT=4000\nDATA_DIR=/from/file\nLOG_LEVEL=debug\n");
    expect(
      await loadIn(directory, ["PORT", "DATA_DIR", "LOG_LEVEL"], { PORT: "5000", LOG_LEVEL: "" }),
    ).toEqual({
      loaded: true,
      values: { PORT: "5000", DATA_DIR: "/from/file", LOG_LEVEL: "" },
    });
  });

  it("is content with no .env at all", async () => {
    expect(await loadIn(directory, ["DATA_DIR"])).toEqual({ loaded: false, values: { DATA_DIR: null } });
  });

  it("refuses a malformed file with one line naming the line, never its content, and loads nothing", async () => {
    await writeFile(path.join(directory, ".env"), "PORT=4000\nPASSWORD_PEPPER is s3cret-value\n");
    const answer = await loadIn(directory, ["PORT"]);
    expect(answer).toEqual({
      problems: [".env line 2: expected NAME=value (or a # comment)"],
      values: { PORT: null },
    });
    expect(JSON.stringify(answer)).not.toContain("s3cret");
  });

  it("refuses a folder named .env with one line", async () => {
    await mkdir(path.join(directory, ".env"));
    const answer = await loadIn(directory, []);
    expect(answer.problems).toHaveLength(1);
    expect(answer.problems?.[0]).toMatch(/^\.env: could not be read \(EISDIR\)/);
  });
});

describe("environmentFileProblem", () => {
  it("takes comments, blank lines, export and values quoted over several lines", () => {
    expect(
      environmentFileProblem(
        "# comment\n\nexport A=1\n  B = two words\nC=\"line one\nline two\"\nD=''\nE=`x`\r\nF=a # trailing\n",
      ),
    ).toBeUndefined();
  });

  it("names the first line Node would misread", () => {
    expect(environmentFileProblem("A=1\nnot an assignment\n")).toEqual({
      line: 2,
      message: "expected NAME=value (or a # comment)",
    });
    expect(environmentFileProblem('A=1\nB="never closed\nC=3\n')).toEqual({
      line: 2,
      message: "the value's opening \" is never closed",
    });
    expect(environmentFileProblem("1A=x\n")?.line).toBe(1);
    expect(environmentFileProblem("\uFEFFA=1\n")?.message).toMatch(/byte order mark/);
  });
});
