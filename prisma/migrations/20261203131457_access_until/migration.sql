-- AlterTable
ALTER TABLE "portal_users" ADD COLUMN     "access_expired_at" TIMESTAMPTZ(3),
ADD COLUMN     "access_until" DATE,
ADD COLUMN     "access_until_set_by" VARCHAR(32),
ADD COLUMN     "access_warned_for" DATE;

-- CreateIndex
CREATE INDEX "portal_users_access_until_idx" ON "portal_users"("access_until");
