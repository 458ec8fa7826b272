-- prakerja:allow-drop
-- Reviewed: the dropped application columns are copied to "selection_results" first.
-- Create "selection_results" table
CREATE TABLE "selection_results" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "application_id" character varying NOT NULL, "wave_id" character varying NOT NULL, "recipient_id" character varying NOT NULL, "status" character varying NOT NULL, "rank" bigint NULL, "exclusion_reason" character varying NULL, "decided_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "selectionresult_wave_id_status" to table: "selection_results"
CREATE INDEX "selectionresult_wave_id_status" ON "selection_results" ("wave_id", "status");
-- Copy the drawn results out of "applications" before their columns go
INSERT INTO "selection_results" ("id", "created_at", "updated_at", "application_id", "wave_id", "recipient_id", "status", "rank", "exclusion_reason", "decided_at")
SELECT 'se' || substr("id", 3), COALESCE("decided_at", "updated_at"), COALESCE("decided_at", "updated_at"), "id", "wave_id", "recipient_id", "status", "rank", "exclusion_reason", COALESCE("decided_at", "updated_at")
FROM "applications" WHERE "status" IN ('selected', 'not_selected', 'excluded');
-- Modify "applications" table
ALTER TABLE "applications" DROP COLUMN "status", DROP COLUMN "rank", DROP COLUMN "exclusion_reason", DROP COLUMN "decided_at";
-- Create index "application_wave_id" to table: "applications"
CREATE INDEX "application_wave_id" ON "applications" ("wave_id");
