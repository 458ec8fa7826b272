-- Add column "opened_at" to table: "waves"
ALTER TABLE `waves` ADD COLUMN `opened_at` datetime NULL;
-- Add column "closed_at" to table: "waves"
ALTER TABLE `waves` ADD COLUMN `closed_at` datetime NULL;
-- Add column "selection_steps" to table: "waves"
ALTER TABLE `waves` ADD COLUMN `selection_steps` json NULL;
