-- prakerja:allow-drop
-- Reviewed: the dropped application columns are copied to "selection_results" first.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "selection_results" table
CREATE TABLE `selection_results` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `application_id` text NOT NULL, `wave_id` text NOT NULL, `recipient_id` text NOT NULL, `status` text NOT NULL, `rank` integer NULL, `exclusion_reason` text NULL, `decided_at` datetime NOT NULL, PRIMARY KEY (`id`));
-- Create index "selectionresult_wave_id_status" to table: "selection_results"
CREATE INDEX `selectionresult_wave_id_status` ON `selection_results` (`wave_id`, `status`);
-- Copy the drawn results out of "applications" before their columns go
INSERT INTO `selection_results` (`id`, `created_at`, `updated_at`, `application_id`, `wave_id`, `recipient_id`, `status`, `rank`, `exclusion_reason`, `decided_at`)
SELECT 'se' || substr(`id`, 3), COALESCE(`decided_at`, `updated_at`), COALESCE(`decided_at`, `updated_at`), `id`, `wave_id`, `recipient_id`, `status`, `rank`, `exclusion_reason`, COALESCE(`decided_at`, `updated_at`)
FROM `applications` WHERE `status` IN ('selected', 'not_selected', 'excluded');
-- Create "new_applications" table
CREATE TABLE `new_applications` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `province_id` text NOT NULL, `recipient_id` text NOT NULL, `wave_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `applications_recipients_applications` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION, CONSTRAINT `applications_waves_applications` FOREIGN KEY (`wave_id`) REFERENCES `waves` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "applications" to new temporary table "new_applications"
INSERT INTO `new_applications` (`id`, `created_at`, `updated_at`, `province_id`, `recipient_id`, `wave_id`) SELECT `id`, `created_at`, `updated_at`, `province_id`, `recipient_id`, `wave_id` FROM `applications`;
-- Drop "applications" table after copying rows
DROP TABLE `applications`;
-- Rename temporary table "new_applications" to "applications"
ALTER TABLE `new_applications` RENAME TO `applications`;
-- Create index "application_recipient_id" to table: "applications"
CREATE INDEX `application_recipient_id` ON `applications` (`recipient_id`);
-- Create index "application_recipient_id_wave_id" to table: "applications"
CREATE UNIQUE INDEX `application_recipient_id_wave_id` ON `applications` (`recipient_id`, `wave_id`);
-- Create index "application_wave_id" to table: "applications"
CREATE INDEX `application_wave_id` ON `applications` (`wave_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
