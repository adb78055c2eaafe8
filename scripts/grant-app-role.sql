-- Least privilege for luoshi on an external PostgreSQL (see README, "Integrity and signatures").
--
-- The migrations run as the owner of the schema; the application connects as a separate role
-- that may read and write the working tables but can only INSERT into the tamper-evident ones:
-- audit events, signatures and audit checkpoints are never updated or deleted by luoshi, so a
-- leaked application password or an injection cannot rewrite them either.
--
-- Once, as a superuser:   CREATE ROLE luoshi_app LOGIN PASSWORD '…';
-- Then set DATABASE_OWNER_URL=postgresql://<owner>:…@host/db and DATABASE_URL=postgresql://luoshi_app:…@host/db:
-- `npm run db:deploy` migrates as the owner and applies this file for DATABASE_URL's user after
-- every migration (by hand: psql "$DATABASE_OWNER_URL" -v app_role=luoshi_app -f scripts/grant-app-role.sql).
-- The embedded database does all of this by itself (lib/platform/db/app-role.ts).
\set ON_ERROR_STOP on

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- History is appended, never rewritten.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent", "Signature", "AuditCheckpoint" FROM :"app_role";

-- The migration history belongs to the owner; the app only reads it (GET /api/health: migrations current).
REVOKE ALL ON "_prisma_migrations" FROM :"app_role";
GRANT SELECT ON "_prisma_migrations" TO :"app_role";

-- The job queue (pg-boss) keeps its own schema: the app creates and owns the tables inside
-- (it adds one per queue at run time), so it needs CREATE there, and nowhere else.
CREATE SCHEMA IF NOT EXISTS pgboss;
GRANT USAGE, CREATE ON SCHEMA pgboss TO :"app_role";
