// npm run backup [-- --out DIR]: the database, attachments, keys and secrets in one timestamped
// archive (default directory: data/backups/). See lib/platform/backup/backup.ts.
import { createBackup } from '../lib/platform/backup/backup';
import { ownerDatabaseUrl } from '../lib/platform/db/app-role';
import { installationPaths } from '../lib/platform/backup/installation-paths';

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1]! : 'data/backups';
const { archive, manifest } = await createBackup({ databaseUrl: ownerDatabaseUrl(), paths: installationPaths(), outDir });
const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
console.log(`备份完成 / backup written: ${archive} (${Object.keys(manifest.tables).length} tables, ${rows} rows)`);
