-- Modify "api_keys" table
ALTER TABLE "api_keys" ADD COLUMN "scopes" jsonb NOT NULL DEFAULT '[]';
-- Create "partner_calls" table
CREATE TABLE "partner_calls" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "org_id" character varying NOT NULL, "account_id" character varying NOT NULL, "api_key_prefix" character varying NOT NULL, "operation" character varying NOT NULL, "status" character varying NOT NULL, "error_message" character varying NULL, "duration_ms" bigint NOT NULL, PRIMARY KEY ("id"));
-- Create index "partnercall_created_at" to table: "partner_calls"
CREATE INDEX "partnercall_created_at" ON "partner_calls" ("created_at");
-- Create index "partnercall_org_id_created_at" to table: "partner_calls"
CREATE INDEX "partnercall_org_id_created_at" ON "partner_calls" ("org_id", "created_at");
