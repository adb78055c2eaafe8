-- Notifications and audit events are appended by one SQL statement per call, so their ids come
-- from the database. Rows written before keep their ids: an id is opaque either way.
ALTER TABLE "Notification" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "AuditEvent" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
