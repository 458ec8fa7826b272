-- Create "course_proposals" table
CREATE TABLE `course_proposals` (`id` text NOT NULL, `created_at` datetime NOT NULL, `training_institution_id` text NOT NULL, `idempotency_key` text NOT NULL, `request_hash` text NOT NULL, `course_id` text NOT NULL, PRIMARY KEY (`id`));
-- Create index "courseproposal_training_institution_id_idempotency_key" to table: "course_proposals"
CREATE UNIQUE INDEX `courseproposal_training_institution_id_idempotency_key` ON `course_proposals` (`training_institution_id`, `idempotency_key`);
