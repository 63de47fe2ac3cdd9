import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (the embedded database is then used): `prisma generate` must not need it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
