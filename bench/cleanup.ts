// Everything the run starts — child processes, servers, temporary folders, PostgreSQL databases —
// registered as it is made and undone in reverse order: at the end of the run, on an error, and on
// Ctrl-C / SIGTERM, so that an interrupted run leaves nothing behind.
export type TUndo = () => Promise<void>;

interface TRegistration {
  readonly description: string;
  readonly undo: TUndo;
}

export interface TCleanup {
  /** Registers `undo`; the returned function runs it early (and unregisters it). */
  add(description: string, undo: TUndo): () => Promise<void>;
  /** Undoes everything still registered, newest first; problems are reported, not thrown. */
  runAll(): Promise<void>;
  /** True once Ctrl-C or SIGTERM was received: long loops stop early. */
  readonly interrupted: boolean;
}

export function createCleanup(log: (line: string) => void): TCleanup {
  const registrations: TRegistration[] = [];
  let interrupted = false;
  let running: Promise<void> | undefined;

  async function undoOne(registration: TRegistration): Promise<void> {
    try {
      await registration.undo();
    } catch (error) {
      log(`cleanup: ${registration.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const cleanup: TCleanup = {
    add(description, undo) {
      const registration = { description, undo };
      registrations.push(registration);
      return async () => {
        const index = registrations.indexOf(registration);
        if (index === -1) return;
        registrations.splice(index, 1);
        await undoOne(registration);
      };
    },
    runAll() {
      running ??= (async () => {
        while (registrations.length > 0) {
          const registration = registrations.pop();
          if (registration !== undefined) await undoOne(registration);
        }
      })();
      const done = running;
      return done.finally(() => {
        running = undefined;
      });
    },
    get interrupted() {
      return interrupted;
    },
  };

  // Kept installed after the first signal: `npm run` and tsx pass Ctrl-C on once more, and a
  // second SIGINT without a handler would kill the process halfway through its cleanup.
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${signal}: stopping every child process and removing temporary folders…`);
    cleanup.runAll().then(
      () => process.exit(130),
      () => process.exit(130),
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return cleanup;
}
