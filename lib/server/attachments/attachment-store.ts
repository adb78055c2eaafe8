import 'server-only';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { serverEnv } from '@/lib/platform/env';
import { isStoredFileName } from '@/lib/core/attachments/policy';
import { createS3AttachmentStore } from '@/lib/server/attachments/s3-attachment-store';

/** A file written ahead of the database row that points to it (see `stageFile`): its key. */
export type StagedFile = string;

/** A stored attachment, for download. */
export type StoredFile = { size: number; stream: () => ReadableStream<Uint8Array> };

/**
 * Where attachments live: the local directory (LUOSHI_UPLOAD_DIR) by default, or an S3-compatible
 * object store (LUOSHI_ATTACHMENT_STORE=s3) that several app servers share. Keys are
 * `attachmentKey`s, <taskId>/<storedName>, checked before they reach a store.
 */
export type AttachmentStore = {
  stage: (key: string, bytes: Uint8Array) => Promise<void>;
  commit: (keys: readonly string[]) => Promise<void>;
  discard: (keys: readonly string[]) => Promise<void>;
  /** The file's bytes, or null when it is missing. */
  read: (key: string) => Promise<StoredFile | null>;
};

// Task ids are cuids or UUIDs; checked anyway because they become a directory name or key prefix.
const TASK_DIR = /^[a-z0-9-]{8,40}$/i;

/** The attachment's key in any store: <taskId>/<storedName>, both checked (locally: the path under LUOSHI_UPLOAD_DIR). */
export function attachmentKey(taskId: string, storedName: string): string {
  if (!TASK_DIR.test(taskId) || !isStoredFileName(storedName)) throw new Error(`invalid attachment path: ${taskId}/${storedName}`);
  return `${taskId}/${storedName}`;
}

const localPath = (key: string) => path.resolve(serverEnv().LUOSHI_UPLOAD_DIR, key);

/** Files are written under a temporary name next to their final place and renamed on commit. */
const localAttachmentStore: AttachmentStore = {
  async stage(key, bytes) {
    const temp = `${localPath(key)}.part`;
    await mkdir(path.dirname(temp), { recursive: true });
    try {
      await writeFile(temp, bytes, { flag: 'wx', mode: 0o640 });
    } catch (error) {
      // A partial write is ours to remove; an existing file (EEXIST) is not.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temp, { force: true });
      throw error;
    }
  },
  async commit(keys) {
    for (const key of keys) await rename(`${localPath(key)}.part`, localPath(key));
  },
  async discard(keys) {
    await Promise.all(keys.map((key) => rm(`${localPath(key)}.part`, { force: true })));
  },
  async read(key) {
    const file = localPath(key);
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return null;
    return { size, stream: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
  },
};

type S3AttachmentStore = ReturnType<typeof createS3AttachmentStore>;
const globalForStore = globalThis as unknown as { luoshiS3AttachmentStore?: S3AttachmentStore };

/** This process's S3 store (one client), for LUOSHI_ATTACHMENT_STORE=s3. */
export function s3AttachmentStore(): S3AttachmentStore {
  return (globalForStore.luoshiS3AttachmentStore ??= createS3AttachmentStore(serverEnv()));
}

/** The configured store. */
export function attachmentStore(): AttachmentStore {
  return serverEnv().LUOSHI_ATTACHMENT_STORE === 's3' ? s3AttachmentStore() : localAttachmentStore;
}

/**
 * Writes a file ahead of the database row that points to it. The caller commits it with
 * `commitStaged` once that row is committed, or removes it with `discardStaged` when the
 * transaction fails, so no row points to a missing file and no file is left without a row.
 */
export async function stageFile(taskId: string, storedName: string, bytes: Uint8Array): Promise<StagedFile> {
  const key = attachmentKey(taskId, storedName);
  await attachmentStore().stage(key, bytes);
  return key;
}

export async function commitStaged(files: readonly StagedFile[]) {
  await attachmentStore().commit(files);
}

export async function discardStaged(files: readonly StagedFile[]) {
  await attachmentStore().discard(files);
}
