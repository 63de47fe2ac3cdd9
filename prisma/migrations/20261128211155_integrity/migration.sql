-- Written by hand: what Prisma's schema language cannot say. Prisma's diff ignores CHECK
-- constraints and triggers, so `npm run db:check` stays clean with them.

-- Usernames are stored in lower case only, so the plain unique index is case-insensitive.
ALTER TABLE "portal_users"
  ADD CONSTRAINT "portal_users_username_format" CHECK ("username" ~ '^[a-z0-9._-]{3,32}$'),
  ADD CONSTRAINT "portal_users_email_normalized_lower" CHECK ("email_normalized" = lower("email_normalized")),
  ADD CONSTRAINT "portal_users_email_shape" CHECK ("email" ~ '^[^[:space:]@]+@[^[:space:]@]+$'),
  ADD CONSTRAINT "portal_users_full_name_length" CHECK (char_length("full_name") BETWEEN 1 AND 120),
  ADD CONSTRAINT "portal_users_failed_attempts" CHECK ("failed_password_attempts" >= 0),
  ADD CONSTRAINT "portal_users_slack_user_id_format" CHECK ("slack_user_id" IS NULL OR "slack_user_id" ~ '^[UW][A-Z0-9]{2,31}$');

-- SAT's RFC pattern; RFCs carry Ñ and &, so the database is UTF-8.
ALTER TABLE "companies"
  ADD CONSTRAINT "companies_rfc_format"
    CHECK ("rfc" ~ '^[A-Z&Ñ]{3,4}[0-9]{2}(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])[A-Z0-9]{2}[0-9A]$'),
  ADD CONSTRAINT "companies_legal_name_length" CHECK (char_length(btrim("legal_name")) >= 1);

ALTER TABLE "issuing_places"
  ADD CONSTRAINT "issuing_places_postal_code_format" CHECK ("postal_code" ~ '^[0-9]{5}$'),
  ADD CONSTRAINT "issuing_places_name_length" CHECK (char_length(btrim("name")) >= 1);

ALTER TABLE "audit_events"
  ADD CONSTRAINT "audit_events_result" CHECK ("result" IN ('success', 'denied', 'failed')),
  ADD CONSTRAINT "audit_events_hashes" CHECK ("hash" ~ '^[0-9a-f]{64}$' AND "previous_hash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "outbox_messages"
  ADD CONSTRAINT "outbox_messages_attempts" CHECK ("attempts" >= 0);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
