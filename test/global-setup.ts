import { rm } from "node:fs/promises";
import { TEMPLATE_ENVIRONMENT_VARIABLE, writeMigratedTemplate } from "./support/embedded-template.ts";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // On PostgreSQL each test file migrates its own new database; the embedded template is not needed.
  if (process.env.TEST_DATABASE_URL) return undefined;
  const file = await writeMigratedTemplate();
  process.env[TEMPLATE_ENVIRONMENT_VARIABLE] = file;
  return () => rm(file, { force: true });
}
