// The PostgreSQL extensions the migrations use, loaded into every embedded database (PGlite ships
// them as contrib bundles; a PostgreSQL server has them from its contrib package).
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** `pg_trgm`: trigram indexes, so that a search of 100,000 accounts is an index lookup, not a scan. */
export const PGLITE_EXTENSIONS = { pg_trgm } as const;
