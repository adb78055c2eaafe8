// The append-only file of signed audit checkpoints (see lib/core/audit/checkpoints.ts), outside the
// database so that database access alone cannot rewrite or drop it. Production can make it
// append-only at the file-system level too (chattr +a) or ship it to another host.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { checkpointLogLine, parseCheckpointLog, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
import { checkpointLogPath } from './county-keys';

export function readCheckpointLog(): ReturnType<typeof parseCheckpointLog> {
  const file = checkpointLogPath();
  return existsSync(file) ? parseCheckpointLog(readFileSync(file, 'utf8')) : { records: [], unreadableLines: [] };
}

export function appendCheckpointLog(record: CheckpointRecord) {
  const file = checkpointLogPath();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, checkpointLogLine(record), { mode: 0o644, flag: 'a' });
}

/** A database reset starts a new chain: the old file is kept aside under a dated name. Returns its new path, if any. */
export function archiveCheckpointLog(now = new Date()): string | null {
  const file = checkpointLogPath();
  if (!existsSync(file)) return null;
  const archived = file.replace(/\.log$/, '') + `.${now.toISOString().replace(/[:.]/g, '-')}.log`;
  renameSync(file, archived);
  return archived;
}
