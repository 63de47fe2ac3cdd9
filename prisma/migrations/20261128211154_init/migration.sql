-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'SUPPORT');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('PENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "companies" (
    "id" UUID NOT NULL,
    "rfc" VARCHAR(13) NOT NULL,
    "legal_name" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuing_places" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "postal_code" CHAR(5) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "issuing_places_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(32) NOT NULL,
    "full_name" VARCHAR(120) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "email_normalized" VARCHAR(254) NOT NULL,
    "slack_user_id" VARCHAR(32),
    "password_hash" VARCHAR(100),
    "password_is_temporary" BOOLEAN NOT NULL DEFAULT true,
    "password_expires_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3),
    "failed_password_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "portal_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_user_places" (
    "user_id" UUID NOT NULL,
    "place_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_user_places_pkey" PRIMARY KEY ("user_id","place_id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "slack_user_id" VARCHAR(32) NOT NULL,
    "role" "role" NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "granted_by" VARCHAR(64) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" VARCHAR(64),

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("slack_user_id","role")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "actor_team_id" VARCHAR(32),
    "actor_role" VARCHAR(16) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32),
    "target_id" VARCHAR(64),
    "target_label" VARCHAR(254),
    "changes" JSONB,
    "result" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(254),
    "request_id" VARCHAR(64) NOT NULL,
    "previous_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leased_until" TIMESTAMPTZ(3),
    "leased_by" VARCHAR(64),
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "audit_event_id" BIGINT,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "companies_rfc_key" ON "companies"("rfc");

-- CreateIndex
CREATE INDEX "issuing_places_postal_code_idx" ON "issuing_places"("postal_code");

-- CreateIndex
CREATE UNIQUE INDEX "issuing_places_company_id_postal_code_name_key" ON "issuing_places"("company_id", "postal_code", "name");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_username_key" ON "portal_users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_email_normalized_key" ON "portal_users"("email_normalized");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_slack_user_id_key" ON "portal_users"("slack_user_id");

-- CreateIndex
CREATE INDEX "portal_user_places_place_id_idx" ON "portal_user_places"("place_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_target_label_id_idx" ON "audit_events"("target_label", "id");

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");

-- CreateIndex
CREATE INDEX "outbox_messages_status_next_attempt_at_idx" ON "outbox_messages"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "issuing_places" ADD CONSTRAINT "issuing_places_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_user_places" ADD CONSTRAINT "portal_user_places_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "portal_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_user_places" ADD CONSTRAINT "portal_user_places_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "issuing_places"("id") ON DELETE CASCADE ON UPDATE CASCADE;
