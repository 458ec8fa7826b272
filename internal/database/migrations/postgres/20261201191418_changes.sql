-- prakerja:allow-drop
-- Reviewed: "courses"."active" becomes "status" (active: published, else suspended) before it is dropped.
-- Modify "certificates" table
ALTER TABLE "certificates" ADD COLUMN "credential" text NULL, ADD COLUMN "key_id" character varying NULL, ADD COLUMN "revoked_at" timestamptz NULL, ADD COLUMN "revocation_reason" character varying NULL;
-- Modify "purchases" table
ALTER TABLE "purchases" ADD COLUMN "redemption_code" character varying NOT NULL, ADD COLUMN "pre_test_score" bigint NULL, ADD COLUMN "post_test_score" bigint NULL, ADD COLUMN "redeemed_at" timestamptz NULL, ADD COLUMN "progress_at" timestamptz NULL, ADD COLUMN "cancelled_at" timestamptz NULL;
-- Create index "purchases_redemption_code_key" to table: "purchases"
CREATE UNIQUE INDEX "purchases_redemption_code_key" ON "purchases" ("redemption_code");
-- Create "domain_events" table
CREATE TABLE "domain_events" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "topic" character varying NOT NULL, "key" character varying NOT NULL, "recipient_id" character varying NULL, "payload" jsonb NULL, "consumed_at" timestamptz NULL, PRIMARY KEY ("id"));
-- Create index "domain_events_key_key" to table: "domain_events"
CREATE UNIQUE INDEX "domain_events_key_key" ON "domain_events" ("key");
-- Create index "domainevent_topic_consumed_at" to table: "domain_events"
CREATE INDEX "domainevent_topic_consumed_at" ON "domain_events" ("topic", "consumed_at");
-- Create "balance_entries" table
CREATE TABLE "balance_entries" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "amount" bigint NOT NULL, "balance_after" bigint NOT NULL, "key" character varying NOT NULL, "purchase_id" character varying NULL, "recipient_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "balance_entries_purchases_balance_entries" FOREIGN KEY ("purchase_id") REFERENCES "purchases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "balance_entries_recipients_balance_entries" FOREIGN KEY ("recipient_id") REFERENCES "recipients" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "balance_entries_key_key" to table: "balance_entries"
CREATE UNIQUE INDEX "balance_entries_key_key" ON "balance_entries" ("key");
-- Create index "balanceentry_recipient_id" to table: "balance_entries"
CREATE INDEX "balanceentry_recipient_id" ON "balance_entries" ("recipient_id");
-- Modify "courses" table
ALTER TABLE "courses" ADD COLUMN "outline" jsonb NULL, ADD COLUMN "tags" jsonb NULL, ADD COLUMN "instructor" character varying NOT NULL DEFAULT '', ADD COLUMN "status" character varying NOT NULL DEFAULT 'published', ADD COLUMN "published_at" timestamptz NULL, ADD COLUMN "suspended_at" timestamptz NULL;
UPDATE "courses" SET "status" = CASE WHEN "active" THEN 'published' ELSE 'suspended' END;
ALTER TABLE "courses" DROP COLUMN "active";
-- Create index "course_category_status" to table: "courses"
CREATE INDEX "course_category_status" ON "courses" ("category", "status");
-- Create "course_assessments" table
CREATE TABLE "course_assessments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "training_institution_id" character varying NOT NULL, "assessor_id" character varying NOT NULL, "kind" character varying NOT NULL, "scores" jsonb NOT NULL, "met" bigint NOT NULL, "total" bigint NOT NULL, "passed" boolean NOT NULL, "reasons" jsonb NULL, "notes" character varying NOT NULL DEFAULT '', "course_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "course_assessments_courses_assessments" FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "courseassessment_course_id_created_at" to table: "course_assessments"
CREATE INDEX "courseassessment_course_id_created_at" ON "course_assessments" ("course_id", "created_at");
-- Drop index "review_course_id" from table: "reviews"
DROP INDEX "review_course_id";
-- Drop index "review_recipient_id_course_id" from table: "reviews"
DROP INDEX "review_recipient_id_course_id";
-- Modify "reviews" table
ALTER TABLE "reviews" ADD COLUMN "hidden_at" timestamptz NULL, ADD COLUMN "hidden_reason" character varying NULL, ADD COLUMN "hidden_by_id" character varying NULL, ADD COLUMN "purchase_id" character varying NOT NULL, ADD CONSTRAINT "reviews_purchases_review" FOREIGN KEY ("purchase_id") REFERENCES "purchases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Create index "review_course_id_hidden_at" to table: "reviews"
CREATE INDEX "review_course_id_hidden_at" ON "reviews" ("course_id", "hidden_at");
-- Create index "reviews_purchase_id_key" to table: "reviews"
CREATE UNIQUE INDEX "reviews_purchase_id_key" ON "reviews" ("purchase_id");
-- Create "training_reports" table
CREATE TABLE "training_reports" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "digital_platform_id" character varying NOT NULL, "idempotency_key" character varying NOT NULL, "kind" character varying NOT NULL, "channel" character varying NOT NULL, "content_hash" character varying NOT NULL, "value" bigint NULL, "occurred_at" timestamptz NOT NULL, "applied" boolean NOT NULL, "statement" text NULL, "purchase_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "training_reports_purchases_reports" FOREIGN KEY ("purchase_id") REFERENCES "purchases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "trainingreport_digital_platform_id_idempotency_key" to table: "training_reports"
CREATE UNIQUE INDEX "trainingreport_digital_platform_id_idempotency_key" ON "training_reports" ("digital_platform_id", "idempotency_key");
-- Create index "trainingreport_purchase_id" to table: "training_reports"
CREATE INDEX "trainingreport_purchase_id" ON "training_reports" ("purchase_id");
