// Least privilege on PostgreSQL: the migrations run as the schema's owner, the application as a
// role that may only INSERT into the tamper-evident tables (scripts/grant-app-role.sql).
// Plain Node: used by the embedded launcher, scripts/migrate.ts, restore and the test setup.
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** The application's role in the embedded database (an external server names its own). */
export const EMBEDDED_APP_ROLE = 'luoshi_app';

const GRANT_SCRIPT = new URL('../../../scripts/grant-app-role.sql', import.meta.url);

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** scripts/grant-app-role.sql (written for psql) as plain statements for `role`: one source for both paths. */
export function appRoleGrantStatements(role: string): string[] {
  return readFileSync(GRANT_SCRIPT, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('--') && !line.startsWith('\\'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim().replaceAll(':"app_role"', quoteIdentifier(role)))
    .filter(Boolean);
}

/** Applies the grants as the owner, in one transaction; after every migration (new tables have none). */
export async function applyAppRoleGrants(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of appRoleGrantStatements(role)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Whether the schema has been migrated (grants name its tables). */
export async function schemaMigrated(ownerUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const found = await client.query(`SELECT to_regclass('public."AuditEvent"') IS NOT NULL AS migrated`);
    return Boolean(found.rows[0]?.migrated);
  } finally {
    await client.end();
  }
}

/** Creates the login role if missing and sets its password (idempotent; another launcher may race). */
export async function ensureLoginRole(superuserUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const literal = `'${password.replace(/'/g, "''")}'`;
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (found.rowCount === 0) {
      // 42710 duplicate_object / 23505: a launcher starting at the same moment created it first.
      await client.query(`CREATE ROLE ${quoteIdentifier(role)} LOGIN PASSWORD ${literal}`).catch((error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
    }
    await client.query(`ALTER ROLE ${quoteIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal}`);
  } finally {
    await client.end();
  }
}

/**
 * The URL that migrations, backup and restore use: DATABASE_OWNER_URL when set (an external server
 * with a separate application role, or the embedded database), else the one DATABASE_URL.
 */
export function ownerDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_OWNER_URL || env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run through scripts/with-db.ts)');
  return url;
}

/** The application role to grant after a migration: DATABASE_URL's user, when the owner's URL names another. */
export function appRoleToGrant(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.DATABASE_OWNER_URL || !env.DATABASE_URL) return null;
  const app = decodeURIComponent(new URL(env.DATABASE_URL).username);
  const owner = decodeURIComponent(new URL(env.DATABASE_OWNER_URL).username);
  return app && app !== owner ? app : null;
}
