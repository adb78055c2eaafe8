/**
 * Backup and restore of one installation: the database, the attachments and the key/secret
 * files, in one timestamped .tar.gz.
 *
 * The database goes out as a logical export through `pg`, not pg_dump: the embedded PostgreSQL 18
 * ships no pg_dump, and Debian's 15 client tools refuse a newer server. Every table is read in one
 * REPEATABLE READ transaction (one consistent snapshot), each row as PostgreSQL's own
 * `row_to_json` text, which is never parsed here (numbers keep their precision). A restore applies
 * the same migrations to an empty database and loads each table in one statement with
 * `json_populate_recordset`, parents before children, so the same files restore into the embedded
 * server and into any external PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';

/** Where an installation keeps what lives outside the database. */
export type InstallationPaths = {
  /** LUOSHI_UPLOAD_DIR: report attachments. */
  uploads: string;
  /** LUOSHI_KEY_DIR: the county's signing keys and certificate. */
  keys: string;
  /** data/.nextauth-secret: the session secret (when NEXTAUTH_SECRET is not set). */
  secret: string;
  /** LUOSHI_CHECKPOINT_LOG: the append-only copy of the audit checkpoints. */
  checkpointLog: string;
};
type FileEntry = keyof InstallationPaths;
const FILE_ENTRIES: FileEntry[] = ['uploads', 'keys', 'secret', 'checkpointLog'];

export type BackupManifest = {
  format: 'luoshi-backup-1';
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
  /** Which of the installation's files and directories the archive holds. */
  files: Record<FileEntry, boolean>;
};

const MIGRATIONS_TABLE = '_prisma_migrations';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Tables the database derives from the others by triggers (counts per unit and scope, who sees each
 * task): not backed up, and left out of a restore (an older backup holds them), since restoring
 * the tasks, their units and leaders rebuilds them; loading them as well would count twice. Also
 * the monthly trend's counts, which the hourly job counts again (the homes count live until then).
 */
const DERIVED_TABLES = new Set(['TaskFigureSummary', 'TaskScopeMember', 'TaskScopeFigures', 'TaskScopeFigureDelta', 'UnitTaskLeader', 'MonthLightFigures']);

async function userTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.name).filter((name) => !DERIVED_TABLES.has(name));
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Writes `<outDir>/luoshi-backup-<UTC timestamp>.tar.gz` and returns its path and manifest. */
export async function createBackup({ databaseUrl, paths, outDir, now = new Date() }: { databaseUrl: string; paths: InstallationPaths; outDir: string; now?: Date }) {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'luoshi-backup-'));
  try {
    await mkdir(path.join(staging, 'db'));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const tables: Record<string, number> = {};
    let migrations: string[];
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      migrations = await appliedMigrations(client);
      for (const table of await userTables(client)) {
        const out = createWriteStream(path.join(staging, 'db', `${table}.jsonl`));
        let count = 0;
        // Batches keep memory flat on large tables; ctid order is stable inside the snapshot.
        for (let offset = 0; ; offset += 5000) {
          const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${quote(table)} t ORDER BY ctid LIMIT 5000 OFFSET ${offset}`);
          for (const { row } of rows) out.write(`${row}\n`);
          count += rows.length;
          if (rows.length < 5000) break;
        }
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
        tables[table] = count;
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const files = {} as Record<FileEntry, boolean>;
    for (const entry of FILE_ENTRIES) {
      files[entry] = existsSync(paths[entry]);
      if (files[entry]) await cp(paths[entry], path.join(staging, 'files', entry), { recursive: true });
    }
    const manifest: BackupManifest = { format: 'luoshi-backup-1', createdAt: now.toISOString(), migrations, tables, files };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(outDir, { recursive: true });
    const archive = path.resolve(outDir, `luoshi-backup-${timestamp(now)}.tar.gz`);
    execFileSync('tar', ['-czf', archive, '-C', staging, '.']);
    return { archive, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Tables in an order where every table comes after the tables it references. */
async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((table) => !rows.some((fk) => fk.child === table && pending.has(fk.parent)));
    if (ready.length === 0) throw new Error(`外键成环，无法确定恢复顺序：${[...pending].join(', ')}`);
    for (const table of ready.sort()) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}

async function isEmptyOrMissing(target: string): Promise<boolean> {
  if (!existsSync(target)) return true;
  return (await stat(target)).isDirectory() && (await readdir(target)).length === 0;
}

/**
 * Restores an archive into an empty database (no tables, or only freshly applied migrations
 * with no rows) and empty file locations. `migrate` applies the code's migrations to the
 * database; they must be exactly the backup's.
 */
export async function restoreBackup({
  archive,
  databaseUrl,
  paths,
  migrate,
}: {
  archive: string;
  databaseUrl: string;
  paths: InstallationPaths;
  migrate: () => void;
}): Promise<BackupManifest> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'luoshi-restore-'));
  try {
    execFileSync('tar', ['-xzf', path.resolve(archive), '-C', staging]);
    const manifest = JSON.parse(await readFile(path.join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
    if (manifest.format !== 'luoshi-backup-1') throw new Error('不是落实的备份文件');
    for (const entry of FILE_ENTRIES) {
      if (manifest.files[entry] && !(await isEmptyOrMissing(paths[entry]))) throw new Error(`恢复目标已有文件，请先移走：${paths[entry]}`);
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const table of await userTables(client)) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(table)}`);
        if (rows[0]!.n !== '0') throw new Error(`目标数据库不是空的（表 ${table} 有数据），请恢复到新建的空数据库`);
      }
      migrate();
      const migrations = await appliedMigrations(client);
      if (migrations.join('\n') !== manifest.migrations.join('\n')) {
        throw new Error('备份与当前程序的数据库迁移不一致：请用生成备份时的程序版本恢复，再升级');
      }
      const tables = await loadOrder(client, Object.keys(manifest.tables).filter((name) => !DERIVED_TABLES.has(name)));
      await client.query('BEGIN');
      for (const table of tables) {
        const lines: string[] = [];
        const reader = readline.createInterface({ input: createReadStream(path.join(staging, 'db', `${table}.jsonl`)), crlfDelay: Infinity });
        for await (const line of reader) if (line) lines.push(line);
        if (lines.length === 0) continue;
        // One statement per table: a row referencing another row of the same table is checked at its end.
        await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [`[${lines.join(',')}]`]);
      }
      // The derived counts' changes, written by the triggers as the rows went in, into the counts.
      await client.query('SELECT "task_scope_figures_fold"()');
      // Serial columns continue after the restored rows.
      await client.query(`
        SELECT setval(s.seq, GREATEST(COALESCE(s.maxval, 0), 1), s.maxval IS NOT NULL) FROM (
          SELECT pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq,
                 (xpath('/row/m/text()', query_to_xml(format('SELECT max(%I) AS m FROM %I', c.column_name, c.table_name), false, true, '')))[1]::text::bigint AS maxval
            FROM information_schema.columns c
           WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL
        ) s`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    for (const entry of FILE_ENTRIES) {
      if (!manifest.files[entry]) continue;
      await mkdir(path.dirname(paths[entry]), { recursive: true });
      await cp(path.join(staging, 'files', entry), paths[entry], { recursive: true });
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Row counts of every table, for comparing a restore with its backup. */
export async function tableRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await userTables(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(table)}`);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
