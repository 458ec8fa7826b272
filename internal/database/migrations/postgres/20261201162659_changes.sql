-- Modify "waves" table
ALTER TABLE "waves" ADD COLUMN "opened_at" timestamptz NULL, ADD COLUMN "closed_at" timestamptz NULL, ADD COLUMN "selection_steps" jsonb NULL;
