-- Create "course_proposals" table
CREATE TABLE "course_proposals" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "training_institution_id" character varying NOT NULL, "idempotency_key" character varying NOT NULL, "request_hash" character varying NOT NULL, "course_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "courseproposal_training_institution_id_idempotency_key" to table: "course_proposals"
CREATE UNIQUE INDEX "courseproposal_training_institution_id_idempotency_key" ON "course_proposals" ("training_institution_id", "idempotency_key");
