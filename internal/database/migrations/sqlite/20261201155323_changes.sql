-- Add column "scopes" to table: "api_keys"
ALTER TABLE `api_keys` ADD COLUMN `scopes` json NOT NULL DEFAULT '[]';
-- Create "partner_calls" table
CREATE TABLE `partner_calls` (`id` text NOT NULL, `created_at` datetime NOT NULL, `org_id` text NOT NULL, `account_id` text NOT NULL, `api_key_prefix` text NOT NULL, `operation` text NOT NULL, `status` text NOT NULL, `error_message` text NULL, `duration_ms` integer NOT NULL, PRIMARY KEY (`id`));
-- Create index "partnercall_org_id_created_at" to table: "partner_calls"
CREATE INDEX `partnercall_org_id_created_at` ON `partner_calls` (`org_id`, `created_at`);
-- Create index "partnercall_created_at" to table: "partner_calls"
CREATE INDEX `partnercall_created_at` ON `partner_calls` (`created_at`);
