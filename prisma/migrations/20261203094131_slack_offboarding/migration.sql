-- AlterTable
ALTER TABLE "portal_users" ADD COLUMN     "slack_person_gone_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "scheduled_task_states" (
    "name" VARCHAR(64) NOT NULL,
    "cursor" VARCHAR(64),
    "leased_by" VARCHAR(64),
    "leased_until" TIMESTAMPTZ(3),
    "run_started_at" TIMESTAMPTZ(3),
    "last_completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "scheduled_task_states_pkey" PRIMARY KEY ("name")
);
