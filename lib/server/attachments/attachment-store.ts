import 'server-only';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serverEnv } from '@/lib/platform/env';
import { isStoredFileName } from '@/lib/core/attachments/policy';

// Task ids are cuids or UUIDs; checked anyway because they become a directory name.
const TASK_DIR = /^[a-z0-9-]{8,40}$/i;

/** Where an attachment lives: <LUOSHI_UPLOAD_DIR>/<taskId>/<storedName>, outside the database. */
export function attachmentPath(taskId: string, storedName: string): string {
  if (!TASK_DIR.test(taskId) || !isStoredFileName(storedName)) throw new Error(`invalid attachment path: ${taskId}/${storedName}`);
  return path.resolve(serverEnv().LUOSHI_UPLOAD_DIR, taskId, storedName);
}

export type StagedFile = { temp: string; final: string };

/**
 * Writes a file under a temporary name next to its final place. The caller renames it with
 * `commitStaged` once the database row that points to it is committed, or removes it with
 * `discardStaged` when the transaction fails, so no row points to a missing file and no file
 * is left without a row.
 */
export async function stageFile(taskId: string, storedName: string, bytes: Uint8Array): Promise<StagedFile> {
  const final = attachmentPath(taskId, storedName);
  const temp = `${final}.part`;
  await mkdir(path.dirname(final), { recursive: true });
  try {
    await writeFile(temp, bytes, { flag: 'wx', mode: 0o640 });
  } catch (error) {
    // A partial write is ours to remove; an existing file (EEXIST) is not.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temp, { force: true });
    throw error;
  }
  return { temp, final };
}

export async function commitStaged(files: readonly StagedFile[]) {
  for (const file of files) await rename(file.temp, file.final);
}

export async function discardStaged(files: readonly StagedFile[]) {
  await Promise.all(files.map((file) => rm(file.temp, { force: true })));
}
