-- prakerja:allow-drop
-- Reviewed: `courses`.`active` becomes `status` (active: published, else suspended) before it is dropped.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Add column "credential" to table: "certificates"
ALTER TABLE `certificates` ADD COLUMN `credential` text NULL;
-- Add column "key_id" to table: "certificates"
ALTER TABLE `certificates` ADD COLUMN `key_id` text NULL;
-- Add column "revoked_at" to table: "certificates"
ALTER TABLE `certificates` ADD COLUMN `revoked_at` datetime NULL;
-- Add column "revocation_reason" to table: "certificates"
ALTER TABLE `certificates` ADD COLUMN `revocation_reason` text NULL;
-- Create "new_courses" table
CREATE TABLE `new_courses` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `description` text NOT NULL DEFAULT (''), `outline` json NULL, `tags` json NULL, `instructor` text NOT NULL DEFAULT (''), `category` text NOT NULL, `method` text NOT NULL, `price` integer NOT NULL, `duration_hours` integer NOT NULL, `assessment_score` integer NOT NULL DEFAULT (0), `rating_average` real NOT NULL DEFAULT (0), `rating_count` integer NOT NULL DEFAULT (0), `purchase_count` integer NOT NULL DEFAULT (0), `status` text NOT NULL DEFAULT ('published'), `published_at` datetime NULL, `suspended_at` datetime NULL, `training_institution_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `courses_training_institutions_courses` FOREIGN KEY (`training_institution_id`) REFERENCES `training_institutions` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "courses" to new temporary table "new_courses"
INSERT INTO `new_courses` (`id`, `created_at`, `updated_at`, `title`, `description`, `category`, `method`, `price`, `duration_hours`, `assessment_score`, `rating_average`, `rating_count`, `purchase_count`, `status`, `training_institution_id`) SELECT `id`, `created_at`, `updated_at`, `title`, `description`, `category`, `method`, `price`, `duration_hours`, `assessment_score`, `rating_average`, `rating_count`, `purchase_count`, CASE WHEN `active` THEN 'published' ELSE 'suspended' END, `training_institution_id` FROM `courses`;
-- Drop "courses" table after copying rows
DROP TABLE `courses`;
-- Rename temporary table "new_courses" to "courses"
ALTER TABLE `new_courses` RENAME TO `courses`;
-- Create index "course_category_status" to table: "courses"
CREATE INDEX `course_category_status` ON `courses` (`category`, `status`);
-- Create index "course_training_institution_id" to table: "courses"
CREATE INDEX `course_training_institution_id` ON `courses` (`training_institution_id`);
-- Create "new_purchases" table
CREATE TABLE `new_purchases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `price` integer NOT NULL, `invoice_code` text NOT NULL, `idempotency_key` text NOT NULL, `redemption_code` text NOT NULL, `status` text NOT NULL DEFAULT ('paid'), `progress_percent` integer NOT NULL DEFAULT (0), `pre_test_score` integer NULL, `post_test_score` integer NULL, `redeemed_at` datetime NULL, `progress_at` datetime NULL, `completed_at` datetime NULL, `cancelled_at` datetime NULL, `course_id` text NOT NULL, `digital_platform_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `purchases_courses_purchases` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION, CONSTRAINT `purchases_digital_platforms_purchases` FOREIGN KEY (`digital_platform_id`) REFERENCES `digital_platforms` (`id`) ON DELETE NO ACTION, CONSTRAINT `purchases_recipients_purchases` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "purchases" to new temporary table "new_purchases"
INSERT INTO `new_purchases` (`id`, `created_at`, `updated_at`, `price`, `invoice_code`, `idempotency_key`, `status`, `progress_percent`, `completed_at`, `course_id`, `digital_platform_id`, `recipient_id`) SELECT `id`, `created_at`, `updated_at`, `price`, `invoice_code`, `idempotency_key`, `status`, `progress_percent`, `completed_at`, `course_id`, `digital_platform_id`, `recipient_id` FROM `purchases`;
-- Drop "purchases" table after copying rows
DROP TABLE `purchases`;
-- Rename temporary table "new_purchases" to "purchases"
ALTER TABLE `new_purchases` RENAME TO `purchases`;
-- Create index "purchases_invoice_code_key" to table: "purchases"
CREATE UNIQUE INDEX `purchases_invoice_code_key` ON `purchases` (`invoice_code`);
-- Create index "purchases_idempotency_key_key" to table: "purchases"
CREATE UNIQUE INDEX `purchases_idempotency_key_key` ON `purchases` (`idempotency_key`);
-- Create index "purchases_redemption_code_key" to table: "purchases"
CREATE UNIQUE INDEX `purchases_redemption_code_key` ON `purchases` (`redemption_code`);
-- Create index "purchase_recipient_id" to table: "purchases"
CREATE INDEX `purchase_recipient_id` ON `purchases` (`recipient_id`);
-- Create "new_reviews" table
CREATE TABLE `new_reviews` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `rating` integer NOT NULL, `body` text NOT NULL DEFAULT (''), `hidden_at` datetime NULL, `hidden_reason` text NULL, `hidden_by_id` text NULL, `course_id` text NOT NULL, `purchase_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `reviews_courses_reviews` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION, CONSTRAINT `reviews_purchases_review` FOREIGN KEY (`purchase_id`) REFERENCES `purchases` (`id`) ON DELETE NO ACTION, CONSTRAINT `reviews_recipients_reviews` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "reviews" to new temporary table "new_reviews"
INSERT INTO `new_reviews` (`id`, `created_at`, `updated_at`, `rating`, `body`, `course_id`, `recipient_id`) SELECT `id`, `created_at`, `updated_at`, `rating`, `body`, `course_id`, `recipient_id` FROM `reviews`;
-- Drop "reviews" table after copying rows
DROP TABLE `reviews`;
-- Rename temporary table "new_reviews" to "reviews"
ALTER TABLE `new_reviews` RENAME TO `reviews`;
-- Create index "reviews_purchase_id_key" to table: "reviews"
CREATE UNIQUE INDEX `reviews_purchase_id_key` ON `reviews` (`purchase_id`);
-- Create index "review_recipient_id" to table: "reviews"
CREATE INDEX `review_recipient_id` ON `reviews` (`recipient_id`);
-- Create index "review_course_id_hidden_at" to table: "reviews"
CREATE INDEX `review_course_id_hidden_at` ON `reviews` (`course_id`, `hidden_at`);
-- Create "balance_entries" table
CREATE TABLE `balance_entries` (`id` text NOT NULL, `created_at` datetime NOT NULL, `kind` text NOT NULL, `amount` integer NOT NULL, `balance_after` integer NOT NULL, `key` text NOT NULL, `purchase_id` text NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `balance_entries_purchases_balance_entries` FOREIGN KEY (`purchase_id`) REFERENCES `purchases` (`id`) ON DELETE SET NULL, CONSTRAINT `balance_entries_recipients_balance_entries` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "balance_entries_key_key" to table: "balance_entries"
CREATE UNIQUE INDEX `balance_entries_key_key` ON `balance_entries` (`key`);
-- Create index "balanceentry_recipient_id" to table: "balance_entries"
CREATE INDEX `balanceentry_recipient_id` ON `balance_entries` (`recipient_id`);
-- Create "course_assessments" table
CREATE TABLE `course_assessments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `training_institution_id` text NOT NULL, `assessor_id` text NOT NULL, `kind` text NOT NULL, `scores` json NOT NULL, `met` integer NOT NULL, `total` integer NOT NULL, `passed` bool NOT NULL, `reasons` json NULL, `notes` text NOT NULL DEFAULT (''), `course_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `course_assessments_courses_assessments` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION);
-- Create index "courseassessment_course_id_created_at" to table: "course_assessments"
CREATE INDEX `courseassessment_course_id_created_at` ON `course_assessments` (`course_id`, `created_at`);
-- Create "domain_events" table
CREATE TABLE `domain_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `topic` text NOT NULL, `key` text NOT NULL, `recipient_id` text NULL, `payload` json NULL, `consumed_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "domain_events_key_key" to table: "domain_events"
CREATE UNIQUE INDEX `domain_events_key_key` ON `domain_events` (`key`);
-- Create index "domainevent_topic_consumed_at" to table: "domain_events"
CREATE INDEX `domainevent_topic_consumed_at` ON `domain_events` (`topic`, `consumed_at`);
-- Create "training_reports" table
CREATE TABLE `training_reports` (`id` text NOT NULL, `created_at` datetime NOT NULL, `digital_platform_id` text NOT NULL, `idempotency_key` text NOT NULL, `kind` text NOT NULL, `channel` text NOT NULL, `content_hash` text NOT NULL, `value` integer NULL, `occurred_at` datetime NOT NULL, `applied` bool NOT NULL, `statement` text NULL, `purchase_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `training_reports_purchases_reports` FOREIGN KEY (`purchase_id`) REFERENCES `purchases` (`id`) ON DELETE NO ACTION);
-- Create index "trainingreport_digital_platform_id_idempotency_key" to table: "training_reports"
CREATE UNIQUE INDEX `trainingreport_digital_platform_id_idempotency_key` ON `training_reports` (`digital_platform_id`, `idempotency_key`);
-- Create index "trainingreport_purchase_id" to table: "training_reports"
CREATE INDEX `trainingreport_purchase_id` ON `training_reports` (`purchase_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
