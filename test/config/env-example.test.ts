// .env.example is the operator's list of variables: it must name exactly the variables of the zod
// schema, each once, and the defaults it writes must be the schema's own.
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { environmentFileProblem } from "../../src/config/env-file.ts";
import { readEnvironment, ZEnvironment } from "../../src/config/environment.ts";

const EXAMPLE = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");

/** The names of the file's assignments, in order, repeats kept. */
function assignedNames(text: string): string[] {
  return [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((match) => match[1] ?? "");
}

describe(".env.example", () => {
  it("names every variable of the schema and no other", () => {
    const names = assignedNames(EXAMPLE);
    const schema = Object.keys(ZEnvironment.shape);
    expect(
      schema.filter((name) => !names.includes(name)),
      "in the schema, missing from .env.example",
    ).toEqual([]);
    expect(
      names.filter((name) => !schema.includes(name)),
      "in .env.example, not in the schema",
    ).toEqual([]);
    expect(
      names.filter((name, index) => names.indexOf(name) !== index),
      "written twice",
    ).toEqual([]);
  });

  it("gives each variable one line of meaning above it", () => {
    const lines = EXAMPLE.split("\n");
    lines.forEach((line, index) => {
      if (!/^[A-Z_]+=/.test(line)) return;
      expect(lines[index - 1] ?? "", `the line above ${line}`).toMatch(/^# \S/);
    });
  });

  it("writes the schema's defaults: copied as it is, it configures what an empty environment does", () => {
    expect(environmentFileProblem(EXAMPLE)).toBeUndefined();
    expect(readEnvironment(parseEnv(EXAMPLE))).toEqual(readEnvironment({}));
  });
});
