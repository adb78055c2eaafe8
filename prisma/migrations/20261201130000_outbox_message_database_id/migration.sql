-- Outbox rows are written by one SQL statement per chunk, so their ids come from the database.
-- The id is still the idempotency key sent with each message. Rows written before keep their ids.
ALTER TABLE "OutboxMessage" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
