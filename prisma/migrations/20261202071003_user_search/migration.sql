-- Written by hand around what db:new wrote: the extension, the folding function, and the trigger
-- that keeps the search column (a trigger, not a generated column: Prisma's diff would read a
-- generated column's expression as a default it does not declare).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Lower case without accents ("María Ñúñez" → "maria nunez"): how searches compare. The column is
-- folded with it, and so is what is typed in a search: one definition of "the same letters".
CREATE FUNCTION "premiumone_fold"(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(translate($1, 'ÁÀÂÄÃÅĀĂĄáàâäãåāăąÉÈÊËĒĖĘĚéèêëēėęěÍÌÎÏĪĮİíìîïīįıÓÒÔÖÕØŌŐóòôöõøōőÚÙÛÜŪŮŰŲúùûüūůűųÑŃŇñńňÇĆČçćčÝŸýÿŠŚŞšśşŽŹŻžźżĎďŘřŤťŁĹĽłĺľĞğ', 'AAAAAAAAAaaaaaaaaaEEEEEEEEeeeeeeeeIIIIIIIiiiiiiiOOOOOOOOooooooooUUUUUUUUuuuuuuuuNNNnnnCCCcccYYyySSSsssZZZzzzDdRrTtLLLlllGg')) $$;

-- AlterTable
ALTER TABLE "portal_users" ADD COLUMN "search_text" TEXT;

CREATE FUNCTION "portal_users_keep_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_text" := "premiumone_fold"(NEW."username" || ' ' || NEW."full_name" || ' ' || NEW."email");
  RETURN NEW;
END
$$;

CREATE TRIGGER "portal_users_search_text"
  BEFORE INSERT OR UPDATE OF "username", "full_name", "email", "search_text" ON "portal_users"
  FOR EACH ROW EXECUTE FUNCTION "portal_users_keep_search_text"();

UPDATE "portal_users" SET "search_text" = NULL;

-- CreateIndex
CREATE INDEX "portal_users_search_text_trgm" ON "portal_users" USING GIN ("search_text" gin_trgm_ops);
