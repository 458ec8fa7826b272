-- Catalogue search (internal/search, internal/database/search.go). Written by
-- hand: ent does not manage these tables, and migrategen only diffs the
-- tables of the ent schema, so it leaves them alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- The search documents: title and tags (weight A), outline (B), description
-- (C) through the built-in `indonesian` configuration (Snowball stemmer).
CREATE TABLE "course_search" ("course_id" character varying NOT NULL, "document" tsvector NOT NULL, PRIMARY KEY ("course_id"), CONSTRAINT "course_search_course_id" FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON DELETE CASCADE);
CREATE INDEX "course_search_document" ON "course_search" USING gin ("document");
-- The vocabulary of titles and tags, by trigrams: a misspelt word of a query
-- is matched to its nearest words (typo tolerance).
CREATE TABLE "course_search_words" ("word" text NOT NULL, PRIMARY KEY ("word"));
CREATE INDEX "course_search_words_trgm" ON "course_search_words" USING gin ("word" gin_trgm_ops);
