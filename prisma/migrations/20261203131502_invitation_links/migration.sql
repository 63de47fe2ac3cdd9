-- AlterTable
ALTER TABLE "portal_users" ADD COLUMN     "invitation_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "invitation_token_hash" CHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_invitation_token_hash_key" ON "portal_users"("invitation_token_hash");

-- By hand: the hash is SHA-256 in lower-case hex, and a link always has its expiry.
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_invitation_token_hash_hex"
  CHECK ("invitation_token_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_invitation_complete"
  CHECK (("invitation_token_hash" IS NULL) = ("invitation_expires_at" IS NULL));
