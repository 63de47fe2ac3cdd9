// The persistence port. Prisma's generated client is typed from prisma/schema.prisma and is the
// repository the use cases work through; only its types cross into the application layer.

export type {
  Prisma,
  PrismaClient as TDatabaseClient,
} from "../../infrastructure/prisma/generated/client.ts";
export type { Database } from "../../infrastructure/prisma/open-database.ts";

import type { Prisma } from "../../infrastructure/prisma/generated/client.ts";

/** What a use case works through inside its one transaction. */
export type TTransaction = Prisma.TransactionClient;
