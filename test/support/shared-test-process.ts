// Set by vitest.config.ts, whose test files share a process, one after another: the embedded test
// database is then kept between files (test-database.ts). Its own file, so the config imports no database code.
export const KEEP_EMBEDDED_DATABASE_VARIABLE = "PREMIUMONE_TEST_KEEP_EMBEDDED_DATABASE";
