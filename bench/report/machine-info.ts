// What the numbers were measured on: the machine, its load, Node, and the code (the commit and
// how many files differ from it, since the bot is run from the working tree as it is).
import { execFile } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { promisify } from "node:util";
import { REPOSITORY_ROOT } from "../processes/child-process.ts";

const run = promisify(execFile);

export interface TMachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGigabytes: number;
  readonly node: string;
  readonly commit: string;
  readonly changedFiles: number;
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

async function git(...args: string[]): Promise<string> {
  try {
    return (await run("git", args, { cwd: REPOSITORY_ROOT })).stdout.trim();
  } catch {
    return "";
  }
}

export async function machineInfo(): Promise<TMachineInfo> {
  const processors = cpus();
  const status = await git("status", "--porcelain", "--", "src", "prisma", "package.json");
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? "unknown",
    memoryGigabytes: totalmem() / 1024 ** 3,
    node: process.version,
    commit: (await git("rev-parse", "--short", "HEAD")) || "unknown",
    changedFiles: status === "" ? 0 : status.split("\n").length,
  };
}
