-- Create "rate_limits" table
CREATE TABLE "rate_limits" ("id" character varying NOT NULL, "scope" character varying NOT NULL, "subject" character varying NOT NULL, "tat" bigint NOT NULL, PRIMARY KEY ("id"));
-- Create index "ratelimit_scope_subject" to table: "rate_limits"
CREATE UNIQUE INDEX "ratelimit_scope_subject" ON "rate_limits" ("scope", "subject");
-- Create index "ratelimit_tat" to table: "rate_limits"
CREATE INDEX "ratelimit_tat" ON "rate_limits" ("tat");
