// Offline Prisma migrations through Prisma's own schema engine compiled to WebAssembly.
// The Prisma 7 CLI needs a native engine binary that these machines cannot download; this script
// keeps Prisma's formats (prisma/migrations/<timestamp>_<name>/migration.sql, migration_lock.toml,
// the _prisma_migrations table and its checksums) so the native CLI reads the result as its own.
//
//   tsx scripts/migrate.ts dev --name X [--create-only]   create a migration from the schema and apply it
//   tsx scripts/migrate.ts deploy                           apply pending migrations
//   tsx scripts/migrate.ts status                           exit 1 when migrations are pending or diverged
//   tsx scripts/migrate.ts diff                             print the SQL from the migrations to the schema
//   tsx scripts/migrate.ts reset --force                    drop everything and re-apply all migrations
//
// Runs as DATABASE_OWNER_URL when set, else DATABASE_URL (scripts/with-db.ts provides the embedded
// ones). When the owner's URL names another user than DATABASE_URL, that user is the application's
// role and gets scripts/grant-app-role.sql after every migration.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { archiveCheckpointLog } from '../lib/platform/keys/checkpoint-log';
import { applyAppRoleGrants, appRoleToGrant, ownerDatabaseUrl } from '../lib/platform/db/app-role';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const migrationsDir = process.env.LUOSHI_MIGRATIONS_DIR ?? path.join(root, 'prisma/migrations');
const schemaFileOverride = process.env.LUOSHI_SCHEMA_FILE; // used by the regression test

// A Rust panic inside the engine reports through this registry; without it the panic surfaces as
// "TypeError: Cannot read properties of undefined (reading 'set_message')".
const panicRegistry = { message: '', set_message(message: string) { this.message = message; } };
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  devDiagnostic(input: unknown): Promise<{ action: { tag: 'reset'; reason: string } | { tag: 'createMigration' } }>;
  evaluateDataLoss(input: unknown): Promise<{ migrationSteps: number; warnings: { message: string }[]; unexecutableSteps: { message: string }[] }>;
  createMigration(input: unknown): Promise<{ generatedMigrationName: string | null; migrationScript: string | null; extension: string }>;
  diagnoseMigrationHistory(input: unknown): Promise<{ history: unknown; failedMigrationNames: string[]; editedMigrationNames: string[]; hasMigrationsTable: boolean }>;
  diff(input: unknown): Promise<{ exitCode: number }>;
};

async function loadEngineModule() {
  // The package's entry imports the .wasm as an ES module, which Node does not support: instantiate it by hand.
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings as { SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<Engine> } };
}

// adapter-pg cannot deserialise PostgreSQL's internal "char" type (oid 18), which introspection
// reads (prisma/orm#27403). Report such columns as Character; mapping them to Text makes the engine panic.
const PG_CHAR_OID = 18;
function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const charColumns = new WeakMap<SqlQuery, number[]>();
  type Internal = { performIO(query: SqlQuery): Promise<{ fields: { dataTypeID: number }[] }> };
  const internal = adapter as unknown as Internal;
  const performIO = internal.performIO.bind(adapter);
  internal.performIO = async (query) => {
    const result = await performIO(query);
    const indices: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = 25; // text, so the adapter accepts it; corrected to Character below
        indices.push(index);
      }
    });
    if (indices.length) charColumns.set(query, indices);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query): Promise<SqlResultSet> => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

function connectionFields(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

// The shadow database gets explicit connection fields (with a connection string, adapter-pg's
// own shadow pool connects to the main database) and its pool ends before the database is dropped.
function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const fields = connectionFields(url);
  const main = new PrismaPg(fields);
  return {
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: async () => withCharColumns(await main.connect()),
    connectToShadowDb: async () => {
      const shadowName = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client(fields);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      await admin.end();
      const shadow = withCharColumns(await new PrismaPg({ ...fields, database: shadowName }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(fields);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await dropper.end();
      };
      return shadow;
    },
  };
}

function readMigrationsList() {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: 'migration.sql is missing' },
        },
      };
    }),
  };
}

function schemaFiles() {
  const file = schemaFileOverride ?? schemaPath;
  return { files: [{ path: file, content: readFileSync(file, 'utf8') }] };
}

const filters = { externalTables: [], externalEnums: [] };

function timestamp() {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function writeMigration(name: string, sql: string) {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
  const dirName = `${timestamp()}_${slug}`;
  mkdirSync(path.join(migrationsDir, dirName), { recursive: true });
  writeFileSync(path.join(migrationsDir, dirName, 'migration.sql'), sql);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dirName;
}

async function resetSchema(url: string) {
  // The engine's reset drops nothing through a driver adapter: drop the schema ourselves.
  const client = new pg.Client(connectionFields(url));
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

function argValue(args: string[], flag: string) {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

/** New tables have no grants: give the application's role its own after every migration. */
async function grantAppRole(ownerUrl: string) {
  const role = appRoleToGrant();
  if (!role) return;
  await applyAppRoleGrants(ownerUrl, role);
  console.log(`grants applied for ${role} (scripts/grant-app-role.sql)`);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const url = ownerDatabaseUrl();
  if (command === 'reset') {
    if (!args.includes('--force')) throw new Error('reset drops every table: pass --force');
    await resetSchema(url);
    // A new database starts a new audit chain: the old chain's checkpoint file would not match it.
    const archived = archiveCheckpointLog();
    if (archived) console.log(`audit checkpoint file moved aside: ${archived}`);
  }

  const { SchemaEngine } = await loadEngineModule();
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(url));
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaFileOverride ?? schemaPath, readFileSync(schemaFileOverride ?? schemaPath, 'utf8')]] },
    (line: string) => process.env.LUOSHI_MIGRATE_DEBUG && console.error(line),
    factory,
  );

  // All calls go to this one engine instance: only it holds the shadow-database factory.
  switch (command) {
    case 'deploy':
    case 'reset': {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
      console.log(appliedMigrationNames.length ? `applied: ${appliedMigrationNames.join(', ')}` : 'no pending migrations');
      await grantAppRole(url);
      return 0;
    }
    case 'dev': {
      const name = argValue(args, '--name');
      if (!name) throw new Error('dev needs --name <name>');
      // A fresh database has no _prisma_migrations table and devDiagnostic fails with P1014: apply first.
      await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
      const diagnostic = await engine.devDiagnostic({ migrationsList: readMigrationsList(), filters });
      if (diagnostic.action.tag === 'reset') {
        throw new Error(`the database has drifted from the migrations; run db:reset. ${diagnostic.action.reason}`);
      }
      const loss = await engine.evaluateDataLoss({ migrationsList: readMigrationsList(), schema: schemaFiles(), filters });
      for (const warning of loss.warnings) console.warn(`warning: ${warning.message}`);
      if (loss.unexecutableSteps.length) {
        throw new Error(loss.unexecutableSteps.map((step) => step.message).join('\n'));
      }
      const created = await engine.createMigration({
        draft: args.includes('--create-only'),
        migrationName: name,
        migrationsList: readMigrationsList(),
        schema: schemaFiles(),
        filters,
      });
      if (!created.migrationScript) {
        console.log('already in sync: no migration created');
        return 0;
      }
      const dirName = writeMigration(name, created.migrationScript);
      console.log(`created: ${dirName}`);
      if (!args.includes('--create-only')) {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
        console.log(`applied: ${appliedMigrationNames.join(', ')}`);
        await grantAppRole(url);
      }
      return 0;
    }
    case 'status': {
      const result = await engine.diagnoseMigrationHistory({
        migrationsList: readMigrationsList(),
        optInToShadowDatabase: false,
        filters,
      });
      const count = readMigrationsList().migrationDirectories.length;
      if (!result.history && !result.failedMigrationNames.length && !result.editedMigrationNames.length) {
        console.log(`${count} migrations found; database schema is up to date`);
        return 0;
      }
      console.log(JSON.stringify(result, null, 2));
      return 1;
    }
    case 'diff': {
      await engine.diff({
        from: { tag: 'migrations', ...readMigrationsList() },
        to: { tag: 'schemaDatamodel', ...schemaFiles() },
        script: true,
        shadowDatabaseUrl: null,
        exitCode: true,
        filters,
      });
      return 0;
    }
    default:
      throw new Error(`unknown command "${command ?? ''}": use dev, deploy, status, diff or reset`);
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    console.error(`migrate: ${panicRegistry.message || message}`);
    // The engine leaves timers armed; exit explicitly so the process ends.
    process.exit(1);
  });
