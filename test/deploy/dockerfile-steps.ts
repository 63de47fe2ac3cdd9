// The Dockerfile read as the steps a builder takes: stages, and in each its WORKDIR, ENV, COPY and
// RUN lines in order, and the final stage's CMD and HEALTHCHECK. Continuation lines are joined.
export type TDockerStep =
  | {
      readonly kind: "copy";
      readonly from: string | undefined;
      readonly sources: readonly string[];
      readonly destination: string;
    }
  | { readonly kind: "run"; readonly command: string }
  | { readonly kind: "env"; readonly name: string; readonly value: string };

export interface TDockerStage {
  readonly name: string;
  readonly steps: readonly TDockerStep[];
  readonly command: readonly string[] | undefined;
  readonly healthcheck: readonly string[] | undefined;
  readonly user: string | undefined;
}

export function readDockerfile(text: string): TDockerStage[] {
  const lines = text
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const stages: {
    name: string;
    steps: TDockerStep[];
    command?: string[];
    healthcheck?: string[];
    user?: string;
  }[] = [];
  for (const line of lines) {
    const [instruction = "", ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    const stage = stages.at(-1);
    switch (instruction.toUpperCase()) {
      case "FROM":
        stages.push({ name: /\sAS\s+(\S+)/i.exec(line)?.[1] ?? String(stages.length), steps: [] });
        break;
      case "COPY": {
        const from = /--from=(\S+)/.exec(argument)?.[1];
        const paths = rest.filter((part) => !part.startsWith("--"));
        const destination = paths.pop() ?? ".";
        stage?.steps.push({ kind: "copy", from, sources: paths, destination });
        break;
      }
      case "RUN":
        stage?.steps.push({ kind: "run", command: argument });
        break;
      case "ENV": {
        const [name = "", value = ""] = argument.split("=");
        stage?.steps.push({ kind: "env", name, value });
        break;
      }
      case "CMD":
        if (stage !== undefined) stage.command = JSON.parse(argument) as string[];
        break;
      case "HEALTHCHECK":
        if (stage !== undefined)
          stage.healthcheck = JSON.parse(argument.slice(argument.indexOf("CMD") + 3).trim()) as string[];
        break;
      case "USER":
        if (stage !== undefined) stage.user = argument;
        break;
      default:
        break; // WORKDIR, EXPOSE: the folder of each stage stands for /app
    }
  }
  return stages.map((stage) => ({
    name: stage.name,
    steps: stage.steps,
    command: stage.command,
    healthcheck: stage.healthcheck,
    user: stage.user,
  }));
}
