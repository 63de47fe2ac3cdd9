-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "sealed_secret" VARCHAR(1000);

-- AlterTable
ALTER TABLE "portal_users" ADD COLUMN     "credential_email_failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "credential_email_failure" VARCHAR(300),
ADD COLUMN     "password_checks_in_flight" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "password_checks_started_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "processed_slack_events" (
    "event_id" VARCHAR(64) NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "leased_until" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processed_slack_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "key" VARCHAR(200) NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "previous_hits" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "used_confirmations" (
    "id" UUID NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "used_confirmations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processed_slack_events_expires_at_idx" ON "processed_slack_events"("expires_at");

-- CreateIndex
CREATE INDEX "rate_limit_windows_window_started_at_idx" ON "rate_limit_windows"("window_started_at");

-- CreateIndex
CREATE INDEX "used_confirmations_used_at_idx" ON "used_confirmations"("used_at");

-- Written by hand (Prisma's diff ignores CHECKs).
ALTER TABLE "portal_users"
  ADD CONSTRAINT "portal_users_password_checks_in_flight" CHECK ("password_checks_in_flight" >= 0);

ALTER TABLE "rate_limit_windows"
  ADD CONSTRAINT "rate_limit_windows_hits" CHECK ("hits" >= 0 AND "previous_hits" >= 0);
