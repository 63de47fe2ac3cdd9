// The reader of the .eml files the bot writes under DATA_DIR/mail when SMTP_URL is not set: each
// call to readNew puts the files it has not read yet into a mailbox, oldest first (the file names
// begin with the time they were written).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { TMailbox } from "./mailbox.ts";

export interface TMailFolderReader {
  /** Reads the files that appeared since the last call; resolves with how many. A missing folder has none. */
  readNew(): Promise<number>;
}

export function createMailFolderReader(options: {
  readonly folder: string;
  readonly mailbox: TMailbox;
}): TMailFolderReader {
  const read = new Set<string>();
  let reading: Promise<number> = Promise.resolve(0);

  async function readFiles(): Promise<number> {
    const names = await readdir(options.folder).catch((error: unknown) => {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
      throw error;
    });
    const fresh = names.filter((name) => name.endsWith(".eml") && !read.has(name)).sort();
    for (const name of fresh) {
      await options.mailbox.receive(await readFile(path.join(options.folder, name)));
      read.add(name);
    }
    return fresh.length;
  }

  return {
    readNew() {
      // One reading at a time: two calls at once would otherwise put the same file in twice.
      reading = reading.then(readFiles, readFiles);
      return reading;
    },
  };
}
