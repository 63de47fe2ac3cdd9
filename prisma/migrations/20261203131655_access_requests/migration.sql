-- CreateEnum
CREATE TYPE "access_request_status" AS ENUM ('OPEN', 'APPROVED', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "access_requests" (
    "id" UUID NOT NULL,
    "slack_user_id" VARCHAR(32) NOT NULL,
    "slack_team_id" VARCHAR(32),
    "open_for_slack_user_id" VARCHAR(32),
    "full_name" VARCHAR(120) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "place_ids" UUID[],
    "reason" VARCHAR(500) NOT NULL,
    "status" "access_request_status" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" VARCHAR(64),
    "decision_note" VARCHAR(500),
    "approved_username" VARCHAR(32),

    CONSTRAINT "access_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_request_messages" (
    "request_id" UUID NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL,
    "ts" VARCHAR(32) NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "access_request_messages_pkey" PRIMARY KEY ("request_id","channel_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "access_requests_open_for_slack_user_id_key" ON "access_requests"("open_for_slack_user_id");

-- CreateIndex
CREATE INDEX "access_requests_status_expires_at_idx" ON "access_requests"("status", "expires_at");

-- AddForeignKey
ALTER TABLE "access_request_messages" ADD CONSTRAINT "access_request_messages_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "access_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: the open marker is set exactly while the request is open, and names its requester.
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_open_marker_check"
  CHECK ((("status" = 'OPEN') = ("open_for_slack_user_id" IS NOT NULL))
    AND ("open_for_slack_user_id" IS NULL OR "open_for_slack_user_id" = "slack_user_id"));
